/**
 * HTTP endpoints of a text's history: an article across steps, diffs between versions, the whole history as a
 * stream, statistics.
 */
import { BillParamsSchema } from '../../../shared/api/bills.ts';
import {
  ArticleGridSchema,
  ArticleHistorySchema,
  ArticleParamsSchema,
  BillStatsSchema,
  DiffQuerySchema,
  HistoryStreamLineSchema,
  VersionDiffSchema,
} from '../../../shared/api/history.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { getArticleGrid } from './articleGrid.ts';
import { getArticleHistory } from './articleHistory.ts';
import { getBillStats } from './billStats.ts';
import { diffVersions } from './diffVersions.ts';
import { historyStream, NDJSON, writeNdjson } from './historyStream.ts';

/** The history endpoints, bound to a database. */
export function historyRoutes({ db }: { db: Database }) {
  return [
    defineRoute({
      method: 'get',
      path: '/bills/:id/articles/grid',
      tag: 'History',
      summary: 'Every article at every step, without texts: La Fabrique’s article grid (its articles_etapes.json)',
      params: BillParamsSchema,
      response: ArticleGridSchema,
      errors: [404, 503],
      handler: ({ params }) => getArticleGrid(db, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/articles/:number/history',
      tag: 'History',
      summary: 'An article at every step: status, text, length and share changed (La Fabrique’s n_diff)',
      params: ArticleParamsSchema,
      response: ArticleHistorySchema,
      errors: [404],
      handler: ({ params }) => getArticleHistory(db, params.id, params.number),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/diff',
      tag: 'History',
      summary: 'Word-level diff, article by article, between two versions',
      params: BillParamsSchema,
      query: DiffQuerySchema,
      response: VersionDiffSchema,
      errors: [404],
      handler: ({ params, query }) => diffVersions(db, params.id, query.from, query.to),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/history/stream',
      tag: 'History',
      summary:
        'Every version of the bill in procedure order, each with the articles changed since the one before (word diffs), as NDJSON: ' +
        'one `version` line per version, sent as soon as it is computed, then an `end` line',
      params: BillParamsSchema,
      status: 200,
      response: null,
      stream: { contentType: NDJSON, item: HistoryStreamLineSchema },
      errors: [404],
      handler: async ({ params, res }) => writeNdjson(res, await historyStream(db, params.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/stats',
      tag: 'History',
      summary: 'La Fabrique de la loi’s statistics of the bill, under its own field names',
      params: BillParamsSchema,
      response: BillStatsSchema,
      errors: [404, 503],
      handler: ({ params }) => getBillStats(db, params.id),
    }),
  ];
}
