/** The text across its steps (TIME1): its length and its number of articles at each step that produced a text. */
import type { Timeline } from '../../../shared/api/timeline.ts';
import { stageLabel } from '../bill/stepLabels.ts';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { BarChart } from './BarChart.tsx';

export function TextCharts({ timeline }: { timeline: Timeline }) {
  const t = useT();
  const lang = useLanguage();
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const texts = timeline.steps.flatMap((step) => (step.version ? [{ step, version: step.version, label: stageLabel(t, step) }] : []));
  const when = (date: string | null) => (date ? formatDate(lang, date) : '—');
  return (
    <>
      <BarChart
        title={t('evolution.stats.lengthTitle')}
        dataToggle={t('evolution.stats.showData')}
        emptyText={t('evolution.stats.noText')}
        bars={texts.map(({ step, version, label }) => ({
          key: step.id,
          label,
          value: version.length,
          valueText: t('evolution.stats.characters', { count: number.format(version.length) }),
        }))}
        table={{
          columns: [t('evolution.stats.step'), t('evolution.stats.date'), t('evolution.stats.charactersColumn'), t('evolution.stats.wordsColumn')],
          rows: texts.map(({ step, version, label }) => ({ key: step.id, cells: [label, when(step.date), number.format(version.length), number.format(version.words)] })),
        }}
      />
      <BarChart
        title={t('evolution.stats.articlesTitle')}
        dataToggle={t('evolution.stats.showData')}
        emptyText={t('evolution.stats.noText')}
        bars={texts.map(({ step, version, label }) => ({
          key: step.id,
          label,
          value: version.articlesWithText,
          valueText: t('evolution.stats.articles', { count: version.articlesWithText }),
        }))}
        table={{
          columns: [t('evolution.stats.step'), t('evolution.stats.date'), t('evolution.stats.articlesColumn'), t('evolution.stats.listedColumn')],
          rows: texts.map(({ step, version, label }) => ({ key: step.id, cells: [label, when(step.date), version.articlesWithText, version.articles] })),
        }}
      />
    </>
  );
}
