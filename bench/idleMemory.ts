/**
 * `npm run bench:idle-memory`: resident memory per idle collaboration socket on our server, against a bare `ws`
 * server holding the same number of idle sockets. Each of our sockets is an anonymous reader that completed the
 * y-websocket handshake (sync step 1 sent, the document received) on one bill, then stays silent.
 * Settings: BENCH_CONNECTIONS (default 2000); our server runs as `npm start` does (PGlite in a temporary DATA_DIR, or
 * BENCH_DATABASE_URL). The figure is (RSS with the sockets − RSS before) / sockets, on the server process only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { freePort, sleep } from './collab/processes.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 2_000);
const ADMIN = { email: 'idle-bench@example.org', password: 'idle-bench-password' };

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** The sync step 1 of an empty document, as the stock provider sends it on connect. */
const emptySyncStep1 = (() => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
  return encoding.toUint8Array(encoder);
})();

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error('server exited');
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(200);
  }
  throw new Error(`${url} never answered`);
}

/** Opens `count` sockets, `handshake` ones send sync step 1 and wait for the first answer; resolves once all are idle. */
async function openIdle(url: string, count: number, handshake: boolean): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, () => {
      const socket = new WebSocket(url);
      sockets.push(socket);
      return new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.once('close', (code) => reject(new Error(`closed with ${code}`)));
        socket.once('open', () => {
          if (!handshake) return resolve();
          socket.once('message', () => resolve());
          socket.send(emptySyncStep1);
        });
      });
    });
    await Promise.all(batch);
  }
  return sockets;
}

async function measure(label: string, pid: number, url: string, handshake: boolean): Promise<number> {
  await sleep(2_000);
  const before = rssKb(pid);
  const sockets = await openIdle(url, CONNECTIONS, handshake);
  await sleep(3_000);
  const after = rssKb(pid);
  const perSocket = ((after - before) * 1024) / CONNECTIONS;
  console.log(`${label}: RSS ${Math.round(before / 1024)} → ${Math.round(after / 1024)} MB, ${Math.round(perSocket)} B per idle socket`);
  for (const socket of sockets) socket.terminate();
  return perSocket;
}

async function main(): Promise<void> {
  // A bare ws server: the least memory an idle socket can cost in Node.
  const barePort = await freePort();
  const bare = spawn(process.execPath, ['-e', `new (require('ws').WebSocketServer)({ port: ${barePort}, host: '127.0.0.1' }); setInterval(() => {}, 1e9)`], {
    cwd: REPO,
    stdio: 'inherit',
  });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loilive-idle-'));
  const port = await freePort();
  const ours = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
      REDIS_URL: '',
      SEED_DEMO: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      COLLAB_MAX_CONNECTIONS_PER_ADDRESS: String(CONNECTIONS * 2),
      LOG_LEVEL: 'warn',
    },
  });
  try {
    await sleep(500);
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(`${base}/health`, ours);
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const created = await fetch(`${base}/api/v1/bills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        title: 'Projet de loi de mesure de la mémoire',
        shortTitle: 'Mémoire',
        depot: { institution: 'assemblee', date: '2026-01-01', articles: [{ number: '1er', alineas: ['Un article à lire en silence.'] }] },
      }),
    });
    const { id } = (await created.json()) as { id: string };

    console.log(`settings: ${CONNECTIONS} idle sockets from 127.0.0.1; ours: server/main.ts on ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, anonymous readers of one bill after the sync handshake; bare: ws WebSocketServer, no handlers`);
    const bareBytes = await measure('bare ws', bare.pid as number, `ws://127.0.0.1:${barePort}`, false);
    const ourBytes = await measure('ours', ours.pid as number, `ws://127.0.0.1:${port}/collab/bill:${id}`, true);
    console.log(`ratio ours / bare: ${(ourBytes / bareBytes).toFixed(2)} (goal ≤ 1.2)`);
  } finally {
    bare.kill('SIGKILL');
    ours.kill('SIGTERM');
    await new Promise((resolve) => ours.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
