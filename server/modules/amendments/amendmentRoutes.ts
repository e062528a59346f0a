/** HTTP endpoints of amendments: draft, edit, invite (and one's pending invitations), deposit, withdraw, decide, read. */
import { z } from 'zod';
import {
  AmendmentListQuerySchema,
  AmendmentParamsSchema,
  AmendmentSchema,
  CreateAmendmentBodySchema,
  DecisionBodySchema,
  InvitationListSchema,
  InviteBodySchema,
  UpdateAmendmentBodySchema,
} from '../../../shared/api/amendments.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { acceptInvitation, inviteCoauthor, pendingInvitations } from './coauthors.ts';
import { decideAmendment } from './decideAmendment.ts';
import { draftAmendment, updateDraft } from './draftAmendment.ts';
import { depositAmendment, withdrawAmendment } from './lifecycle.ts';
import { getAmendment, listAmendments } from './readAmendments.ts';

const BillParamsSchema = z.object({ billId: z.string().min(1).max(100) });
const tag = 'Amendments';
const base = '/bills/:billId/amendments';

export function amendmentRoutes(deps: DeliberationDeps): MountableRoute[] {
  // Every transition answers with the amendment as it now reads.
  const transition = (path: string, summary: string, run: (actor: Parameters<typeof depositAmendment>[1], billId: string, amendmentId: string) => Promise<void>) =>
    defineRoute({
      method: 'post',
      path: `${base}/:amendmentId/${path}`,
      summary,
      tag,
      auth: true,
      params: AmendmentParamsSchema,
      response: AmendmentSchema,
      errors: [401, 403, 404, 409],
      handler: async ({ params, actor }) => {
        await run(actor, params.billId, params.amendmentId);
        return getAmendment(deps, actor, params.billId, params.amendmentId);
      },
    });
  return [
    defineRoute({
      method: 'get',
      path: base,
      summary: 'The bill’s amendments (the caller’s own drafts included), with live diffs and collisions',
      tag,
      params: BillParamsSchema,
      query: AmendmentListQuerySchema,
      response: z.object({ amendments: z.array(AmendmentSchema) }),
      errors: [404],
      handler: async ({ params, query, actor }) => ({
        amendments: await listAmendments(deps, actor, params.billId, { status: query.status, articleId: query.articleId, mine: query.mine === 'true' }),
      }),
    }),
    defineRoute({
      method: 'get',
      path: `${base}/:amendmentId`,
      summary: 'One amendment (a draft only for its authors)',
      tag,
      params: AmendmentParamsSchema,
      response: AmendmentSchema,
      errors: [404],
      handler: ({ params, actor }) => getAmendment(deps, actor, params.billId, params.amendmentId),
    }),
    defineRoute({
      method: 'post',
      path: base,
      summary: 'Draft an amendment to the live text',
      tag,
      auth: true,
      status: 201,
      params: BillParamsSchema,
      body: CreateAmendmentBodySchema,
      response: AmendmentSchema,
      errors: [400, 401, 403, 404, 409, 422],
      handler: async ({ params, body, actor }) => getAmendment(deps, actor, params.billId, await draftAmendment(deps, actor, params.billId, body)),
    }),
    defineRoute({
      method: 'patch',
      path: `${base}/:amendmentId`,
      summary: 'Edit a draft (its authors)',
      tag,
      auth: true,
      params: AmendmentParamsSchema,
      body: UpdateAmendmentBodySchema,
      response: AmendmentSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ params, body, actor }) => {
        await updateDraft(deps, actor, params.billId, params.amendmentId, body);
        return getAmendment(deps, actor, params.billId, params.amendmentId);
      },
    }),
    defineRoute({
      method: 'post',
      path: `${base}/:amendmentId/invitations`,
      summary: 'Invite a co-author (its authors)',
      tag,
      auth: true,
      params: AmendmentParamsSchema,
      body: InviteBodySchema,
      response: AmendmentSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ params, body, actor }) => {
        await inviteCoauthor(deps, actor, params.billId, params.amendmentId, body.userId);
        return getAmendment(deps, actor, params.billId, params.amendmentId);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/users/me/invitations',
      summary: 'My pending invitations to co-author an amendment (still a draft or deposited), most recent first',
      tag,
      auth: true,
      response: InvitationListSchema,
      errors: [401],
      handler: async ({ actor }) => ({ invitations: await pendingInvitations(deps.db, actor) }),
    }),
    transition('invitations/accept', 'Accept an invitation to co-author', (actor, billId, id) => acceptInvitation(deps, actor, billId, id)),
    transition('deposit', 'Deposit a draft: it becomes public and gets its number', (actor, billId, id) => depositAmendment(deps, actor, billId, id)),
    transition('withdraw', 'Withdraw a draft or a deposited amendment (its authors)', (actor, billId, id) => withdrawAmendment(deps, actor, billId, id)),
    defineRoute({
      method: 'post',
      path: `${base}/:amendmentId/decision`,
      summary: 'Decide on a deposited amendment (the bill’s rapporteurs); adopting applies it to the live text',
      tag,
      auth: true,
      params: AmendmentParamsSchema,
      body: DecisionBodySchema,
      response: AmendmentSchema,
      errors: [400, 401, 403, 404, 409],
      handler: async ({ params, body, actor }) => {
        await decideAmendment(deps, actor, params.billId, params.amendmentId, body.outcome);
        return getAmendment(deps, actor, params.billId, params.amendmentId);
      },
    }),
  ];
}
