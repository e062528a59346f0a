/**
 * `npm run bench:history`: the figures of "following a text's evolution" (docs/PERFORMANCE.md):
 *   (a) the word diff of a generated 1 MB bill with 200 scattered edits: ours (whole text, and article by article) vs
 *       diff-match-patch's `diff_main` vs one whole-text `diffWordsWithSpace`, median of several runs;
 *   (b) the diff of two unrelated 200 KB texts: time to the coarse fallback and the longest event-loop stall meanwhile,
 *       on the diff workers (cold and warm) and, for comparison, on the main thread;
 *   (c) a bill of 2,500 versions streamed (`GET /bills/:id/history/stream`) to 20 concurrent HTTP clients: time to
 *       first byte and first line, total time, and the server process's peak memory against the size of the history.
 * Settings (environment): BENCH_CHARS (1,000,000), BENCH_EDITS (200), BENCH_RUNS (9), BENCH_UNRELATED_CHARS (200,000),
 * BENCH_VERSIONS (2,500), BENCH_VERSION_CHARS (25,000), BENCH_CLIENTS (20), BENCH_PARTS (abc: which to run),
 * BENCH_CPU_PROF (a directory: V8 CPU profile of (c)'s server), BENCH_DATABASE_URL (a PostgreSQL database whose user
 * may create databases: (c) then runs on a fresh database beside it instead of PGlite). (c) runs the server as its own
 * process on embedded PGlite in a temporary DATA_DIR (or PostgreSQL), the history written beforehand through the
 * storage layer.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import DiffMatchPatch from 'diff-match-patch';
import { diffWordsWithSpace } from 'diff';
import { closeHistoryPools, diffTexts } from '../server/modules/history/index.ts';
import { openStorage } from '../server/storage/database.ts';
import { createRunDatabase } from './consultation/nodes.ts';
import { sideOf, wordDiffAll, wordDiffUntil } from '../shared/text/wordDiff.ts';
import { billText, editBill, generateBill, mulberry32, unrelatedAlineas } from '../test/history/generatedBill.ts';
import { seedLongHistory } from './history/seedHistory.ts';
import type { ServerMessage } from './history/streamServer.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CHARS = setting('BENCH_CHARS', 1_000_000);
const EDITS = setting('BENCH_EDITS', 200);
const RUNS = setting('BENCH_RUNS', 9);
const UNRELATED_CHARS = setting('BENCH_UNRELATED_CHARS', 200_000);
const VERSIONS = setting('BENCH_VERSIONS', 2_500);
const VERSION_CHARS = setting('BENCH_VERSION_CHARS', 25_000);
const CLIENTS = setting('BENCH_CLIENTS', 20);
const PARTS = process.env.BENCH_PARTS ?? 'abc';

const log = (message: string) => process.stderr.write(`# bench:history ${message}\n`);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;

/** Median time of `runs` calls, after one call to warm up. */
function median(runs: number, work: () => unknown): number {
  work();
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  });
  return percentile(times, 0.5);
}

function wordDiffs(): void {
  const bill = generateBill(1, CHARS);
  const edited = editBill(mulberry32(2), bill, EDITS);
  const [before, after] = [billText(bill), billText(edited)];
  const pairs = bill.map((article, i) => [article.alineas.join('\n'), (edited[i]?.alineas ?? []).join('\n')] as const);
  const whole = wordDiffUntil(before, after, Date.now() + 60_000);
  if (!whole.complete || sideOf(whole.parts, 'before') !== before || sideOf(whole.parts, 'after') !== after) throw new Error('our diff is wrong');
  const dmp = new DiffMatchPatch();
  const ours = median(RUNS, () => wordDiffUntil(before, after, Date.now() + 60_000));
  const perArticle = median(RUNS, () => wordDiffAll(pairs, 60_000));
  const reference = median(RUNS, () => dmp.diff_main(before, after));
  const plain = median(Math.min(RUNS, 3), () => diffWordsWithSpace(before, after));
  console.log(`\n(a) word diff: ${before.length.toLocaleString('en')} characters, ${bill.length} articles, ${before.split('\n').length} alinéas, ${EDITS} edits (seeds 1, 2); median of ${RUNS} runs (whole-text diffWordsWithSpace: ${Math.min(RUNS, 3)})`);
  console.log(`ours, whole text (line pass, then words in changed blocks): ${ms(ours)}  (${whole.parts.length} parts)`);
  console.log(`ours, article by article (wordDiffAll):                    ${ms(perArticle)}`);
  console.log(`diff-match-patch diff_main (defaults, characters):         ${ms(reference)}`);
  console.log(`diffWordsWithSpace on the whole text:                      ${ms(plain)}`);
  console.log(`ratio ours / diff-match-patch: whole text ${(ours / reference).toFixed(2)}, by article ${(perArticle / reference).toFixed(2)} (goal ≤ 1.5)`);
}

