/** Votes d'accord / mitigé / pas d'accord and tallies. */
import type { TargetType } from '../../../shared/api/contributions.ts';
import { TalliesSchema, type VoteValue, VoteStateSchema } from '../../../shared/api/votes.ts';
import { call, query, seg } from './http.ts';

const path = (billId: string, type: TargetType, id: string) => `/bills/${seg(billId)}/votes/${type}/${seg(id)}`;

/** `GET /bills/:id/tallies?targetType=&ids=` (up to 200 ids): tallies, and the signed-in reader's own votes. */
export const getTallies = (billId: string, targetType: TargetType, ids: string[]) =>
  call(TalliesSchema, 'GET', `/bills/${seg(billId)}/tallies${query({ targetType, ids: ids.join(',') })}`);

/** `PUT …/votes/:type/:id`: cast or change one's vote. */
export const castVote = (billId: string, type: TargetType, id: string, value: VoteValue) => call(VoteStateSchema, 'PUT', path(billId, type, id), { value });

/** `DELETE …/votes/:type/:id`: withdraw one's vote. */
export const withdrawVote = (billId: string, type: TargetType, id: string) => call(VoteStateSchema, 'DELETE', path(billId, type, id));
