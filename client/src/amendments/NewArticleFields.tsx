/** Where an additional article goes (after a chosen article, or first) and its number, checked against the live text. */
import { useT } from '../i18n/i18n.ts';
import type { LiveArticle } from '../live/billDoc.ts';
import { Field } from '../ui/Field.tsx';

/** The place of the new article: an article id to follow, or '' for the start of the text. */
export interface NewArticlePlace {
  afterArticleId: string;
  number: string;
}

/** Why the number cannot be used, or null. */
export function numberProblem(articles: readonly Pick<LiveArticle, 'number'>[], number: string): 'missing' | 'taken' | null {
  const wanted = number.trim();
  if (wanted === '') return 'missing';
  return articles.some((article) => article.number === wanted) ? 'taken' : null;
}

export function NewArticleFields({ articles, place, onPlace }: { articles: readonly LiveArticle[]; place: NewArticlePlace; onPlace: (place: NewArticlePlace) => void }) {
  const t = useT();
  const problem = numberProblem(articles, place.number);
  return (
    <>
      <Field label={t('amend.newArticlePlace')}>
        {(props) => (
          <select {...props} value={place.afterArticleId} onChange={(e) => onPlace({ ...place, afterArticleId: e.currentTarget.value })}>
            <option value="">{t('amend.newArticleFirst')}</option>
            {articles.map((article) => (
              <option key={article.id} value={article.id}>
                {t('amend.newArticleAfter', { number: article.number })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('amend.newArticleNumber')} hint={t('amend.newArticleNumberHint')} error={problem === 'taken' ? t('amend.newArticleTaken', { number: place.number.trim() }) : null}>
        {(props) => <input {...props} required maxLength={40} value={place.number} onInput={(e) => onPlace({ ...place, number: e.currentTarget.value })} />}
      </Field>
    </>
  );
}
