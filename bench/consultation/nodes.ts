/**
 * The server under test, as real processes (`server/main.ts`, as `npm start` runs it), a fresh PostgreSQL database
 * per run, and a Redis for two nodes (BENCH_REDIS_URL, or a redis-server started here on a free port).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, sleep } from '../collab/processes.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The bootstrap admin every run's first node creates. */
export const BENCH_ADMIN = { email: 'consultation-bench@example.org', password: 'consultation-bench-password' };
// Required with Redis (all nodes sign tickets with it); never used outside the run.
const SECRET_KEY = 'consultation-benchmark-secret-0123456789abcdef';

/** A running server process. */
export interface ServerNode {
  url: string;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` on a free port and waits until /health answers. */
export async function startNode(env: Record<string, string>): Promise<ServerNode> {
  const port = await freePort();
  // BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), SEED_DEMO: 'false', LOG_LEVEL: 'warn', SECRET_KEY, ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  };
  for (let i = 0; i < 300 && child.exitCode === null; i += 1) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return { url, stop };
    await sleep(200);
  }
  await stop();
  throw new Error(`the server on port ${port} never became healthy`);
}

/** Creates a fresh database next to `baseUrl` (the user needs CREATEDB), so each run starts empty. */
export async function createRunDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `loilive_bench_${randomBytes(5).toString('hex')}`;
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => query(`drop database if exists ${name} with (force)`) };
}

/** The PostgreSQL server's version line. */
export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ version: string }>('select version()');
    return result.rows[0]?.version.split(' on ')[0] ?? 'PostgreSQL';
  } finally {
    await client.end();
  }
}

/** BENCH_REDIS_URL, or a redis-server started on a free port (stopped by `stop`). */
export async function startRedis(): Promise<{ url: string; stop(): void }> {
  if (process.env.BENCH_REDIS_URL) return { url: process.env.BENCH_REDIS_URL, stop: () => undefined };
  const port = await freePort();
  const redis: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  redis.on('error', () => undefined); // a missing binary shows as no pid, below
  const url = `redis://127.0.0.1:${port}`;
  await sleep(500);
  if (redis.pid === undefined || redis.exitCode !== null) throw new Error('redis-server did not start (install it, or set BENCH_REDIS_URL)');
  return { url, stop: () => void redis.kill('SIGTERM') };
}
