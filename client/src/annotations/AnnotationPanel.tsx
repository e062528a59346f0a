/** The side panel's threads, in the order of the text; the one whose highlight was clicked is shown active. */
import { useEffect } from 'preact/hooks';
import type { AnnotationThread } from '../../../shared/api/annotations.ts';
import { useT } from '../i18n/i18n.ts';
import type { LiveArticle } from '../live/billDoc.ts';
import { Thread } from './Thread.tsx';

export function AnnotationPanel({
  billId,
  threads,
  articles,
  activeIds,
  onSelect,
  onChanged,
}: {
  billId: string;
  threads: AnnotationThread[];
  articles: LiveArticle[];
  activeIds: string[];
  onSelect: (ids: string[]) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const order = new Map(articles.map((article, index) => [article.id, index]));
  const numberOf = new Map(articles.map((article) => [article.id, article.number]));
  const sorted = [...threads].sort((a, b) => (order.get(a.articleId ?? '') ?? 1e9) - (order.get(b.articleId ?? '') ?? 1e9));

  useEffect(() => {
    const first = activeIds[0];
    if (first) document.querySelector(`[data-thread-id="${CSS.escape(first)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [activeIds.join(' ')]);

  return (
    <section class="panel" aria-labelledby="threads-title">
      <h3 id="threads-title">{t('annotations.title', { count: threads.length })}</h3>
      {threads.length === 0 ? (
        <p class="muted">{t('annotations.none')}</p>
      ) : (
        <ul class="threads">
          {sorted.map((thread) => (
            <li key={thread.id}>
              <Thread
                billId={billId}
                thread={thread}
                articleNumber={numberOf.get(thread.articleId ?? '') ?? null}
                active={activeIds.includes(thread.id)}
                onSelect={() => onSelect(activeIds.includes(thread.id) ? [] : [thread.id])}
                onChanged={onChanged}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
