/**
 * The timeline and amendment summary use cases. Both come from one read of the whole bill, done once per bill
 * revision (its content head, STAT4): every change to a bill appends to its ledger, so a cached view is never stale,
 * and votes, which change tallies only, leave it cached.
 */
import type { AmendmentSummary, Timeline } from '../../../shared/api/timeline.ts';
import type { Database } from '../../storage/database.ts';
import { RevisionCache } from '../history/index.ts';
import { contentHead } from '../ledger/index.ts';
import { summariseAmendments } from './amendmentSummary.ts';
import { buildTimeline } from './buildTimeline.ts';
import { loadTimelineData } from './loadTimelineData.ts';

interface BillViews {
  timeline: Timeline;
  summary: AmendmentSummary;
}

const cache = new RevisionCache<BillViews>(100);

async function viewsOf(db: Database, billId: string): Promise<BillViews> {
  // contentHead answers 404 bill_not_found for an unknown bill.
  return cache.get(billId, await contentHead(db, billId), async () => {
    const data = await loadTimelineData(db, billId);
    return { timeline: buildTimeline(data), summary: summariseAmendments(data) };
  });
}

/** The bill's steps, readings, shuttles and overall figures. */
export async function getTimeline(db: Database, billId: string): Promise<Timeline> {
  return (await viewsOf(db, billId)).timeline;
}

/** The bill's amendments counted per step, outcome, group, origin and subject. */
export async function getAmendmentSummary(db: Database, billId: string): Promise<AmendmentSummary> {
  return (await viewsOf(db, billId)).summary;
}
