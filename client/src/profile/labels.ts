/** What became of a contribution, in the interface language: its kind, outcome, and whether its words remain. */
import type { TraceKind, WordsPresence } from '../../../shared/api/lineage.ts';
import { statusLabels } from '../amendments/labels.ts';
import type { MessageKey } from '../i18n/i18n.ts';

export const traceKindLabels: Record<TraceKind, MessageKey> = {
  amendment: 'profile.kind.amendment',
  annotation: 'profile.kind.annotation',
  question: 'profile.kind.question',
};

// An annotation's outcome is its anchor's status now (or `reply`); a question's, whether it was answered.
const otherOutcomes: Record<string, MessageKey> = {
  ok: 'profile.outcome.anchored',
  drifted: 'profile.outcome.drifted',
  orphan: 'profile.outcome.orphan',
  reply: 'profile.outcome.reply',
  answered: 'profile.outcome.answered',
  awaiting_answer: 'profile.outcome.awaitingAnswer',
  hidden: 'profile.outcome.hidden',
  restored: 'profile.outcome.restored',
};

/** The label of an outcome or a status a ledger entry reached (null: shown as given). */
export function outcomeLabel(outcome: string): MessageKey | null {
  return (statusLabels as Record<string, MessageKey>)[outcome] ?? otherOutcomes[outcome] ?? null;
}

export const presenceLabels: Record<Exclude<WordsPresence, 'not_applicable'>, MessageKey> = {
  still_present: 'profile.words.stillPresent',
  partly_present: 'profile.words.partlyPresent',
  gone: 'profile.words.gone',
};
