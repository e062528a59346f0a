/**
 * `npm run bench:cross-node`: delivery latency of an edit to readers on the writer's own node and on another node,
 * two server processes sharing PostgreSQL (BENCH_DATABASE_URL, required) and Redis (BENCH_REDIS_URL, or a
 * redis-server started here on a free port), plus the Redis commands each update costs.
 * Settings: BENCH_READERS per node (default 200), BENCH_EDITS (default 200) at BENCH_RATE edits/s (default 20).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createClient } from 'redis';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { freePort, sleep } from './collab/processes.ts';

const READERS = Number(process.env.BENCH_READERS ?? 200);
const EDITS = Number(process.env.BENCH_EDITS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const ADMIN = { email: 'cross-bench@example.org', password: 'cross-bench-password' };
const SECRET = 'cross-node-benchmark-secret-0123456789abcdef';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}
const syncFrame = (type: number, payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, type);
    encoding.writeVarUint8Array(e, payload);
  });

async function startNode(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), SEED_DEMO: 'false', LOG_LEVEL: 'warn', SECRET_KEY: SECRET, COLLAB_MAX_CONNECTIONS_PER_ADDRESS: '100000', ...env },
  });
  for (let i = 0; i < 300; i += 1) {
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return child;
    await sleep(200);
  }
  throw new Error(`node on ${port} never became healthy`);
}

/** A reader that records when each marker first reached it. */
async function reader(url: string, seen: Map<number, number>[]): Promise<WebSocket> {
  const received = new Map<number, number>();
  seen.push(received);
  const socket = new WebSocket(url);
  socket.on('message', (data: Buffer) => {
    const now = performance.now();
    for (const match of data.toString('latin1').matchAll(/\[x(\d+)\]/g)) {
      const seq = Number(match[1]);
      if (!received.has(seq)) received.set(seq, now);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => {
      socket.once('message', () => resolve());
      socket.send(syncFrame(0, new Uint8Array([0])));
    });
    socket.once('error', reject);
  });
  return socket;
}

function percentiles(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${at(1).toFixed(1)} ms (${sorted.length} deliveries)`;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) {
    console.error('bench:cross-node needs BENCH_DATABASE_URL (two nodes cannot share an embedded database)');
    process.exit(2);
  }
  let redisProcess: ChildProcess | null = null;
  let redisUrl = process.env.BENCH_REDIS_URL;
  if (!redisUrl) {
    const redisPort = await freePort();
    redisProcess = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    redisUrl = `redis://127.0.0.1:${redisPort}`;
    await sleep(500);
  }
  const [portA, portB] = [await freePort(), await freePort()];
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  const nodeA = await startNode(portA, { ...env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const nodeB = await startNode(portB, env);
  const sockets: WebSocket[] = [];
  try {
    const base = `http://127.0.0.1:${portA}`;
    const post = (route: string, body: unknown, cookie = '') =>
      fetch(`${base}/api/v1${route}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    const login = await post('/auth/login', ADMIN);
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const bill = (await (await post('/bills', { title: 'Projet de loi de mesure entre nœuds', shortTitle: 'Nœuds', depot: { institution: 'senat', date: '2026-01-01', articles: [{ number: '1er', alineas: ['Texte.'] }] } }, cookie)).json()) as { id: string };
    // A parliamentarian named rapporteur of the bill writes; the admin sets that up.
    const writerAccount = { email: 'cross-writer@example.org', password: 'cross-writer-password', displayName: 'Rapporteur' };
    const signup = await post('/auth/signup', writerAccount);
    const writerCookie = signup.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const writerId = ((await signup.json()) as { id: string }).id;
    const put = (route: string, body?: unknown) =>
      fetch(`${base}/api/v1${route}`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
    await put(`/users/${writerId}/role`, { role: 'parliamentarian' });
    await put(`/bills/${bill.id}/rapporteurs/${writerId}`);
    const issued = (await (await post('/collab/tickets', { document: `bill:${bill.id}` }, writerCookie)).json()) as { ticket: string; access: string };
    if (issued.access !== 'write') throw new Error('the writer did not get a write ticket');
    const ticket = issued.ticket;

    const local: Map<number, number>[] = [];
    const remote: Map<number, number>[] = [];
    for (let i = 0; i < READERS; i += 1) sockets.push(await reader(`ws://127.0.0.1:${portA}/collab/bill:${bill.id}`, local));
    for (let i = 0; i < READERS; i += 1) sockets.push(await reader(`ws://127.0.0.1:${portB}/collab/bill:${bill.id}`, remote));
    const writer = new WebSocket(`ws://127.0.0.1:${portA}/collab/bill:${bill.id}?ticket=${ticket}`);
    sockets.push(writer);
    await new Promise((resolve) => writer.once('open', resolve));

    const monitor = createClient({ url: redisUrl });
    await monitor.connect();
    const commandsBefore = Number(/total_commands_processed:(\d+)/.exec(await monitor.info('stats'))?.[1]);
    const doc = new Y.Doc();
    const text = doc.getText('bench');
    const sentAt = new Map<number, number>();
    doc.on('update', (update: Uint8Array) => writer.send(syncFrame(2, update)));
    for (let seq = 0; seq < EDITS; seq += 1) {
      sentAt.set(seq, performance.now());
      text.insert(0, `[x${seq}]`);
      await sleep(1000 / RATE);
    }
    await sleep(3_000);
    const commands = Number(/total_commands_processed:(\d+)/.exec(await monitor.info('stats'))?.[1]) - commandsBefore;
    await monitor.close();

    const latencies = (seen: Map<number, number>[]) =>
      seen.flatMap((received) => [...received].map(([seq, at]) => at - (sentAt.get(seq) ?? at)));
    const missing = (seen: Map<number, number>[]) => seen.reduce((sum, received) => sum + (EDITS - received.size), 0);
    console.log(`settings: 2 nodes (PostgreSQL + Redis), ${READERS} readers per node, 1 writer on node A, ${EDITS} edits at ${RATE}/s`);
    console.log(`readers on the writer's node: ${percentiles(latencies(local))}, missing ${missing(local)}`);
    console.log(`readers on the other node:    ${percentiles(latencies(remote))}, missing ${missing(remote)}`);
    console.log(`Redis commands during the run: ${commands} (${(commands / EDITS).toFixed(2)} per edit, presence renewals included)`);
  } finally {
    for (const socket of sockets) socket.terminate();
    nodeA.kill('SIGTERM');
    nodeB.kill('SIGTERM');
    redisProcess?.kill('SIGTERM');
  }
}

await main();
