/** Our server for `npm run bench:collab`: started as `npm start` does, prepared through its HTTP API, measured. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, type Options, READ_TICKETS, REPO, WRITE_TICKETS, fail } from './options.ts';
import { freePort, log, sleep } from './processes.ts';

// ------------------------------------------------------------- our server --

export interface OurServer {
  child: ChildProcess;
  pid: number;
  port: number;
  base: string;
  exited: Promise<number | null>;
}

export async function startOurServer(o: Options, work: string, logFile: string, secret: string): Promise<OurServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: path.join(work, 'data'),
    DATABASE_URL: o.databaseUrl ?? '',
    REDIS_URL: o.redisUrl ?? '',
    SECRET_KEY: secret,
    SEED_DEMO: 'false',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
    TRUST_PROXY: 'false',
    AUTH_ATTEMPTS_PER_MINUTE: '1000',
    LOG_LEVEL: o.logLevel,
    // Every load client connects from 127.0.0.1.
    COLLAB_MAX_CONNECTIONS_PER_ADDRESS: '100000',
  };
  // BENCH_CPU_PROF=DIR: a V8 CPU profile of our server per scenario, written there when it stops (where its CPU goes).
  const profile = o.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfileDir}`] : [];
  const nodeArgs = [...profile, '--import', 'tsx', path.join(REPO, 'server/main.ts')];
  const [cmd, args] = o.pin ? ['taskset', ['-c', '0', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const fd = openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd: REPO, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  if (child.pid === undefined) throw new Error('could not start our server');
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let dead = false;
  void exited.then(() => (dead = true));
  while (Date.now() < deadline && !dead) {
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return { child, pid: child.pid, port, base, exited };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stopOurServer({ child, pid: child.pid, port, base, exited });
  throw new Error(`our server did not become healthy (log: ${logFile})`);
}

export async function stopOurServer(server: OurServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const stopped = await Promise.race([server.exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) {
    log(`our server (pid ${server.pid}) did not stop within 10 s of SIGTERM; killing it`);
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

// --------------------------------------------------- preparing a bill ------

class Api {
  constructor(readonly base: string) {}

  async call<T>(method: string, route: string, body?: unknown, cookie?: string): Promise<{ data: T; cookie: string | undefined }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (cookie) headers.cookie = cookie;
    const res = await fetch(`${this.base}/api/v1${route}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} -> ${res.status}: ${text.slice(0, 300)}`);
    const session = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith('session='));
    return { data: (text ? JSON.parse(text) : null) as T, cookie: session };
  }
}

export interface Prepared {
  billId: string;
  writeTickets: string[];
  readTickets: string[];
}

/** A bill with a rapporteur, and tickets for it, through the public HTTP API only. */
export async function prepareBill(base: string, label: string): Promise<Prepared> {
  const api = new Api(base);
  const admin = await api.call<{ id: string }>('POST', '/auth/login', ADMIN);
  const adminCookie = admin.cookie ?? fail('login did not set a session cookie');
  const email = `rapporteur-${label}-${randomBytes(4).toString('hex')}@example.org`;
  const user = await api.call<{ id: string }>('POST', '/auth/signup', { email, password: 'bench-user-password', displayName: `Rapporteur ${label}` });
  const userCookie = user.cookie ?? fail('signup did not set a session cookie');
  await api.call('PUT', `/users/${user.data.id}/role`, { role: 'parliamentarian' }, adminCookie);
  const bill = await api.call<{ id: string }>(
    'POST',
    '/bills',
    {
      title: `Projet de loi de mesure (${label})`,
      shortTitle: `Bench ${label}`,
      depot: {
        institution: 'assemblee',
        date: '2026-01-01',
        articles: [
          { number: '1', alineas: ['Le présent article sert de mesure.', 'Il comporte deux alinéas.'] },
          { number: '2', alineas: ['Le second article est court.'] },
        ],
      },
    },
    adminCookie,
  );
  const billId = bill.data.id;
  await api.call('PUT', `/bills/${billId}/rapporteurs/${user.data.id}`, undefined, adminCookie);
  const document = `bill:${billId}`;
  const ticket = async (cookie: string | undefined, expect: 'read' | 'write') => {
    const t = await api.call<{ ticket: string; access: string }>('POST', '/collab/tickets', { document }, cookie);
    if (t.data.access !== expect) throw new Error(`expected a ${expect} ticket, got ${t.data.access}`);
    return t.data.ticket;
  };
  const writeTickets: string[] = [];
  for (let i = 0; i < WRITE_TICKETS; i++) writeTickets.push(await ticket(userCookie, 'write'));
  const readTickets: string[] = [];
  for (let i = 0; i < READ_TICKETS; i++) readTickets.push(await ticket(undefined, 'read'));
  return { billId, writeTickets, readTickets };
}

export function residentMb(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}

export async function scrapeMetrics(base: string, document: string): Promise<Record<string, number>> {
  try {
    const text = await (await fetch(`${base}/metrics`)).text();
    const out: Record<string, number> = {};
    for (const line of text.split('\n')) {
      const m = /^(collab_\w+)\{document="([^"]+)"\} (\S+)$/.exec(line);
      if (m && m[2] === document) out[m[1] as string] = Number(m[3]);
    }
    return out;
  } catch {
    return {};
  }
}
