// La Fabrique de la loi's bill statistics (`viz/procedure.json` → `stats`), from the neutral model
// (behaviour of tlfp/tools/compute_stats.py as of Oct. 2020, re-implemented, not copied).
import { cleanTextForDiff, codePointLength, computeSimilarityByArticles, countWords, stripText } from './normalize.ts';
import {
  computeAmendmentStats,
  computeDebateStats,
  computeProcedureCounts,
  sumInterventions,
  type AmendmentStatKey,
  type DebateStats,
  type ProcedureCountStats,
} from './statsCounts.ts';
import type { Procedure, ProcedureStep } from './types.ts';

/** Figures about the first and last texts. */
export interface TextStats {
  total_input_articles: number;
  total_output_articles: number;
  ratio_articles_growth: number;
  input_text_length: number;
  output_text_length: number;
  ratio_text_length_growth: number;
  input_text_word_count: number;
  output_text_word_count: number;
  ratio_word_count_growth: number;
  ratio_texte_modif: number;
  last_stage: string;
  last_institution: string;
  /** Only when the Conseil constitutionnel partially censured the text. */
  censored_articles?: number;
  fully_censored_articles?: number;
  output_text_before_CC_length?: number;
  output_text_before_CC_word_count?: number;
}

/** All of La Fabrique's statistics, under its own field names. */
export type LaFabriqueStats = Record<AmendmentStatKey, number> & DebateStats & ProcedureCountStats & Partial<TextStats>;

/** Honest figures we publish beside La Fabrique's, under names La Fabrique does not use. */
export interface ExtraStats {
  /** Real number of interventions in séance (La Fabrique's `total_interventions` drops repeated counts). */
  total_interventions_sum: number;
}

/**
 * First and last texts as La Fabrique picks them: only steps with their own text (debatsOrder), neither
 * failed nor under discussion; the first is the last dépôt before any other step, the last is the last
 * non-dépôt step (the Conseil constitutionnel's, after censure, unless `includeCC` is false).
 */
export function findFirstAndLastSteps(steps: readonly ProcedureStep[], includeCC = true): { first: ProcedureStep; last: ProcedureStep } | null {
  let first: number | null = null;
  let last: number | null = null;
  let firstFound = false;
  for (const [i, s] of steps.entries()) {
    if (s.debatsOrder === null || s.echec || s.inDiscussion) continue;
    if (s.stage === 'constitutionnalité' && !includeCC) break;
    if (s.kind !== 'depot') {
      firstFound = true;
      last = i;
    }
    if (!firstFound && s.kind === 'depot') first = last = i;
  }
  return first === null || last === null ? null : { first: steps[first]!, last: steps[last]! };
}

function allAlineas(step: ProcedureStep): string[] {
  return (step.text?.articles ?? []).flatMap((a) => a.alineas);
}

/**
 * Characters (code points) of all alinéas after `strip_text`, concatenated without separator; a trailing
 * "(Supprimé)"/"(Censuré)" does not count (pjl07-405's 59 409 after censure requires it).
 */
export function stepTextLength(step: ProcedureStep): number {
  return codePointLength(allAlineas(step).map(stripText).join(''));
}

/** Word count of all alinéas after `strip_text`, joined with newlines. */
export function stepWordCount(step: ProcedureStep): number {
  return countWords(allAlineas(step).map(stripText).join('\n'));
}

/** Normalised text of each article with a non-empty one, by title (a repeated title keeps its first position, last text). */
export function readArticleSkeletons(step: ProcedureStep): Map<string, string> {
  const skeletons = new Map<string, string>();
  for (const a of step.text?.articles ?? []) skeletons.set(a.number, cleanTextForDiff(a.alineas));
  for (const [title, text] of skeletons) if (!text) skeletons.delete(title);
  return skeletons;
}

function countCensored(step: ProcedureStep): { censored: number; fully: number } {
  const texts = (step.text?.articles ?? []).map((a) => a.alineas.join(''));
  return { censored: texts.filter((t) => t.includes('(Censuré)')).length, fully: texts.filter((t) => t === '(Censuré)').length };
}

/** Statistics on the first and last texts (absent when the procedure has no usable text). */
export function computeTextStats(procedure: Procedure): TextStats | null {
  const ends = findFirstAndLastSteps(procedure.steps);
  const adopted = findFirstAndLastSteps(procedure.steps, false)?.last;
  if (!ends || !adopted) return null;
  const { first, last } = ends;
  const firstArts = readArticleSkeletons(first);
  const lastArts = readArticleSkeletons(last);
  const growth = (input: number, output: number): number => (output - input) / input;
  const stats: TextStats = {
    total_input_articles: firstArts.size,
    total_output_articles: lastArts.size,
    ratio_articles_growth: growth(firstArts.size, lastArts.size),
    input_text_length: stepTextLength(first),
    output_text_length: stepTextLength(last),
    ratio_text_length_growth: 0,
    input_text_word_count: stepWordCount(first),
    output_text_word_count: stepWordCount(last),
    ratio_word_count_growth: 0,
    ratio_texte_modif: 1 - computeSimilarityByArticles(firstArts, lastArts),
    last_stage: adopted.stage,
    last_institution: adopted.stage === 'CMP' ? 'CMP' : adopted.institution,
  };
  stats.ratio_text_length_growth = growth(stats.input_text_length, stats.output_text_length);
  stats.ratio_word_count_growth = growth(stats.input_text_word_count, stats.output_text_word_count);
  // Only the first Conseil constitutionnel step is looked at, as La Fabrique does.
  const cc = procedure.steps.find((s) => s.stage === 'constitutionnalité');
  if (cc?.decision === 'partiellement conforme') {
    const { censored, fully } = countCensored(last);
    stats.censored_articles = censored;
    stats.fully_censored_articles = fully;
    stats.output_text_before_CC_length = stepTextLength(adopted);
    stats.output_text_before_CC_word_count = stepWordCount(adopted);
  }
  return stats;
}

/** Every statistic La Fabrique publishes for a bill, computed from the neutral model. */
export function computeLaFabriqueStats(procedure: Procedure): LaFabriqueStats {
  return {
    ...computeDebateStats(procedure),
    ...computeAmendmentStats(procedure),
    ...computeTextStats(procedure),
    ...computeProcedureCounts(procedure),
  };
}

/** Our honest complements to La Fabrique's figures. */
export function computeExtraStats(procedure: Procedure): ExtraStats {
  return { total_interventions_sum: sumInterventions(procedure) };
}
