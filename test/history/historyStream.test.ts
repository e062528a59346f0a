/**
 * HIST7 over real HTTP: `GET /bills/:id/history/stream` sends every version of a bill imported through the API,
 * each with the articles changed since the one before, as NDJSON; and the stream goes at the reader's pace.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStreamLineSchema, type HistoryVersionLine, type VersionDiff } from '../../shared/api/history.ts';
import { sideOf } from '../../shared/text/wordDiff.ts';
import { writeNdjson } from '../../server/modules/history/historyStream.ts';
import { expectProblem } from '../helpers/apiFixtures.ts';
import type { ImportAnswer, ImportServer } from '../helpers/importServer.ts';
import { startImportServer } from '../helpers/importServer.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { editBill, generateBill, mulberry32 } from './generatedBill.ts';
import { type BundleArticle, importHistory } from './historyBundle.ts';

/** Reads a whole NDJSON answer: status, content type and parsed lines. */
async function readNdjson(url: string): Promise<{ status: number; type: string; lines: unknown[]; body: string }> {
  const response = await fetch(url);
  const body = await response.text();
  const lines = response.ok ? body.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown) : [];
  return { status: response.status, type: response.headers.get('content-type') ?? '', lines, body };
}

const textOf = (article: BundleArticle | undefined) => (article === undefined || article.status === 'supprimé' ? '' : article.alineas.join('\n'));

/** Eleven versions (more than one page): edits, an article deleted and one added, a version identical to the one before. */
function versionsOfTestBill(): BundleArticle[][] {
  const random = mulberry32(42);
  const versions: BundleArticle[][] = [generateBill(42, 6_000)];
  versions.push(editBill(random, versions[0] as BundleArticle[], 5));
  const third: BundleArticle[] = (versions[1] as BundleArticle[]).map((article) => ({ ...article }));
  third[1] = { ...(third[1] as BundleArticle), status: 'supprimé', alineas: ['(Supprimé)'] };
  third.splice(3, 0, { number: '3 bis', alineas: ['Un article inséré en commission.', 'Son second alinéa.'] });
  versions.push(third, third.map((article) => ({ ...article })));
  while (versions.length < 11) versions.push(editBill(random, versions.at(-1) as BundleArticle[], 3));
  return versions;
}

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`HIST7 history stream on ${targetTitle(target)}`, () => {
    let ctx: ImportServer;
    let imported: ImportAnswer;
    const versions = versionsOfTestBill();

    beforeAll(async () => {
      ctx = await startImportServer(target);
      imported = await importHistory(ctx.admin, 'essai-historique', versions);
    });
    afterAll(() => ctx?.stop());

    it('HIST7 streams every version in order, each with the articles changed since the one before, then `end`', async () => {
      const { status, type, lines } = await readNdjson(`${ctx.server.url}/api/v1/bills/${imported.billId}/history/stream`);
      expect(status).toBe(200);
      expect(type).toMatch(/^application\/x-ndjson/);
      const parsed = lines.map((line) => HistoryStreamLineSchema.parse(line));
      expect(parsed.at(-1)).toEqual({ type: 'end', versions: versions.length });
      const versionLines = parsed.filter((line): line is HistoryVersionLine => line.type === 'version');
      expect(versionLines.map((line) => line.version.id)).toEqual(imported.summary.versions.map((version) => version.id));
      expect(versionLines.map((line) => line.previous)).toEqual([null, ...imported.summary.versions.slice(0, -1).map((version) => version.id)]);
      expect(versionLines.map((line) => line.index)).toEqual(versions.map((_, i) => i));

      versionLines.forEach((line, i) => {
        const before = new Map((versions[i - 1] ?? []).map((article) => [article.number, article]));
        const after = new Map((versions[i] as BundleArticle[]).map((article) => [article.number, article]));
        expect(line.version.articleCount).toBe(after.size);
        // Every listed article's parts rebuild its text in both versions; every article left out kept its text.
        for (const article of line.articles) {
          expect(sideOf(article.parts, 'before'), `${i} ${article.number}`).toBe(textOf(before.get(article.number)));
          expect(sideOf(article.parts, 'after'), `${i} ${article.number}`).toBe(textOf(after.get(article.number)));
        }
        const listed = new Set(line.articles.map((article) => article.number));
        for (const number of new Set([...before.keys(), ...after.keys()])) {
          if (!listed.has(number)) expect(textOf(before.get(number)), `${i} ${number}`).toBe(textOf(after.get(number)));
        }
        expect(line.articles.some((article) => article.status === 'unchanged')).toBe(false);
        expect(Object.values(line.counts).reduce((sum, n) => sum + n, 0)).toBe(new Set([...before.keys(), ...after.keys()]).size);
      });
      expect(versionLines[0]?.articles.every((article) => article.status === 'new')).toBe(true);
      expect(versionLines[2]?.articles.map((article) => [article.number, article.status])).toEqual([
        [versions[1]?.[1]?.number, 'deleted'],
        ['3 bis', 'new'],
      ]);
      expect(versionLines[3]?.articles).toEqual([]);
    });

    it('HIST7 a version’s line says what `GET /bills/:id/diff` says between it and the version before', async () => {
      const { lines } = await readNdjson(`${ctx.server.url}/api/v1/bills/${imported.billId}/history/stream`);
      const line = lines[4] as HistoryVersionLine;
      const diff = await ctx.anonymous.get<VersionDiff>(`/bills/${imported.billId}/diff?from=${line.previous}&to=${line.version.id}`);
      expect(diff.status).toBe(200);
      expect(line.articles).toEqual(diff.body.articles.filter((article) => article.status !== 'unchanged'));
      expect(line.counts).toEqual(diff.body.counts);
    });

    it('HIST7 streams of one bill started together (which share their reads and diffs) each get the whole history', async () => {
      const url = `${ctx.server.url}/api/v1/bills/${imported.billId}/history/stream`;
      const alone = await readNdjson(url);
      const together = await Promise.all(Array.from({ length: 6 }, () => readNdjson(url)));
      for (const stream of together) expect(stream.body).toBe(alone.body);
    });

    it('HIST7 an unknown bill is a 404 problem, before anything is streamed', async () => {
      expectProblem(await ctx.anonymous.get('/bills/no-such-bill/history/stream'), 404, 'bill_not_found');
    });

    it('HIST7 API2 the OpenAPI description documents the stream’s lines', async () => {
      const { body } = await ctx.anonymous.get<{ paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }> }>('/openapi.json');
      expect(body.paths['/bills/{id}/history/stream']?.get.responses['200']?.content?.['application/x-ndjson']).toBeDefined();
    });
  });
}

