/**
 * The vocabulary of the French legislative procedure, as La Fabrique de la loi names it.
 */

/** Readings and other stages a step can belong to. */
export const STAGES = [
  '1ère lecture',
  '2ème lecture',
  '3ème lecture',
  'nouv. lect.',
  'l. définitive',
  'CMP',
  'congrès',
  'constitutionnalité',
  'promulgation',
] as const;
/** One stage. */
export type Stage = (typeof STAGES)[number];

/** Bodies a step takes place in. */
export const INSTITUTIONS = ['assemblee', 'senat', 'CMP', 'congrès', 'conseil constitutionnel', 'gouvernement'] as const;
/** One institution. */
export type Institution = (typeof INSTITUTIONS)[number];

/** What happens at a step: the text is tabled, examined in committee, or debated in the chamber. */
export const STEP_KINDS = ['depot', 'commission', 'hemicycle'] as const;
/** One step kind. */
export type StepKind = (typeof STEP_KINDS)[number];
