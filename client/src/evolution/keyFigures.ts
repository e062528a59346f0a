/**
 * The La Fabrique figures journalists quote (STAT3), by La Fabrique's own field names, with how each is written.
 * Fields a bill cannot support are absent from its statistics and simply not shown.
 */
import type { Lang, MessageKey } from '../i18n/i18n.ts';

/** How a figure is written: a count, a number of days, or a ratio as a percentage. */
type FigureFormat = 'count' | 'days' | 'ratio';

/** The figures shown, in this order. */
export const KEY_FIGURES: readonly { field: string; label: MessageKey; format: FigureFormat }[] = [
  { field: 'total_days', label: 'evolution.figure.totalDays', format: 'days' },
  { field: 'texts_produced', label: 'evolution.figure.textsProduced', format: 'count' },
  { field: 'depots_in_institutions', label: 'evolution.figure.depots', format: 'count' },
  { field: 'echecs_procedure', label: 'evolution.figure.echecs', format: 'count' },
  { field: 'total_input_articles', label: 'evolution.figure.inputArticles', format: 'count' },
  { field: 'total_output_articles', label: 'evolution.figure.outputArticles', format: 'count' },
  { field: 'input_text_length', label: 'evolution.figure.inputLength', format: 'count' },
  { field: 'output_text_length', label: 'evolution.figure.outputLength', format: 'count' },
  { field: 'ratio_texte_modif', label: 'evolution.figure.ratioModified', format: 'ratio' },
  { field: 'ratio_text_length_growth', label: 'evolution.figure.lengthGrowth', format: 'ratio' },
  { field: 'total_amendements', label: 'evolution.figure.amendments', format: 'count' },
  { field: 'total_amendements_adoptes', label: 'evolution.figure.amendmentsAdopted', format: 'count' },
  { field: 'total_seances', label: 'evolution.figure.sittings', format: 'count' },
  { field: 'total_interventions', label: 'evolution.figure.interventions', format: 'count' },
  { field: 'total_intervenants', label: 'evolution.figure.speakers', format: 'count' },
  { field: 'total_mots', label: 'evolution.figure.words', format: 'count' },
];

/** A figure written for the language; `days` gets its unit from the caller's message. */
export function formatFigure(lang: Lang, value: number, format: FigureFormat): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  if (format === 'ratio') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale).format(value);
}
