/** The journalist views of a bill, each at its own URL under `/bills/:billId/evolution` (options in the query). */
import { pathOf } from '../app/router.tsx';

/** One view: the article × step grid, a diff of two versions, the blame of a version, charts, exports and activity. */
export type EvolutionSection = 'grid' | 'diff' | 'blame' | 'stats' | 'data';

/** The sections in the order the sub-navigation lists them. */
export const EVOLUTION_SECTIONS: readonly EvolutionSection[] = ['grid', 'diff', 'blame', 'stats', 'data'];

/** The path of a section (the grid is the evolution's own page). */
export const evolutionPath = (billId: string, section: EvolutionSection) =>
  section === 'grid' ? pathOf('bills', billId, 'evolution') : pathOf('bills', billId, 'evolution', section);
