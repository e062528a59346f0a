/**
 * How a cell of the article × step grid reads: its kind (La Fabrique's statuses, plus the failed steps and the steps
 * an article was absent from), the shade its share changed falls in, and the words saying it. The visible mark
 * (=, 42 %, +…) and the words repeat what the colour shows, so colour is never the only signal.
 */
import type { z } from 'zod';
import type { GridCellSchema, GridStepSchema } from '../../../shared/api/history.ts';
import type { Lang, MessageKey, Translate } from '../i18n/i18n.ts';

type GridCell = z.infer<typeof GridCellSchema>;
type GridStep = z.infer<typeof GridStepSchema>;

/** What an article was at a step. */
export type CellKind = 'absent' | 'depot' | 'new' | 'unchanged' | 'modified' | 'deleted' | 'failed';

/** Shades of a modified cell, from lightly (1) to mostly rewritten (4); 0 for every other kind. */
export type Shade = 0 | 1 | 2 | 3 | 4;

/** Upper bounds (exclusive) of shades 1–3; shade 4 is the rest. Shown in the legend too. */
export const SHADE_BOUNDS = [0.1, 0.3, 0.6] as const;

/** A cell, classified. */
export interface CellLook {
  kind: CellKind;
  shade: Shade;
  /** Share changed, for modified cells (0..1). */
  share: number | null;
}

/** Classifies the cell of an article at a step (`cell` undefined: the article was not in that step's text). */
export function lookOf(cell: GridCell | undefined, step: GridStep): CellLook {
  // A failed step (échec, rejet) produced no text: La Fabrique draws the whole column as failed.
  if (step.echec !== null || cell?.status.toLowerCase() === 'échec') return { kind: 'failed', shade: 0, share: null };
  if (!cell) return { kind: 'absent', shade: 0, share: null };
  if (cell.status === 'sup') return { kind: 'deleted', shade: 0, share: null };
  if (cell.status === 'new') return { kind: 'new', shade: 0, share: null };
  if (cell.status === 'depot') return { kind: 'depot', shade: 0, share: null };
  if (cell.nDiff <= 0 || cell.diff === 'none') return { kind: 'unchanged', shade: 0, share: 0 };
  return { kind: 'modified', shade: shadeOf(cell.nDiff), share: cell.nDiff };
}

/** The shade a share changed falls in. */
export function shadeOf(share: number): Shade {
  const index = SHADE_BOUNDS.findIndex((bound) => share < bound);
  return (index < 0 ? 4 : index + 1) as Shade;
}

/** A share as a percentage in the language's typography ("42 %", "42%"); "< 1 %" rather than a misleading 0. */
export function formatShare(lang: Lang, share: number): string {
  const format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  return share > 0 && share < 0.005 ? `< ${format.format(0.01)}` : format.format(share);
}

const marks: Record<Exclude<CellKind, 'modified'>, MessageKey> = {
  absent: 'evolution.grid.mark.absent',
  depot: 'evolution.grid.mark.depot',
  new: 'evolution.grid.mark.new',
  unchanged: 'evolution.grid.mark.unchanged',
  deleted: 'evolution.grid.mark.deleted',
  failed: 'evolution.grid.mark.failed',
};

const states: Record<Exclude<CellKind, 'modified'>, MessageKey> = {
  absent: 'evolution.grid.state.absent',
  depot: 'evolution.grid.state.depot',
  new: 'evolution.grid.state.new',
  unchanged: 'evolution.grid.state.unchanged',
  deleted: 'evolution.grid.state.deleted',
  failed: 'evolution.grid.state.failed',
};

/** The short mark written in the cell. */
export const markOf = (t: Translate, lang: Lang, look: CellLook) =>
  look.kind === 'modified' ? formatShare(lang, look.share ?? 0) : t(marks[look.kind]);

/** The cell's state in words ("modifié à 42 %"). */
export const stateOf = (t: Translate, lang: Lang, look: CellLook) =>
  look.kind === 'modified' ? t('evolution.grid.state.modified', { share: formatShare(lang, look.share ?? 0) }) : t(states[look.kind]);

/** The legend's entries, in reading order: the kinds, then the shades of change. */
export const LEGEND: readonly { kind: CellKind; shade: Shade; label: MessageKey }[] = [
  { kind: 'depot', shade: 0, label: 'evolution.grid.state.depot' },
  { kind: 'unchanged', shade: 0, label: 'evolution.grid.state.unchanged' },
  { kind: 'modified', shade: 1, label: 'evolution.grid.legend.shade1' },
  { kind: 'modified', shade: 2, label: 'evolution.grid.legend.shade2' },
  { kind: 'modified', shade: 3, label: 'evolution.grid.legend.shade3' },
  { kind: 'modified', shade: 4, label: 'evolution.grid.legend.shade4' },
  { kind: 'new', shade: 0, label: 'evolution.grid.state.new' },
  { kind: 'deleted', shade: 0, label: 'evolution.grid.state.deleted' },
  { kind: 'failed', shade: 0, label: 'evolution.grid.state.failed' },
  { kind: 'absent', shade: 0, label: 'evolution.grid.state.absent' },
];

/** The CSS classes of a cell (and of its legend swatch). */
export const cellClass = (look: Pick<CellLook, 'kind' | 'shade'>) => `grid-cell cell-${look.kind}${look.kind === 'modified' ? ` shade-${look.shade}` : ''}`;