describe('HIST7 NDJSON at the reader’s pace', () => {
  let server: Server;
  let pulled = 0;
  let finished = false;
  const LINES = 2_000;
  const filler = 'x'.repeat(32 * 1024);

  beforeAll(async () => {
    async function* items(): AsyncGenerator<{ n: number; filler: string }> {
      try {
        for (pulled = 0; pulled < LINES; pulled += 1) {
          // As a database read would.
          await Promise.resolve();
          yield { n: pulled, filler };
        }
      } finally {
        finished = true;
      }
    }
    server = createServer((_req, res) => void writeNdjson(res, items()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Waits until `pulled` stops moving (three looks in a row), and gives it. */
  async function settled(): Promise<number> {
    let last = -1;
    for (let same = 0; same < 3; ) {
      await sleep(100);
      same = pulled === last ? same + 1 : 0;
      last = pulled;
    }
    return last;
  }

  it('HIST7 lines are computed only as fast as the client reads them, and a client that leaves ends the stream', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const response = await fetch(url);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    // The client reads nothing more: the server stops once the socket buffers are full (64 MB would be all of it).
    const paused = await settled();
    expect(paused).toBeLessThan(LINES / 2);
    expect(finished).toBe(false);
    // Reading again lets it go on.
    for (let i = 0; i < 200; i += 1) await reader.read();
    expect(await settled()).toBeGreaterThan(paused);
    // Leaving ends the generator (and so its database reads).
    await reader.cancel();
    await expect.poll(() => finished, { timeout: 10_000 }).toBe(true);
    expect(pulled).toBeLessThan(LINES);
  });
});
