/**
 * A bill's Atom feed (RFC 4287): its latest versions, amendments deposited and decided, and official responses,
 * newest first, read through the public ledger (hidden contributions' text withheld, LEDGER6). Every change to a bill
 * appends a ledger entry, so the bill's ledger head is the feed's validator: checking it costs one query, and only a
 * reader whose copy is stale gets the feed built.
 */
import { createHash } from 'node:crypto';
import type { LedgerEvent } from '../../../shared/api/ledger.ts';
import type { Database } from '../../storage/database.ts';
import { amendmentNumbers } from '../amendments/index.ts';
import { getBill } from '../bills/index.ts';
import { derivedId } from '../../common/ids.ts';
import { readLatestOfTypes, readLedgerPage, type RedactEntries } from '../ledger/index.ts';
import { amendmentIdsOf, FEED_ENTRY_TYPES, feedItem } from './feedEntries.ts';
import { el, renderDocument, type XmlElement } from '../../common/xml.ts';

/** Entries listed in a feed. */
export const FEED_SIZE = 50;

/** The Atom media type. */
export const ATOM = 'application/atom+xml';

/** Where the feed is read from: the origin of the web client's links, and the tag URIs' authority. */
export interface FeedOrigin {
  /** e.g. `https://loi.example.org` (no trailing slash). */
  baseUrl: string;
  /** A DNS name owned by the publisher, for `tag:` ids (RFC 4151). */
  authority: string;
}

/** A bill's feed as of its current ledger head: the validators, and the document built on demand. */
export interface BillFeed {
  etag: string;
  lastModified: Date;
  render(): Promise<string>;
}

/** The feed of a bill: bill_not_found for an unknown one. */
export async function billFeed(db: Database, redact: RedactEntries, billId: string, origin: FeedOrigin): Promise<BillFeed> {
  const { events: [head] } = await readLedgerPage(db, redact, billId, { last: 1 });
  // readLedgerPage threw bill_not_found unless the bill has its first entry.
  const last = head as LedgerEvent;
  // The same ledger read from another origin is another document (its links differ).
  const variant = createHash('sha256').update(origin.baseUrl).digest('hex').slice(0, 8);
  return {
    etag: `"atom-${last.seq}-${variant}"`,
    lastModified: new Date(last.createdAt),
    render: () => renderFeed(db, redact, billId, origin, last),
  };
}

async function renderFeed(db: Database, redact: RedactEntries, billId: string, origin: FeedOrigin, head: LedgerEvent): Promise<string> {
  const [bill, entries] = await Promise.all([getBill(db, billId), readLatestOfTypes(db, redact, billId, FEED_ENTRY_TYPES, FEED_SIZE)]);
  const numbers = await amendmentNumbers(db, billId, [...new Set(entries.flatMap(amendmentIdsOf))]);
  const context = { billId, billTitle: bill.title, steps: bill.steps, amendmentNumbers: numbers };
  const billPath = `/bills/${encodeURIComponent(billId)}`;
  const feed = el(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'fr' },
    el('id', {}, `urn:uuid:${derivedId('atom-feed', billId)}`),
    el('title', { type: 'text' }, bill.shortTitle ?? bill.title),
    el('subtitle', { type: 'text' }, `Suivi du texte : nouvelles versions, amendements et leur sort, réponses officielles. ${bill.title}`),
    el('updated', {}, head.createdAt),
    el('link', { rel: 'self', type: ATOM, href: `${origin.baseUrl}/api/v1${billPath}/feed.atom` }),
    el('link', { rel: 'alternate', type: 'text/html', href: `${origin.baseUrl}${billPath}` }),
    el('author', {}, el('name', {}, 'loi-live')),
    el('generator', {}, 'loi-live'),
    ...entries.map((entry) => entryElement(entry, feedItem(entry, context), origin)),
  );
  return renderDocument(feed);
}

function entryElement(entry: LedgerEvent, item: ReturnType<typeof feedItem>, origin: FeedOrigin): XmlElement {
  return el(
    'entry',
    {},
    el('id', {}, tagUri(origin.authority, entry)),
    el('title', { type: 'text' }, item.title),
    el('updated', {}, entry.createdAt),
    el('published', {}, entry.createdAt),
    el('link', { rel: 'alternate', type: 'text/html', href: `${origin.baseUrl}${item.path}` }),
    el('category', { term: entry.type }),
    el('summary', { type: 'text' }, item.summary),
  );
}

/** `tag:<authority>,<day of the entry>:bill/<billId>/entry/<seq>`: stable for as long as the entry exists. */
function tagUri(authority: string, entry: LedgerEvent): string {
  return `tag:${authority},${entry.createdAt.slice(0, 10)}:bill/${encodeURIComponent(entry.billId)}/entry/${entry.seq}`;
}
