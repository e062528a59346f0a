/** HTTP endpoints of moderation: reporting (signed in), the queue and actions (moderators), the public log. */
import {
  CreateReportBodySchema,
  ModerationActionBodySchema,
  ModerationActionSchema,
  ModerationBillParamsSchema,
  ModerationLogQuerySchema,
  ModerationLogSchema,
  ReportQueueQuerySchema,
  ReportQueueSchema,
  ReportSchema,
} from '../../../shared/api/moderation.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { dismissReports, hideContribution, listModerationLog, restoreContribution } from './actions.ts';
import { fileReport, listReportQueue } from './reports.ts';

const tag = 'Moderation';

/** The moderation endpoints. */
export function moderationRoutes(deps: DeliberationDeps): MountableRoute[] {
  const action = (path: string, summary: string, use: typeof hideContribution) =>
    defineRoute({
      method: 'post',
      path: `/bills/:billId/moderation/${path}`,
      tag,
      summary,
      auth: true,
      params: ModerationBillParamsSchema,
      body: ModerationActionBodySchema,
      status: 201,
      response: ModerationActionSchema,
      errors: [401, 403, 404, 409],
      handler: ({ actor, params, body }) => use(deps, actor, params.billId, body),
    });
  return [
    defineRoute({
      method: 'post',
      path: '/bills/:billId/reports',
      tag,
      summary: 'Report a contribution to the moderators (once per contribution)',
      auth: true,
      params: ModerationBillParamsSchema,
      body: CreateReportBodySchema,
      status: 201,
      response: ReportSchema,
      errors: [401, 404, 409],
      handler: ({ actor, params, body }) => fileReport(deps, actor, params.billId, body),
    }),
    defineRoute({
      method: 'get',
      path: '/moderation/reports',
      tag,
      summary: 'The moderators’ queue of reports, oldest first (moderators)',
      auth: true,
      query: ReportQueueQuerySchema,
      response: ReportQueueSchema,
      errors: [401, 403, 404],
      handler: ({ actor, query }) => listReportQueue(deps.db, actor, query),
    }),
    action('hide', 'Hide a contribution with a public reason; its open reports are upheld (moderators)', hideContribution),
    action('restore', 'Show a hidden contribution again (moderators)', restoreContribution),
    action('dismiss', 'Dismiss the open reports on a contribution (moderators)', dismissReports),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/moderation-log',
      tag,
      summary: 'The bill’s public moderation log, newest first',
      params: ModerationBillParamsSchema,
      query: ModerationLogQuerySchema,
      response: ModerationLogSchema,
      errors: [404],
      handler: ({ params, query }) => listModerationLog(deps.db, params.billId, query),
    }),
  ];
}