const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));

/** Runs `work` and gives its duration and the longest event-loop stall meanwhile. */
async function stallDuring<T>(work: () => Promise<T>): Promise<{ ms: number; stall: number; result: T }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // No reset() after this: in Node 20 the first stall after a reset goes unrecorded.
  await sleep(50);
  const started = performance.now();
  const result = await work();
  const elapsed = performance.now() - started;
  // A stall is recorded when the loop turns again.
  await sleep(50);
  histogram.disable();
  return { ms: elapsed, stall: histogram.max / 1e6, result };
}

async function unrelatedDiffs(): Promise<void> {
  const [before, after] = [unrelatedAlineas(1, UNRELATED_CHARS).join('\n'), unrelatedAlineas(2, UNRELATED_CHARS).join('\n')];
  console.log(`\n(b) unrelated texts: ${before.length.toLocaleString('en')} and ${after.length.toLocaleString('en')} characters, budget 1 s, event-loop delay sampled every 10 ms`);
  const idle = await stallDuring(() => sleep(1_000));
  console.log(`idle loop for 1 s (this machine's own noise): longest stall ${ms(idle.stall)}`);
  for (const label of ['workers, cold (first use starts a worker)', 'workers, warm']) {
    const { ms: elapsed, stall, result } = await stallDuring(() => diffTexts([[before, after]]));
    console.log(`${label}: answer in ${ms(elapsed)}, ${result[0]?.complete ? 'complete' : 'coarse fallback'}, longest stall ${ms(stall)}`);
  }
  const { ms: elapsed, stall, result } = await stallDuring(() => Promise.resolve(wordDiffUntil(before, after, Date.now() + 1_000)));
  console.log(`main thread (for comparison): answer in ${ms(elapsed)}, ${result.complete ? 'complete' : 'coarse fallback'}, longest stall ${ms(stall)}`);
  await closeHistoryPools();
}

/**
 * Reads one stream to its end with node:http (fetch's web streams would cost this process more CPU than the server
 * spends, on a machine they share): times to first byte and first line, end, bytes and lines, and its last line.
 */
function readStream(url: string): Promise<{ firstByte: number; firstLine: number; total: number; bytes: number; lines: number; last: string }> {
  const started = performance.now();
  let [firstByte, firstLine, bytes, lines] = [NaN, NaN, 0, 0];
  let tail: Buffer = Buffer.alloc(0);
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.on('data', (data: Buffer) => {
        if (Number.isNaN(firstByte)) firstByte = performance.now() - started;
        bytes += data.length;
        for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) lines += 1;
        if (lines > 0 && Number.isNaN(firstLine)) firstLine = performance.now() - started;
        // The last bytes, to read the `end` line.
        tail = data.length >= 4_096 ? data.subarray(data.length - 4_096) : Buffer.concat([tail, data]).subarray(-4_096);
      });
      response.on('end', () => {
        const last = tail.toString('utf8').trim().split('\n').at(-1) ?? '';
        resolve({ firstByte, firstLine, total: performance.now() - started, bytes, lines, last });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

type Sample = { rss: number; heapUsed: number };

/** `CLIENTS` streams read at once; what each saw, and the server's memory samples meanwhile. */
async function streamAll(url: string, billId: string, memory: { samples: Sample[]; live: number[] }) {
  const [from, liveFrom] = [memory.samples.length, memory.live.length];
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: CLIENTS }, () => readStream(`${url}/api/v1/bills/${billId}/history/stream`)));
  const total = performance.now() - started;
  const during = memory.samples.slice(from);
  const peak = (key: keyof Sample) => Math.max(...during.map((sample) => sample[key]));
  return { results, total, rss: peak('rss'), heapUsed: peak('heapUsed'), live: Math.max(0, ...memory.live.slice(liveFrom)) };
}

