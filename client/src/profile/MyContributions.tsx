/** "What became of my contributions" (TRACE6): my amendments, comments and questions, most recent first, by kind, a page at a time. */
import { useState } from 'preact/hooks';
import type { TraceKind } from '../../../shared/api/lineage.ts';
import { myContributions } from '../api/lineage.ts';
import { useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAsync } from '../ui/useAsync.ts';
import { ContributionItem } from './ContributionItem.tsx';
import { traceKindLabels } from './labels.ts';

const PAGE = 20;
const KINDS: TraceKind[] = ['amendment', 'annotation', 'question'];

/** `revision` changes when something outside (an accepted invitation) changed the list. */
export function MyContributions({ revision }: { revision: number }) {
  const t = useT();
  const [kind, setKind] = useState<TraceKind | ''>('');
  const [offset, setOffset] = useState(0);
  const page = useAsync(() => myContributions({ kind: kind || undefined, offset, limit: PAGE }), [kind, offset, revision]);
  const total = page.data?.total ?? 0;
  const chooseKind = (value: string) => {
    setKind(value as TraceKind | '');
    setOffset(0);
  };
  return (
    <section class="my-contributions" aria-labelledby="my-contributions-title">
      <h2 id="my-contributions-title">{t('profile.contributions')}</h2>
      <div class="field inline">
        <label for="contribution-kind">{t('profile.kindFilter')}</label>
        <select id="contribution-kind" value={kind} onChange={(e) => chooseKind(e.currentTarget.value)}>
          <option value="">{t('profile.kind.all')}</option>
          {KINDS.map((value) => (
            <option key={value} value={value}>
              {t(traceKindLabels[value])}
            </option>
          ))}
        </select>
      </div>
      <p role="status" class="muted">
        {page.data ? (total === 0 ? t('profile.none') : t('profile.range', { from: offset + 1, to: offset + page.data.items.length, total })) : t('common.loading')}
      </p>
      <ErrorMessage error={page.error} />
      <ul class="cards">
        {page.data?.items.map((item) => (
          <li key={item.id}>
            <ContributionItem item={item} />
          </li>
        ))}
      </ul>
      {total > PAGE && (
        <nav class="pager" aria-label={t('profile.pages')}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('profile.previous')}
          </button>
          <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            {t('profile.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
