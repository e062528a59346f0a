// Amendment, debate and procedure counts of La Fabrique de la loi's statistics
// (behaviour of tlfp/tools/compute_stats.py, re-implemented). La Fabrique classifies a step by
// substrings of its directory name ('_senat', '_hemicycle'…); the neutral model uses the step's
// institution and kind instead, which is the same thing for La Fabrique's directory names.
import type { Procedure, ProcedureStep } from './types.ts';

const SCOPES = ['', '_hemicycle'] as const;
const WHO = ['', '_senateurs', '_deputes', '_gouvernement', '_gouvernement_senat', '_gouvernement_assemblee'] as const;
const SORTS = ['', '_adoptes'] as const;

/** Every `total_amendements…` key La Fabrique publishes (24 of them). */
export type AmendmentStatKey = `total_amendements${(typeof SCOPES)[number]}${(typeof WHO)[number]}${(typeof SORTS)[number]}`;

/** Debate figures, séance (hemicycle) steps only. */
export interface DebateStats {
  total_mots: number;
  total_intervenants: number;
  total_interventions: number;
  total_seances: number;
  total_seances_assemblee: number;
  total_seances_senat: number;
}

/** Counts derived from the shape of the procedure. */
export interface ProcedureCountStats {
  echecs_procedure: number;
  attached_law_proposals: number;
  depots_in_institutions: number;
  texts_produced: number;
  total_days?: number;
}

function stepsByDirectory(procedure: Procedure): Map<string, ProcedureStep> {
  return new Map(procedure.steps.map((s) => [s.directory, s]));
}

/** Amendment counts by institution (government amendments included), séance only, government only, adopted only. */
export function computeAmendmentStats(procedure: Procedure): Record<AmendmentStatKey, number> {
  const stats = {} as Record<AmendmentStatKey, number>;
  for (const scope of SCOPES) for (const who of WHO) for (const sort of SORTS) stats[`total_amendements${scope}${who}${sort}`] = 0;
  const steps = stepsByDirectory(procedure);
  for (const amendment of procedure.amendments) {
    const step = steps.get(amendment.stepDirectory);
    const gouv = amendment.group === 'Gouvernement';
    const matches: Record<(typeof WHO)[number], boolean> = {
      '': true,
      _senateurs: step?.institution === 'senat',
      _deputes: step?.institution === 'assemblee',
      _gouvernement: gouv,
      _gouvernement_senat: gouv && step?.institution === 'senat',
      _gouvernement_assemblee: gouv && step?.institution === 'assemblee',
    };
    for (const scope of SCOPES) {
      if (scope === '_hemicycle' && step?.kind !== 'hemicycle') continue;
      for (const who of WHO) {
        if (!matches[who]) continue;
        stats[`total_amendements${scope}${who}`]++;
        if (amendment.outcome === 'adopté') stats[`total_amendements${scope}${who}_adoptes`]++;
      }
    }
  }
  return stats;
}

/** Sum of intervention counts over every division of every séance step (the honest figure). */
export function sumInterventions(procedure: Procedure): number {
  const steps = stepsByDirectory(procedure);
  return procedure.debates
    .filter((d) => steps.get(d.stepDirectory)?.kind === 'hemicycle')
    .reduce((n, d) => n + d.divisions.reduce((m, div) => m + div.totalInterventions, 0), 0);
}

/** Debate statistics, séance steps only, with La Fabrique's `total_interventions` quirk. */
export function computeDebateStats(procedure: Procedure): DebateStats {
  const steps = stepsByDirectory(procedure);
  const seances = procedure.debates.filter((d) => steps.get(d.stepDirectory)?.kind === 'hemicycle');
  const sittingsOf = (institution: string | null): number =>
    seances
      .filter((d) => institution === null || steps.get(d.stepDirectory)?.institution === institution)
      .reduce((n, d) => n + d.totalSittings, 0);
  // Quirk: La Fabrique sums the *set* of distinct per-division counts, so two divisions with the same
  // number of interventions count once (its published total_interventions is therefore too low;
  // the real sum is `sumInterventions`).
  const distinctCounts = new Set(seances.flatMap((d) => d.divisions.map((div) => div.totalInterventions)));
  return {
    total_mots: seances.reduce((n, d) => n + d.divisions.reduce((m, div) => m + div.totalWords, 0), 0),
    total_intervenants: new Set(seances.flatMap((d) => d.speakers)).size,
    total_interventions: [...distinctCounts].reduce((n, c) => n + c, 0),
    total_seances: sittingsOf(null),
    total_seances_assemblee: sittingsOf('assemblee'),
    total_seances_senat: sittingsOf('senat'),
  };
}

function countNavettes(steps: readonly ProcedureStep[]): number {
  let count = 0;
  steps.forEach((step, i) => {
    // A run of consecutive dépôts is one arrival of the text in an institution.
    if (step.kind === 'depot') count += steps[i - 1]?.kind === 'depot' ? 0 : 1;
    else if (step.stage === 'CMP' && step.kind === 'commission') count++;
    else if (step.stage === 'congrès' || step.stage === 'constitutionnalité') count++;
  });
  return count;
}

function daysBetween(from: string, to: string): number {
  const utc = (d: string): number => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y!, m! - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Procedure-shape counts: failures, leading dépôts, shuttles, texts produced, duration in days (both ends included). */
export function computeProcedureCounts(procedure: Procedure): ProcedureCountStats {
  const { steps } = procedure;
  const leadingDepots = steps.findIndex((s) => s.kind !== 'depot');
  const out: ProcedureCountStats = {
    echecs_procedure: steps.filter((s) => s.echec).length,
    attached_law_proposals: (leadingDepots === -1 ? steps.length : leadingDepots) - 1,
    depots_in_institutions: countNavettes(steps),
    texts_produced: steps.filter((s) => s.debatsOrder !== null).length,
  };
  // Without an end date, La Fabrique takes the last dated step's end (or start) date.
  let end = procedure.end;
  if (!end) for (const s of steps) if (s.date) end = s.endDate || s.date;
  if (procedure.beginning && end) out.total_days = daysBetween(procedure.beginning, end) + 1;
  return out;
}
