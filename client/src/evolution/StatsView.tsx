/**
 * The bill in figures: La Fabrique's key statistics (STAT3), the text's length and articles across steps (TIME1) and
 * its amendments by outcome and group (TIME4), drawn as accessible SVG charts with their data tables.
 */
import type { BillStats } from '../../../shared/api/history.ts';
import { getAmendmentSummary, getBillStats, getTimeline } from '../api/evolution.ts';
import { useLanguage, useT } from '../i18n/i18n.ts';
import { useReloadOn } from '../live/BillEvents.tsx';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAsync } from '../ui/useAsync.ts';
import { AmendmentCharts } from './AmendmentCharts.tsx';
import { formatFigure, KEY_FIGURES } from './keyFigures.ts';
import { TextCharts } from './TextCharts.tsx';

function KeyFigures({ stats }: { stats: BillStats }) {
  const t = useT();
  const lang = useLanguage();
  const shown = KEY_FIGURES.flatMap((figure) => {
    const value = stats.lafabrique[figure.field];
    return typeof value === 'number' ? [{ ...figure, value }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="key-figures-title">
      <h4 id="key-figures-title">{t('evolution.stats.figuresTitle')}</h4>
      <dl class="key-figures">
        {shown.map((figure) => (
          <div key={figure.field}>
            <dt>{t(figure.label)}</dt>
            <dd>{figure.format === 'days' ? t('evolution.figure.days', { count: figure.value }) : formatFigure(lang, figure.value, figure.format)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function StatsView({ billId }: { billId: string }) {
  const t = useT();
  const timeline = useAsync(() => getTimeline(billId), [billId]);
  const summary = useAsync(() => getAmendmentSummary(billId), [billId]);
  const stats = useAsync(() => getBillStats(billId), [billId]);
  // Every figure follows a new version or an amendment's outcome (the server recomputes once per revision).
  useReloadOn(['version.', 'bill.', 'amendment.'], () => {
    timeline.reload();
    summary.reload();
    stats.reload();
  });
  const loading = !timeline.data && !summary.data && !stats.data && !timeline.error && !summary.error && !stats.error;
  return (
    <section class="evolution-stats" aria-labelledby="evolution-section-title">
      <h3 id="evolution-section-title">{t('evolution.stats.title')}</h3>
      {loading && <p role="status">{t('common.loading')}</p>}
      <ErrorMessage error={stats.error} />
      {stats.data && <KeyFigures stats={stats.data} />}
      <div class="charts">
        <ErrorMessage error={timeline.error} />
        {timeline.data && <TextCharts timeline={timeline.data} />}
        <ErrorMessage error={summary.error} />
        {summary.data && <AmendmentCharts summary={summary.data} />}
      </div>
    </section>
  );
}
