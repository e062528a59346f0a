/**
 * The data behind La Fabrique's "amendements" view, for any bill: amendments per step, by outcome, by political
 * group and origin, per subject (article), and over the whole bill.
 */
import { OriginSchema } from '../../../shared/api/amendments.ts';
import type { AmendmentSummary } from '../../../shared/api/timeline.ts';
import { compareArticleNumbers } from '../history/index.ts';
import type { TabledAmendment, TimelineData } from './loadTimelineData.ts';
import { countStatuses, tallyBy } from './outcomeCounts.ts';

type GroupOrder = ReadonlyMap<string, number>;

/** Group counts in La Fabrique's order of the groups (then by acronym); amendments filed for no group last. */
function byGroup(items: readonly TabledAmendment[], order: GroupOrder): AmendmentSummary['byGroup'] {
  const rank = (group: string | null) => (group === null ? Number.POSITIVE_INFINITY : (order.get(group) ?? Number.MAX_SAFE_INTEGER));
  return [...tallyBy(items, (a) => a.group)]
    .sort(([a], [b]) => rank(a) - rank(b) || (a ?? '').localeCompare(b ?? ''))
    .map(([group, { counts }]) => ({ group, ...counts }));
}

/** Origin counts in the order origins are listed (citizen, organisation, group, government, parliamentarian). */
function byOrigin(items: readonly TabledAmendment[]): AmendmentSummary['byOrigin'] {
  const tallies = tallyBy(items, (a) => a.origin);
  return OriginSchema.options.flatMap((origin) => {
    const tally = tallies.get(origin);
    return tally ? [{ origin, ...tally.counts }] : [];
  });
}

/** Subject counts: within a step in La Fabrique's order of its subjects, over the bill in article order. */
function bySubject(items: readonly TabledAmendment[], order: GroupOrder, perStep: boolean): AmendmentSummary['subjects'] {
  return [...tallyBy(items, (a) => a.subject)]
    .map(([subject, { items: ofSubject, counts }]) => ({
      subject,
      articleNumber: ofSubject[0]?.articleNumber ?? null,
      order: perStep ? (ofSubject[0]?.subjectOrder ?? null) : null,
      ...counts,
      byGroup: byGroup(ofSubject, order),
      byOrigin: byOrigin(ofSubject),
    }))
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || compareArticleNumbers(a.subject, b.subject) || a.subject.localeCompare(b.subject));
}

/** The whole summary of the bill's tabled amendments. */
export function summariseAmendments({ bill, amendments }: TimelineData): AmendmentSummary {
  const order: GroupOrder = new Map(bill.groups.flatMap((group) => (group.displayOrder === null ? [] : [[group.code, group.displayOrder]])));
  const stepOf = new Map(bill.steps.map((step) => [step.id, step]));
  const perStep = tallyBy(amendments, (a) => a.stepId);
  // Institutions in the order the text first reached them.
  const firstStepIn = (institution: string) => bill.steps.findIndex((step) => step.institution === institution);
  return {
    billId: bill.id,
    groups: [...bill.groups]
      .sort((a, b) => (a.displayOrder ?? Infinity) - (b.displayOrder ?? Infinity) || a.code.localeCompare(b.code))
      .map(({ code, name, color, link, displayOrder }) => ({ code, name, color, link, order: displayOrder })),
    overall: countStatuses(amendments.map((a) => a.status)),
    byInstitution: [...tallyBy(amendments, (a) => stepOf.get(a.stepId)?.institution ?? '')]
      .sort(([a], [b]) => firstStepIn(a) - firstStepIn(b))
      .map(([institution, { counts }]) => ({ institution, ...counts })),
    byGroup: byGroup(amendments, order),
    byOrigin: byOrigin(amendments),
    subjects: bySubject(amendments, order, false),
    steps: bill.steps.flatMap((step) => {
      const tally = perStep.get(step.id);
      if (!tally) return [];
      return [
        {
          stepId: step.id,
          stepKey: step.key,
          stage: step.stage,
          institution: step.institution,
          kind: step.kind,
          amendments: tally.counts,
          byGroup: byGroup(tally.items, order),
          byOrigin: byOrigin(tally.items),
          subjects: bySubject(tally.items, order, true),
        },
      ];
    }),
  };
}