async function streamedHistory(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'loilive-history-'));
  const postgres = process.env.BENCH_DATABASE_URL ? await createRunDatabase(process.env.BENCH_DATABASE_URL) : null;
  const storage = await openStorage(postgres ? { databaseUrl: postgres.url } : { dataDir });
  const seedStarted = performance.now();
  const { billId, historyChars } = await seedLongHistory(storage.db, { versions: VERSIONS, chars: VERSION_CHARS, editsPerVersion: 3, seed: 7 }).finally(() => storage.close());
  log(`history written in ${ms(performance.now() - seedStarted)}`);
  // The server opens the database once this process has closed it (one process per PGlite directory).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server = fork(path.join(REPO, 'bench/history/streamServer.ts'), [], {
    cwd: REPO,
    execArgv: ['--import', 'tsx', '--expose-gc', ...profile],
    env: { ...process.env, DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}) },
  });
  try {
    const memory = { samples: [] as Sample[], live: [] as number[] };
    const url = await new Promise<string>((resolve) =>
      server.on('message', (message: ServerMessage) => {
        if (message.type === 'ready') resolve(message.url);
        else if (message.type === 'memory') memory.samples.push(message);
        else memory.live.push(message.heapUsed);
      }),
    );
    await sleep(2_000);
    // One client alone first (the server's first stream: code not yet optimised), then all of them at once.
    const alone = await readStream(`${url}/api/v1/bills/${billId}/history/stream`);
    await sleep(1_000);
    const baseline = memory.samples.at(-1) ?? { rss: 0, heapUsed: 0 };
    const run = await streamAll(url, billId, memory);
    log('second round, the server collecting garbage every 500 ms');
    server.send('gc-on');
    await sleep(1_000);
    const liveBaseline = memory.live.at(-1) ?? 0;
    const collected = await streamAll(url, billId, memory);
    server.send('gc-off');

    const { results } = run;
    const complete = [...results, ...collected.results].filter((r) => r.lines === VERSIONS + 1 && r.last === `{"type":"end","versions":${VERSIONS}}`).length;
    const stats = (key: 'firstByte' | 'firstLine') => `p50 ${ms(percentile(results.map((r) => r[key]), 0.5))}, max ${ms(Math.max(...results.map((r) => r[key])))}`;
    console.log(`\n(c) history stream: ${VERSIONS} versions of a ${VERSION_CHARS.toLocaleString('en')}-character bill (3 edits each), ${CLIENTS} concurrent clients over HTTP, server process on ${postgres ? 'PostgreSQL' : 'PGlite'}`);
    console.log(`history: ${mb(historyChars)} of alinéa text in all; each stream ${mb(results[0]?.bytes ?? 0)} of NDJSON; ${complete}/${2 * CLIENTS} streams complete`);
    console.log(`one client alone first: first line ${ms(alone.firstLine)}, whole stream ${ms(alone.total)}`);
    console.log(`${CLIENTS} at once: first byte ${stats('firstByte')}; first line ${stats('firstLine')} (goal ≤ 200 ms)`);
    if (process.env.BENCH_DEBUG) console.log(results.map((r) => r.firstLine.toFixed(0)).sort((a, b) => Number(a) - Number(b)).join(' '));
    console.log(`total: ${ms(run.total)} for all ${CLIENTS} streams (one stream: p50 ${ms(percentile(results.map((r) => r.total), 0.5))})`);
    console.log(`server memory: RSS ${mb(baseline.rss)} before → peak ${mb(run.rss)} (+${mb(run.rss - baseline.rss)}), heap in use ${mb(baseline.heapUsed)} → peak ${mb(run.heapUsed)} (+${mb(run.heapUsed - baseline.heapUsed)}), garbage included`);
    console.log(`second round, full collection every 500 ms: live heap ${mb(liveBaseline)} before → peak ${mb(collected.live)} (+${mb(collected.live - liveBaseline)}) for ${CLIENTS} streams; the whole history is ${mb(historyChars)} of text, ${mb((results[0]?.bytes ?? 0) * CLIENTS)} sent per round`);
  } finally {
    server.send('stop');
    await new Promise((resolve) => server.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  }
}

async function main(): Promise<void> {
  console.log(`settings: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (PARTS.includes('a')) wordDiffs();
  if (PARTS.includes('b')) await unrelatedDiffs();
  if (PARTS.includes('c')) await streamedHistory();
}

await main();
