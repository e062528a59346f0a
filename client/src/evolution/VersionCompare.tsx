/**
 * The diff between any two versions of the bill (DIFF3): two choices (by default the previous version and the
 * latest), inline or side by side, the count of articles by status, then every article that is not unchanged with
 * its status and its word diff (DiffView, whose insertions and deletions carry their text alternative).
 */
import type { ArticleDiff, VersionDiff } from '../../../shared/api/history.ts';
import { listVersions } from '../api/bills.ts';
import { diffVersions } from '../api/evolution.ts';
import { Link, pathOf } from '../app/router.tsx';
import { type DiffLayout, DiffView } from '../diff/DiffView.tsx';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { useReloadOn } from '../live/BillEvents.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAsync } from '../ui/useAsync.ts';
import { useQueryParams } from './queryParams.ts';
import { VersionSelect } from './VersionSelect.tsx';

type Status = ArticleDiff['status'];

const STATUSES: readonly Status[] = ['new', 'modified', 'renumbered', 'deleted', 'unchanged'];

const statusLabels: Record<Status, MessageKey> = {
  new: 'evolution.diff.status.new',
  modified: 'evolution.diff.status.modified',
  renumbered: 'evolution.diff.status.renumbered',
  deleted: 'evolution.diff.status.deleted',
  unchanged: 'evolution.diff.status.unchanged',
};

const countLabels: Record<Status, MessageKey> = {
  new: 'evolution.diff.count.new',
  modified: 'evolution.diff.count.modified',
  renumbered: 'evolution.diff.count.renumbered',
  deleted: 'evolution.diff.count.deleted',
  unchanged: 'evolution.diff.count.unchanged',
};

// Unchanged stretches longer than this are cut to their edges: the changes are what a comparison is read for.
const CONTEXT_CHARACTERS = 240;

function ArticleChange({ billId, toVersionId, article, layout }: { billId: string; toVersionId: string; article: ArticleDiff; layout: DiffLayout }) {
  const t = useT();
  const renumbered = article.fromNumber !== null && article.toNumber !== null && article.fromNumber !== article.toNumber;
  const title = t('reader.article', { number: article.number });
  return (
    <article class={`article-diff status-${article.status}`} aria-labelledby={`diff-${article.articleId}`}>
      <h4 id={`diff-${article.articleId}`}>
        {article.status === 'deleted' ? title : <Link href={pathOf('bills', billId, 'versions', toVersionId, 'articles', article.number)}>{title}</Link>}{' '}
        <span class={`badge diff-status diff-status-${article.status}`}>{t(statusLabels[article.status])}</span>
      </h4>
      {renumbered && <p class="muted">{t('evolution.diff.renumberedFrom', { from: article.fromNumber ?? '', to: article.toNumber ?? '' })}</p>}
      {/* A renumbered article whose words did not change needs no text: its note says it all. */}
      {article.parts.some((part) => part.op !== 'equal') && <DiffView parts={article.parts} context={CONTEXT_CHARACTERS} layout={layout} />}
    </article>
  );
}

function DiffResult({ billId, diff, layout }: { billId: string; diff: VersionDiff; layout: DiffLayout }) {
  const t = useT();
  const changed = diff.articles.filter((article) => article.status !== 'unchanged');
  return (
    <>
      <ul class="diff-counts" aria-label={t('evolution.diff.counts')}>
        {STATUSES.map((status) => (
          <li key={status} class={`badge diff-status diff-status-${status}`}>
            {t(countLabels[status], { count: diff.counts[status] ?? 0 })}
          </li>
        ))}
      </ul>
      {changed.length === 0 && <p class="muted">{t('evolution.diff.identical')}</p>}
      {changed.map((article) => (
        <ArticleChange key={article.articleId} billId={billId} toVersionId={diff.to} article={article} layout={layout} />
      ))}
    </>
  );
}

export function VersionCompare({ billId }: { billId: string }) {
  const t = useT();
  const [search, setQuery] = useQueryParams();
  const versions = useAsync(() => listVersions(billId), [billId]);
  useReloadOn(['version.'], versions.reload);
  const list = versions.data ?? [];
  const known = (id: string | null) => (id !== null && list.some((version) => version.id === id) ? id : undefined);
  const to = known(search.get('to')) ?? list.at(-1)?.id;
  const from = known(search.get('from')) ?? list.at(-2)?.id ?? to;
  const layout: DiffLayout = search.get('layout') === 'side' ? 'sideBySide' : 'inline';
  const diff = useAsync(() => (from && to ? diffVersions(billId, from, to) : Promise.resolve(undefined)), [billId, from, to]);
  const shown = diff.data && diff.data.from === from && diff.data.to === to ? diff.data : undefined;

  return (
    <section class="evolution-diff" aria-labelledby="evolution-section-title">
      <h3 id="evolution-section-title">{t('evolution.diff.title')}</h3>
      <ErrorMessage error={versions.error} />
      {versions.data && list.length < 2 && <p class="muted">{t('evolution.diff.oneVersion')}</p>}
      {list.length > 0 && (
        <div class="diff-controls">
          <VersionSelect label={t('evolution.diff.from')} versions={list} value={from} onChange={(id) => setQuery({ from: id, to })} />
          <VersionSelect label={t('evolution.diff.to')} versions={list} value={to} onChange={(id) => setQuery({ from, to: id })} />
          <fieldset class="diff-layout">
            <legend>{t('evolution.diff.layout')}</legend>
            {(['inline', 'sideBySide'] as const).map((value) => (
              <label key={value} class="choice">
                <input
                  type="radio"
                  name="diff-layout"
                  value={value}
                  checked={layout === value}
                  onChange={() => setQuery({ layout: value === 'sideBySide' ? 'side' : undefined })}
                />
                {t(value === 'inline' ? 'evolution.diff.inline' : 'evolution.diff.sideBySide')}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <ErrorMessage error={diff.error} />
      {from && to && !shown && !diff.error && <p role="status">{t('common.loading')}</p>}
      {shown && <DiffResult billId={billId} diff={shown} layout={layout} />}
    </section>
  );
}
