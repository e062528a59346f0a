/**
 * HTTP endpoints of votes: cast or change, withdraw, read one target's state, read many tallies.
 */
import {
  CastVoteBodySchema,
  TalliesParamsSchema,
  TalliesQuerySchema,
  TalliesSchema,
  VoteParamsSchema,
  VoteStateSchema,
} from '../../../shared/api/votes.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { BallotBox } from './ballotBox.ts';
import { castVote, withdrawVote } from './castVote.ts';
import { getVoteState, readTallies } from './voteQueries.ts';

const path = '/bills/:billId/votes/:targetType/:targetId';

/** The vote endpoints. */
export function voteRoutes(deps: DeliberationDeps): MountableRoute[] {
  const { db } = deps;
  const ballots = new BallotBox(deps);
  return [
    defineRoute({
      method: 'put',
      path,
      tag: 'Votes',
      summary: 'Vote d’accord / mitigé / pas d’accord on an article, amendment or argument (arguments: agree only), or change one’s vote',
      auth: true,
      params: VoteParamsSchema,
      body: CastVoteBodySchema,
      response: VoteStateSchema,
      errors: [401, 404],
      handler: ({ actor, params, body }) => castVote(ballots, actor, params.billId, { type: params.targetType, id: params.targetId }, body.value),
    }),
    defineRoute({
      method: 'delete',
      path,
      tag: 'Votes',
      summary: 'Withdraw one’s vote',
      auth: true,
      params: VoteParamsSchema,
      response: VoteStateSchema,
      errors: [401, 404],
      handler: ({ actor, params }) => withdrawVote(ballots, actor, params.billId, { type: params.targetType, id: params.targetId }),
    }),
    defineRoute({
      method: 'get',
      path,
      tag: 'Votes',
      summary: 'A target’s tally and the reader’s own vote',
      params: VoteParamsSchema,
      response: VoteStateSchema,
      errors: [404],
      handler: ({ actor, params }) => getVoteState(db, actor, params.billId, { type: params.targetType, id: params.targetId }),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/tallies',
      tag: 'Votes',
      summary: 'Tallies of up to 200 targets of one type, with the reader’s own votes on them',
      params: TalliesParamsSchema,
      query: TalliesQuerySchema,
      response: TalliesSchema,
      errors: [404],
      handler: ({ actor, params, query }) => readTallies(db, actor, params.billId, query.targetType, query.ids),
    }),
  ];
}
