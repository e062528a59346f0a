/**
 * Real processes for the durability and multi-node suites: server nodes (`server/main.ts`, as `npm start` runs
 * it) that can be stopped, killed and restarted on the same port and storage, and a dedicated Redis server.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import { freePort, killIfRunning, type ServerProcess, spawnServer, waitForOutput } from './processes.ts';

/** A server node: its process, URL and the environment it was started with (to restart it identically). */
export interface ServerNode {
  process: ServerProcess;
  url: string;
  port: number;
  env: Record<string, string>;
}

// Children still running when the test process ends, killed then so no server or Redis outlives the run, even when a
// failure skipped the suites' cleanup. Vitest ends its workers with SIGTERM, which skips 'exit' handlers.
const running = new Set<ChildProcess>();
const killRunning = () => running.forEach((child) => child.kill('SIGKILL'));
let hooked = false;

function track(child: ChildProcess): void {
  if (!hooked) {
    hooked = true;
    process.once('exit', killRunning);
    process.once('SIGTERM', () => {
      killRunning();
      process.exit(143);
    });
  }
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/** A SECRET_KEY shared by every node of a suite (tickets issued by one node are valid on the others). */
export const SHARED_SECRET = 'test-secret-key-shared-by-all-nodes-0123456789';

/** Starts a node on `port` (a free one by default) and waits until it listens. */
export async function startNode(env: Record<string, string>, port?: number): Promise<ServerNode> {
  const chosen = port ?? (await freePort());
  const full = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(chosen),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    AUTH_ATTEMPTS_PER_MINUTE: '10000',
    ...env,
  };
  const spawned = spawnServer(full);
  track(spawned.child);
  try {
    await waitForOutput(spawned, /"msg":"server listening"/);
  } catch (error) {
    killIfRunning(spawned);
    throw error;
  }
  return { process: spawned, url: `http://127.0.0.1:${chosen}`, port: chosen, env };
}

/** Stops a node with `signal` and resolves with how it ended. */
export async function stopNode(node: ServerNode, signal: 'SIGTERM' | 'SIGKILL'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (node.process.child.exitCode === null && node.process.child.signalCode === null) node.process.child.kill(signal);
  return node.process.exited;
}

/** Starts the node again with the same environment and port (clients reconnect to the same URL). */
export function restartNode(node: ServerNode): Promise<ServerNode> {
  return startNode(node.env, node.port);
}

/** Kills a node that is still running (cleanup after a failed test). */
export async function killNode(node: ServerNode | undefined): Promise<void> {
  if (!node) return;
  killIfRunning(node.process);
  await node.process.exited;
}

/** Why Redis-based suites cannot run here, or null when a `redis-server` binary is on PATH. */
export function redisServerSkipReason(): string | null {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? null : 'skipped: no redis-server binary on PATH';
}

/** A Redis server of our own on a free port, never the machine's shared one. */
export interface DedicatedRedis {
  url: string;
  port: number;
  /** Kills the server abruptly (SIGKILL: nothing saved, every connection dropped). */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it for good (idempotent). */
  stop(): Promise<void>;
}

/** Starts `redis-server` on a free port, without persistence, bound to 127.0.0.1. */
export async function startDedicatedRedis(): Promise<DedicatedRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const launch = async (): Promise<void> => {
    const started = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    track(started);
    let out = '';
    started.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    started.stderr?.resume();
    const deadline = Date.now() + 10_000;
    while (!out.includes('Ready to accept connections')) {
      if (started.exitCode !== null || Date.now() > deadline) {
        started.kill('SIGKILL');
        throw new Error(`redis-server did not start on ${port}:\n${out}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const end = async (): Promise<void> => {
    const current = child;
    child = null;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = once(current, 'exit');
    current.kill('SIGKILL');
    await exited;
  };
  await launch();
  return { url: `redis://127.0.0.1:${port}`, port, kill: end, start: launch, stop: end };
}

/**
 * Holds appends to the collaborative update log of the PostgreSQL database at `databaseUrl` until `release()`:
 * a transaction takes a SHARE lock on `collab_commits`, which blocks inserts (not reads). Updates that arrive
 * meanwhile are in flight, not committed; a node killed before the release never commits them.
 */
export async function stallAppends(databaseUrl: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // Dropping the database (cleanup after a failure) ends this connection: that must not be an unhandled error.
  client.on('error', () => undefined);
  await client.connect();
  await client.query('begin');
  await client.query('lock table collab_commits in share mode');
  let released: Promise<void> | null = null;
  return {
    release() {
      released ??= client.query('rollback').then(() => client.end());
      return released;
    },
  };
}
