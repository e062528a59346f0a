/** Amendments: draft, invite co-authors, deposit, withdraw, decide, read. */
import { z } from 'zod';
import { AmendmentSchema, type CreateAmendmentBodySchema, type Decision, InvitationListSchema } from '../../../shared/api/amendments.ts';
import { call, query, seg } from './http.ts';

const base = (billId: string) => `/bills/${seg(billId)}/amendments`;
const one = (billId: string, amendmentId: string) => `${base(billId)}/${seg(amendmentId)}`;

/** `GET /bills/:id/amendments` (the caller's own drafts included). */
export const listAmendments = (billId: string, filter: { status?: string; articleId?: string } = {}) =>
  call(z.object({ amendments: z.array(AmendmentSchema) }), 'GET', `${base(billId)}${query(filter)}`).then((answer) => answer.amendments);

/** `GET /bills/:id/amendments/:amendmentId` */
export const getAmendment = (billId: string, amendmentId: string) => call(AmendmentSchema, 'GET', one(billId, amendmentId));

/** `POST /bills/:id/amendments`: a new draft. */
export const draftAmendment = (billId: string, body: z.input<typeof CreateAmendmentBodySchema>) =>
  call(AmendmentSchema, 'POST', base(billId), body);

/** `POST …/deposit`: the draft becomes public and gets its number. */
export const depositAmendment = (billId: string, amendmentId: string) => call(AmendmentSchema, 'POST', `${one(billId, amendmentId)}/deposit`, {});

/** `POST …/withdraw` (its authors). */
export const withdrawAmendment = (billId: string, amendmentId: string) => call(AmendmentSchema, 'POST', `${one(billId, amendmentId)}/withdraw`, {});

/** `POST …/decision` (the bill's rapporteurs); adopting applies it to the live text. */
export const decideAmendment = (billId: string, amendmentId: string, outcome: Decision) =>
  call(AmendmentSchema, 'POST', `${one(billId, amendmentId)}/decision`, { outcome });

/** `POST …/invitations`: an author invites a co-author. */
export const inviteCoauthor = (billId: string, amendmentId: string, userId: string) =>
  call(AmendmentSchema, 'POST', `${one(billId, amendmentId)}/invitations`, { userId });

/** `POST …/invitations/accept`: the invited user becomes a co-author. */
export const acceptInvitation = (billId: string, amendmentId: string) => call(AmendmentSchema, 'POST', `${one(billId, amendmentId)}/invitations/accept`, {});

/** `GET /users/me/invitations`: the signed-in user's pending invitations, most recent first. */
export const listMyInvitations = () => call(InvitationListSchema, 'GET', '/users/me/invitations').then((answer) => answer.invitations);
