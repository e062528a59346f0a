// Builders for small hand-written procedures used by the unit tests (no La Fabrique data involved).
import type { Procedure, ProcedureArticle, ProcedureStep } from './types.ts';

/** An article with sensible defaults. */
export function art(number: string, alineas: string[], extra: Partial<ProcedureArticle> = {}): ProcedureArticle {
  return { number, status: 'none', alineas, newNumber: null, sectionKey: null, ...extra };
}

/** A step with sensible defaults (a text-producing step of the Assemblée in first reading). */
export function step(directory: string, extra: Partial<ProcedureStep> = {}): ProcedureStep {
  return {
    directory,
    stage: '1ère lecture',
    institution: 'assemblee',
    kind: 'commission',
    date: null,
    endDate: null,
    debatsOrder: 1,
    echec: null,
    decision: null,
    sourceUrl: null,
    text: null,
    ...extra,
  };
}

/** A procedure around the given steps. */
export function procedure(steps: ProcedureStep[], extra: Partial<Procedure> = {}): Procedure {
  return { senatId: 'pjl99-001', beginning: null, end: null, steps, amendments: [], debates: [], ...extra };
}
