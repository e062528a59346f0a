/**
 * `npm run bench:consultation`: replays the République numérique consultation (30 draft articles, 666 proposals as
 * amendments, 3,994 arguments, 88,622 votes) through the HTTP API as fast as the server allows, on one node and on
 * two nodes sharing Redis, and prints contributions per second, votes per second and p50/p99 latency per request kind.
 *
 * Needs BENCH_DATABASE_URL: a PostgreSQL database whose user may create databases; each run gets a fresh database
 * beside it, dropped afterwards. PostgreSQL is required even for one node because the participants' accounts are
 * inserted as a fixture by this process while the servers run (signing up thousands through argon2 would take
 * minutes and is not what is measured), and an embedded PGlite directory can be opened by one process only.
 * Optional: BENCH_REDIS_URL (else a redis-server is started here), BENCH_CONCURRENCY (requests in flight, default
 * 32), BENCH_NODES (runs to make, default "1,2"), BENCH_CPU_PROF (a folder for the servers' V8 CPU profiles),
 * REPUBLIQUE_NUMERIQUE_DIR (the data, default ../shared/data/republique-numerique/consultation).
 */
import os from 'node:os';
import { openStorage } from '../server/storage/database.ts';
import { CONSULTATION_DATA_DIR, missingConsultationReason } from '../test/helpers/consultation/dataDir.ts';
import { createParticipants } from '../test/helpers/consultation/participants.ts';
import { accountsNeeded } from '../test/helpers/consultation/plan.ts';
import { readTallies } from '../test/helpers/consultation/readBack.ts';
import { type Consultation, readConsultation } from '../test/helpers/consultation/readConsultation.ts';
import { type ReplayProgress, replayConsultation, type ReplayResult } from '../test/helpers/consultation/replay.ts';
import { ApiClient } from '../test/helpers/testServer.ts';
import { BENCH_ADMIN, createRunDatabase, postgresVersion, startNode, startRedis } from './consultation/nodes.ts';
import { formatRun } from './consultation/report.ts';

const log = (message: string) => process.stderr.write(`# bench:consultation ${message}\n`);

function stop(message: string): never {
  process.stderr.write(`bench:consultation: ${message}\n`);
  process.exit(2);
}

/** Logs each phase's progress every tenth, with its rate so far. */
function progressLogger(label: string): (progress: ReplayProgress) => void {
  const started = new Map<string, number>();
  return ({ phase, done, total }) => {
    if (!started.has(phase)) started.set(phase, performance.now());
    const step = Math.max(1, Math.ceil(total / 10));
    if (done % step !== 0 && done !== total) return;
    const rate = done / ((performance.now() - (started.get(phase) ?? 0)) / 1000);
    log(`${label} ${phase}: ${done}/${total} (${rate.toFixed(1)}/s)`);
  };
}

/** How many replayed opinions have exactly the data's counts. */
async function checkTallies(client: ApiClient, consultation: Consultation, result: ReplayResult): Promise<string> {
  const ids = (type: string) => [...result.targets.values()].filter((target) => target.type === type).map((target) => target.id);
  const tallies = new Map([...(await readTallies(client, result.billId, 'article', ids('article'))), ...(await readTallies(client, result.billId, 'amendment', ids('amendment')))]);
  const equal = consultation.opinions.filter((opinion) => {
    const tally = tallies.get(result.targets.get(opinion.id)?.id ?? '');
    return tally?.agree === opinion.votes.agree && tally.disagree === opinion.votes.disagree && tally.mixed === opinion.votes.mixed;
  }).length;
  return `${equal}/${consultation.opinions.length} opinions read back with exactly the data's counts`;
}

/** One replay on `nodeCount` fresh server processes over a fresh database. */
async function run(consultation: Consultation, nodeCount: number, baseUrl: string, concurrency: number): Promise<string[]> {
  const database = await createRunDatabase(baseUrl);
  const redis = nodeCount > 1 ? await startRedis() : null;
  const nodes = [];
  try {
    const shared = { DATABASE_URL: database.url, REDIS_URL: redis?.url ?? '' };
    nodes.push(await startNode({ ...shared, ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password }));
    while (nodes.length < nodeCount) nodes.push(await startNode(shared));

    const setupStart = performance.now();
    const storage = await openStorage({ databaseUrl: database.url });
    const tokens = await createParticipants(storage.db, accountsNeeded(consultation)).finally(() => storage.close());
    const accountSetupMs = performance.now() - setupStart;

    const admin = new ApiClient(nodes[0]!.url);
    await admin.login(BENCH_ADMIN.email, BENCH_ADMIN.password);
    const label = `${nodeCount} node${nodeCount > 1 ? 's' : ''}`;
    const result = await replayConsultation(consultation, { urls: nodes.map((node) => node.url), admin, tokens, concurrency, onProgress: progressLogger(label) });
    const talliesChecked = await checkTallies(new ApiClient(nodes[nodes.length - 1]!.url), consultation, result);
    const settings = {
      machine: `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
      node: process.version,
      storage: await postgresVersion(database.url),
      nodes: nodeCount,
      bus: redis ? 'Redis' : 'in-process',
      concurrency,
      accounts: tokens.count,
      accountSetupMs,
    };
    return formatRun(settings, result, talliesChecked);
  } finally {
    await Promise.all(nodes.map((node) => node.stop()));
    redis?.stop();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const missing = missingConsultationReason();
  if (missing) stop(missing);
  const baseUrl = process.env.BENCH_DATABASE_URL;
  if (!baseUrl) stop('set BENCH_DATABASE_URL to a PostgreSQL database (each run creates and drops a fresh database beside it)');
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
  const nodeCounts = (process.env.BENCH_NODES ?? '1,2').split(',').map(Number);
  if (!Number.isInteger(concurrency) || concurrency < 1 || nodeCounts.some((n) => !Number.isInteger(n) || n < 1)) stop('BENCH_CONCURRENCY and BENCH_NODES must be positive integers');

  const consultation = readConsultation(CONSULTATION_DATA_DIR);
  log(`data: ${CONSULTATION_DATA_DIR} (${consultation.opinions.length} opinions)`);
  for (const nodeCount of nodeCounts) {
    log(`replaying on ${nodeCount} node(s), concurrency ${concurrency}`);
    const lines = await run(consultation, nodeCount, baseUrl, concurrency);
    console.log(lines.join('\n'));
  }
}

await main();
