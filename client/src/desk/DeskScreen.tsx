/**
 * The parliamentarian desk (first part): the official working text, editable live by the bill's rapporteurs, one
 * collaborative editor per article; the deposited amendments awaiting a decision, each with its official answer
 * (avis and text); publishing a version.
 */
import type { Amendment } from '../../../shared/api/amendments.ts';
import { isRapporteurOf, useSession } from '../account/session.ts';
import { Link } from '../app/router.tsx';
import { AmendmentCard } from '../amendments/AmendmentCard.tsx';
import { useT } from '../i18n/i18n.ts';
import type { BillDocConnection, BillDocState } from '../live/billDoc.ts';
import { useLoadTallies } from '../votes/tallies.tsx';
import { AnswerForm } from './AnswerForm.tsx';
import { PublishForm } from './PublishForm.tsx';
import { useArticleEditor } from './useArticleEditor.ts';

export function DeskScreen({
  billId,
  connection,
  state,
  amendments,
  onAmendmentChanged,
}: {
  billId: string;
  connection: BillDocConnection | null;
  state: BillDocState | null;
  amendments: Amendment[];
  onAmendmentChanged: (amendment: Amendment) => void;
}) {
  const t = useT();
  const me = useSession();
  const pending = amendments.filter((amendment) => amendment.status === 'deposited');
  const rapporteur = !!me && isRapporteurOf(me, billId);
  const ArticleEditor = useArticleEditor(rapporteur);
  useLoadTallies(billId, 'amendment', pending.map((a) => a.id));
  const heading = (
    <h2 data-route-focus tabIndex={-1}>
      {t('desk.title')}
    </h2>
  );
  if (!rapporteur) {
    return (
      <div class="desk">
        {heading}
        <p>{me ? t('desk.notRapporteur') : <Link href={`/signin?next=${encodeURIComponent(window.location.pathname)}`}>{t('desk.signIn')}</Link>}</p>
      </div>
    );
  }
  const writing = state?.access === 'write' && state.status === 'connected';
  return (
    <div class="desk workspace">
      <div class="reader">
        {heading}
        <p role="status" class={writing ? 'success' : 'muted'}>
          {writing ? t('desk.writing') : t('desk.connecting')}
        </p>
        {connection &&
          ArticleEditor &&
          state?.articles.map((article) => (
            <section key={article.id} class="article" aria-labelledby={`desk-${article.id}`}>
              <h3 id={`desk-${article.id}`} class="article-title">
                {t('reader.article', { number: article.number })}
              </h3>
              <ArticleEditor ytext={article.ytext} awareness={connection.provider.awareness} label={t('desk.editorLabel', { number: article.number })} editable={writing} />
            </section>
          ))}
      </div>
      <aside class="side" aria-label={t('desk.side')}>
        <section class="panel" aria-labelledby="queue-title">
          <h3 id="queue-title">{t('desk.queue', { count: pending.length })}</h3>
          {pending.length === 0 ? (
            <p class="muted">{t('desk.queueEmpty')}</p>
          ) : (
            <ul class="cards">
              {pending.map((amendment) => (
                <li key={amendment.id}>
                  <AmendmentCard amendment={amendment} onChanged={onAmendmentChanged} />
                  <AnswerForm amendment={amendment} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <PublishForm billId={billId} />
      </aside>
    </div>
  );
}
