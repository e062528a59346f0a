/**
 * A bill's whole history as a stream (HIST7): every version in procedure order, each with the articles that changed
 * since the version before it. Versions are read a page at a time and each line is sent as soon as it is computed,
 * at the pace the client reads (a full socket buffer pauses the reading), so neither the history nor the answer is
 * ever held whole in memory, and the first line leaves before the last version is even read.
 */
import type { ServerResponse } from 'node:http';
import type { HistoryStreamLine } from '../../../shared/api/history.ts';
import { InFlight, perDatabase } from '../../common/inFlight.ts';
import type { Database } from '../../storage/database.ts';
import { assertBillExists } from '../bills/index.ts';
import { diffArticles } from './articleChanges.ts';
import { Turns } from './turns.ts';
import { type VersionWithArticles, versionsInOrder } from './versionPages.ts';

/** Versions read per query: small, as a version of a long bill can weigh a megabyte. */
const PAGE_SIZE = 8;

// Streams that read the same versions together (versionPages.ts shares the reads) share their diffs too.
const diffsInFlight = perDatabase<Database, InFlight<Awaited<ReturnType<typeof diffArticles>>>>(() => new InFlight());

/** The lines of the bill's history stream; throws bill_not_found at once (before any line) for an unknown bill. */
export async function historyStream(db: Database, billId: string, pageSize = PAGE_SIZE): Promise<AsyncGenerator<HistoryStreamLine>> {
  const versions = versionsInOrder(db, billId, pageSize);
  // The first version is read before answering: a bill with one says the bill exists, and twenty streams started
  // together share that read (versionPages.ts) instead of each asking whether the bill exists.
  const first = await versions.next();
  if (first.done === true) await assertBillExists(db, billId);
  return lines(db, first.done === true ? [] : [first.value], versions);
}

async function* lines(db: Database, read: VersionWithArticles[], rest: AsyncIterator<VersionWithArticles>): AsyncGenerator<HistoryStreamLine> {
  let previous: VersionWithArticles | null = null;
  let index = 0;
  for await (const version of chain(read, rest)) {
    const from = previous?.articles ?? [];
    const key = `${previous?.summary.id ?? ''}\u0000${version.summary.id}`;
    const { articles, counts } = await diffsInFlight(db).run(key, () => diffArticles(from, version.articles));
    yield {
      type: 'version',
      index,
      version: version.summary,
      previous: previous?.summary.id ?? null,
      counts,
      articles: articles.filter((article) => article.status !== 'unchanged'),
    };
    previous = version;
    index += 1;
  }
  yield { type: 'end', versions: index };
}

/** The versions already read, then the rest; ending early (a client that left) ends the reading. */
async function* chain(read: VersionWithArticles[], rest: AsyncIterator<VersionWithArticles>): AsyncGenerator<VersionWithArticles> {
  try {
    yield* read;
    for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}

/** The NDJSON content type. */
export const NDJSON = 'application/x-ndjson';

// Every stream of the process shares the loop: 5 ms of lines per iteration, then I/O again (new connections, other requests).
const turns = new Turns(5);

/**
 * Writes `items` as NDJSON, one JSON object per line, waiting for the socket to drain whenever its buffer is full;
 * stops reading `items` (ending the generator, hence its queries) as soon as the client leaves. The first line goes
 * at once; after each line the stream waits for its turn (turns.ts): an embedded database answers without real I/O,
 * so a stream that never waited would keep the loop until its client's socket buffers are full.
 */
export async function writeNdjson(res: ServerResponse, items: AsyncIterable<unknown>): Promise<void> {
  let gone = res.destroyed;
  res.once('close', () => (gone = true));
  res.writeHead(200, {
    'content-type': `${NDJSON}; charset=utf-8`,
    'cache-control': 'no-cache',
    // Reverse proxies (nginx) must not buffer the stream.
    'x-accel-buffering': 'no',
  });
  for await (const item of items) {
    if (gone) return;
    if (!res.write(`${JSON.stringify(item)}\n`)) await drained(res);
    await turns.wait();
  }
  if (!gone) res.end();
}

/** Resolves when the response can take more, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
