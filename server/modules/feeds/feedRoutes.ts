/**
 * HTTP endpoint of a bill's Atom feed, with conditional GET: `If-None-Match` (the ETag names the bill's ledger head)
 * or else `If-Modified-Since` answers 304 while nothing happened to the bill.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { BillParamsSchema } from '../../../shared/api/bills.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import type { RedactEntries } from '../ledger/index.ts';
import { ATOM, type BillFeed, billFeed, type FeedOrigin } from './billFeed.ts';

/** What the feed endpoint needs: the database, the public ledger's redaction, the site's public origin if known. */
export interface FeedDeps {
  db: Database;
  redact: RedactEntries;
  /** PUBLIC_ORIGIN: the web client's links and the entries' ids use it; without it, the request's own origin. */
  publicOrigin: string | undefined;
}

/** The feed endpoints. */
export function feedRoutes({ db, redact, publicOrigin }: FeedDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/bills/:id/feed.atom',
      tag: 'Feeds',
      summary:
        'Atom feed of the bill: its latest new versions, amendments deposited, their outcomes and the official responses, newest first ' +
        '(hidden contributions’ text withheld); answers 304 to `If-None-Match` / `If-Modified-Since` while the bill is unchanged',
      params: BillParamsSchema,
      status: 200,
      response: null,
      stream: { contentType: ATOM, item: z.string().meta({ description: 'An Atom 1.0 document (RFC 4287)' }) },
      errors: [404],
      handler: async ({ params, req, res }) => {
        const feed = await billFeed(db, redact, params.id, originOf(req, publicOrigin));
        res.setHeader('ETag', feed.etag);
        res.setHeader('Last-Modified', feed.lastModified.toUTCString());
        res.setHeader('Cache-Control', 'public, no-cache');
        if (notModified(req, feed)) {
          res.status(304).end();
          return;
        }
        const xml = await feed.render();
        res.status(200).type(`${ATOM}; charset=utf-8`).end(xml);
      },
    }),
  ];
}

function originOf(req: Request, publicOrigin: string | undefined): FeedOrigin {
  if (publicOrigin) {
    const url = new URL(publicOrigin);
    return { baseUrl: url.origin, authority: url.hostname };
  }
  // Without a configured origin (development), links follow the request; ids keep one authority so they stay stable.
  return { baseUrl: `${req.protocol}://${req.get('host') ?? 'localhost'}`, authority: 'localhost' };
}

/** RFC 9110 §13.1: If-None-Match decides when present; otherwise If-Modified-Since, to the second. */
function notModified(req: Request, feed: BillFeed): boolean {
  const noneMatch = req.get('if-none-match');
  if (noneMatch !== undefined) {
    if (noneMatch.trim() === '*') return true;
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return noneMatch.split(',').some((tag) => opaque(tag) === opaque(feed.etag));
  }
  const since = Date.parse(req.get('if-modified-since') ?? '');
  return !Number.isNaN(since) && Math.floor(feed.lastModified.getTime() / 1000) * 1000 <= since;
}
