/** What became of contributions (TRACE): one contribution's trace, the signed-in user's own contributions. */
import { ContributionTraceSchema, MyContributionsSchema, type TraceKind } from '../../../shared/api/lineage.ts';
import { call, query, seg } from './http.ts';

/** `GET /users/me/contributions`, most recent first. */
export const myContributions = (params: { kind?: TraceKind; offset: number; limit: number }) =>
  call(MyContributionsSchema, 'GET', `/users/me/contributions${query(params)}`);

/** `GET /contributions/:id/trace?type=`: its history, answers and, for an amendment, where it landed. */
export const traceContribution = (id: string, type: TraceKind) => call(ContributionTraceSchema, 'GET', `/contributions/${seg(id)}/trace${query({ type })}`);
