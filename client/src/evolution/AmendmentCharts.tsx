/**
 * Amendments (TIME4): by outcome over the whole bill, and by political group in the group's own colour (La Fabrique's),
 * each bar outlined so that light colours keep a visible edge on the page.
 */
import type { AmendmentSummary, OutcomeCounts } from '../../../shared/api/timeline.ts';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { BarChart } from './BarChart.tsx';

type Outcome = 'adopted' | 'rejected' | 'notVoted' | 'pending';

// Colours with at least 3:1 against white (WCAG non-text contrast); the bars' labels say the outcome in words.
const OUTCOMES: readonly { outcome: Outcome; label: MessageKey; colour: string }[] = [
  { outcome: 'adopted', label: 'evolution.outcome.adopted', colour: '#1f8a3b' },
  { outcome: 'rejected', label: 'evolution.outcome.rejected', colour: '#b42318' },
  { outcome: 'notVoted', label: 'evolution.outcome.notVoted', colour: '#6b7280' },
  { outcome: 'pending', label: 'evolution.outcome.pending', colour: '#123d73' },
];

// A group La Fabrique gives no colour.
const NO_COLOUR = '#9aa1ad';

export function AmendmentCharts({ summary }: { summary: AmendmentSummary }) {
  const t = useT();
  const outcomes = OUTCOMES.filter(({ outcome }) => outcome !== 'pending' || summary.overall.pending > 0);
  const groups = new Map(summary.groups.map((group) => [group.code, group]));
  const groupName = (code: string | null) => (code === null ? t('evolution.stats.noGroup') : (groups.get(code)?.name ?? code));
  const outcomeCells = (counts: OutcomeCounts) => [counts.tabled, counts.adopted, counts.rejected, counts.notVoted, counts.pending];
  const countColumns = [t('evolution.stats.tabled'), ...OUTCOMES.map(({ label }) => t(label))];
  const byGroup = [...summary.byGroup].sort((a, b) => b.tabled - a.tabled);
  return (
    <>
      <BarChart
        title={t('evolution.stats.outcomeTitle', { count: summary.overall.tabled })}
        dataToggle={t('evolution.stats.showData')}
        emptyText={t('evolution.stats.noAmendments')}
        bars={summary.overall.tabled === 0 ? [] : outcomes.map(({ outcome, label, colour }) => ({
          key: outcome,
          label: t(label),
          value: summary.overall[outcome],
          valueText: t('evolution.stats.amendments', { count: summary.overall[outcome] }),
          colour,
        }))}
        table={{
          columns: [t('evolution.stats.outcome'), t('evolution.stats.amendmentsColumn')],
          rows: outcomes.map(({ outcome, label }) => ({ key: outcome, cells: [t(label), summary.overall[outcome]] })),
        }}
      />
      <BarChart
        title={t('evolution.stats.groupTitle')}
        dataToggle={t('evolution.stats.showData')}
        emptyText={t('evolution.stats.noAmendments')}
        bars={byGroup.map((counts) => ({
          key: counts.group ?? '-',
          label: groupName(counts.group),
          value: counts.tabled,
          valueText: t('evolution.stats.tabledAdopted', { count: counts.tabled, adopted: counts.adopted }),
          colour: (counts.group !== null ? groups.get(counts.group)?.color : null) ?? NO_COLOUR,
        }))}
        table={{
          columns: [t('evolution.stats.group'), ...countColumns],
          rows: byGroup.map((counts) => ({ key: counts.group ?? '-', cells: [groupName(counts.group), ...outcomeCells(counts)] })),
        }}
      />
    </>
  );
}
