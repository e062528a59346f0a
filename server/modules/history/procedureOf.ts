/**
 * Maps a bill's content to the neutral procedure La Fabrique's computations take.
 */
import type { BillContent } from '../bills/index.ts';
import type { Procedure } from './lafabrique/types.ts';

// Our statuses back to La Fabrique's three outcomes (only "adopté" matters to its statistics).
const outcomeOf = (status: string) => (status === 'adopted' ? 'adopté' : status === 'rejected' ? 'rejeté' : 'non-voté');

/** The procedure of a bill: steps with their texts, amendments, debates. */
export function procedureOf(bill: BillContent): Procedure {
  const senatId = bill.metadata.senat_id;
  return {
    senatId: typeof senatId === 'string' ? senatId : null,
    beginning: bill.beginning,
    end: bill.end,
    steps: bill.steps.map((step) => ({
      directory: step.key,
      stage: step.stage,
      institution: step.institution,
      kind: step.kind,
      date: step.date,
      endDate: step.endDate,
      debatsOrder: step.debatsOrder,
      echec: step.echec,
      decision: step.decision,
      sourceUrl: step.sourceUrl,
      text: step.text
        ? {
            articles: step.text.articles.map((article) => ({
              number: article.number,
              status: article.status,
              alineas: article.alineas,
              newNumber: article.newNumber,
              sectionKey: article.sectionKey,
            })),
          }
        : null,
    })),
    // Drafts are not amendments yet: La Fabrique counts what was tabled. A draft withdrawn before its deposit was
    // never tabled either: only a deposit gives an amendment its step.
    amendments: bill.amendments
      .filter((amendment) => amendment.status !== 'draft' && amendment.stepKey !== '')
      .map((amendment) => ({ stepDirectory: amendment.stepKey, group: amendment.groupCode, outcome: outcomeOf(amendment.status) })),
    debates: bill.steps.flatMap((step) =>
      step.debates
        ? [{ stepDirectory: step.key, totalSittings: step.debates.totalSittings, speakers: step.debates.speakers, divisions: step.debates.divisions }]
        : [],
    ),
  };
}
