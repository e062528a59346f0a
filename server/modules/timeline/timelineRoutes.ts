/**
 * HTTP endpoints of a text's evolution as data: the timeline of its steps and the summary of its amendments.
 */
import { BillParamsSchema } from '../../../shared/api/bills.ts';
import { AmendmentSummarySchema, TimelineSchema } from '../../../shared/api/timeline.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { getAmendmentSummary, getTimeline } from './billViews.ts';

/** The timeline endpoints, bound to a database. Mount them before `/bills/:billId/amendments/:amendmentId`. */
export function timelineRoutes({ db }: { db: Database }) {
  return [
    defineRoute({
      method: 'get',
      path: '/bills/:id/timeline',
      tag: 'History',
      summary: 'The steps in procedure order (dates, outcome, text produced, amendments), readings, shuttles and overall figures',
      params: BillParamsSchema,
      response: TimelineSchema,
      errors: [404],
      handler: ({ params }) => getTimeline(db, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/amendments/summary',
      tag: 'History',
      summary: 'Amendments counted by outcome, political group, origin and subject: per step and for the whole bill',
      params: BillParamsSchema,
      response: AmendmentSummarySchema,
      errors: [404],
      handler: ({ params }) => getAmendmentSummary(db, params.id),
    }),
  ];
}
