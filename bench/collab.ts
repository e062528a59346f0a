/**
 * `npm run bench:collab`: measures our collaboration endpoint (`/collab/<documentName>`) with the team's load harness
 * (`../shared/bench`, override with BENCH_DIR) side by side with the reference y-websocket server, in one run.
 *
 * The harness is not part of this repository and is only invoked, never copied in: it is copied to a temporary
 * directory (its folder is read-only and has no node_modules), its own dependencies are installed there with
 * `npm ci`, and its `run-reference.sh` is run from that copy.
 *
 * For every scenario (and repetition):
 *   1. the harness starts the reference server(s) fresh and measures them (`run-reference.sh --servers yws`);
 *   2. this script starts OUR server as a real process (`server/main.ts`, as `npm start` does, with COLLAB_MAX_CONNECTIONS_PER_ADDRESS raised),
 *      on embedded PGlite in a temporary DATA_DIR, or PostgreSQL with BENCH_DATABASE_URL (and Redis with
 *      BENCH_REDIS_URL); through the real HTTP API it signs in the bootstrap admin, signs up a user, makes them a
 *      parliamentarian, creates a bill, names them its rapporteur, and mints write tickets (for the harness writers)
 *      and anonymous read tickets (for the receivers); tickets live 2 minutes, so they are minted just before use;
 *   3. the harness measures our server by PID (`--target-pid`, peak RSS reset per scenario), room `bill:<id>`,
 *      tickets through `--writer-query-file` / `--query-file`, an `Origin` header matching PUBLIC_ORIGIN;
 *   4. our server's /metrics (updates, bytes, commit batches and latency) are read, and the server is stopped.
 * Then the combined results are printed: the harness' own table and ratios, and a compact side-by-side table.
 *
 * Options (flags or environment):
 *   --scenarios "fan100 fan1k fan2k5w doc200k join1k"  BENCH_SCENARIOS   harness scenario names
 *   --references "yws"                                 BENCH_REFERENCES  yws and/or hocuspocus ("" = none)
 *   --repeat N                                         BENCH_REPEAT      repetitions, interleaved (medians shown)
 *   --quick                                            BENCH_QUICK=1     5 s writing phases
 *   --pin                                              BENCH_PIN=1       servers on CPU 0, load client on CPU 1
 *   --out DIR                                          BENCH_OUT         where to copy results (default: temp dir)
 *   BENCH_DIR, BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_LOG_LEVEL (default warn), BENCH_KEEP_TMP=1
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KNOWN_SCENARIOS = ['fan100', 'fan1k', 'fan2k5w', 'doc200k', 'join1k'];
const WRITE_TICKETS = 5; // the largest harness scenario has 5 writers; line i mod lines is used
const READ_TICKETS = 16; // tickets are not single-use: receivers share these
const ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password' };

// ------------------------------------------------------------------ options --

interface Options {
  benchDir: string;
  scenarios: string[];
  references: string[];
  repeat: number;
  quick: boolean;
  pin: boolean;
  out: string | null;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  logLevel: string;
  keepTmp: boolean;
}

function fail(message: string, code = 2): never {
  process.stderr.write(`bench:collab: ${message}\n`);
  process.exit(code);
}

function parseOptions(argv: string[]): Options {
  const env = process.env;
  const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);
  const o: Options = {
    benchDir: path.resolve(REPO, env.BENCH_DIR ?? '../shared/bench'),
    scenarios: words(env.BENCH_SCENARIOS ?? KNOWN_SCENARIOS.join(' ')),
    references: words(env.BENCH_REFERENCES ?? 'yws'),
    repeat: Number(env.BENCH_REPEAT ?? '1'),
    quick: env.BENCH_QUICK === '1',
    pin: env.BENCH_PIN === '1',
    out: env.BENCH_OUT ? path.resolve(env.BENCH_OUT) : null,
    databaseUrl: env.BENCH_DATABASE_URL || undefined,
    redisUrl: env.BENCH_REDIS_URL || undefined,
    logLevel: env.BENCH_LOG_LEVEL ?? 'warn',
    keepTmp: env.BENCH_KEEP_TMP === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? fail(`${arg} needs a value`);
    if (arg === '--scenarios') o.scenarios = words(value());
    else if (arg === '--references') o.references = words(value());
    else if (arg === '--repeat') o.repeat = Number(value());
    else if (arg === '--quick') o.quick = true;
    else if (arg === '--pin') o.pin = true;
    else if (arg === '--out') o.out = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${(/\/\*\*([\s\S]*?)\*\//.exec(readFileSyncSafe(fileURLToPath(import.meta.url))) ?? ['', ''])[1]?.replace(/^ \* ?/gm, '')}\n`);
      process.exit(0);
    } else fail(`unknown option ${arg} (see --help)`);
  }
  for (const s of o.scenarios) if (!KNOWN_SCENARIOS.includes(s)) fail(`unknown scenario ${s} (known: ${KNOWN_SCENARIOS.join(' ')})`);
  for (const r of o.references) if (r !== 'yws' && r !== 'hocuspocus') fail(`unknown reference server ${r} (yws, hocuspocus)`);
  if (!Number.isInteger(o.repeat) || o.repeat < 1) fail('--repeat must be a positive integer');
  return o;
}

function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function checkHarness(dir: string): void {
  const needed = ['run-reference.sh', 'fanout.mjs', 'report.mjs', 'package.json', 'servers/yws.mjs'];
  const missing = needed.filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    fail(
      `the collab load harness was not found in ${dir} (missing: ${missing.join(', ')}).\n` +
        'It lives outside this repository (the team\'s shared/bench folder, next to the repo by default);\n' +
        'set BENCH_DIR=/path/to/shared/bench to point at it.',
    );
  }
}

// ------------------------------------------------------------------ helpers --

const log = (message: string) => process.stderr.write(`# bench:collab ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    // stderr is never piped (an unread pipe would block the child once full): shown, or dropped when quiet.
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', opts.quiet ? 'ignore' : 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

// ------------------------------------------------------------- our server --

interface OurServer {
  child: ChildProcess;
  pid: number;
  port: number;
  base: string;
  exited: Promise<number | null>;
}

async function startOurServer(o: Options, work: string, logFile: string, secret: string): Promise<OurServer> {
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
  const nodeArgs = ['--import', 'tsx', path.join(REPO, 'server/main.ts')];
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

async function stopOurServer(server: OurServer): Promise<void> {
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

interface Prepared {
  billId: string;
  writeTickets: string[];
  readTickets: string[];
}

/** A bill with a rapporteur, and tickets for it, through the public HTTP API only. */
async function prepareBill(base: string, label: string): Promise<Prepared> {
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

function residentMb(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}

async function scrapeMetrics(base: string, document: string): Promise<Record<string, number>> {
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

// ------------------------------------------------------------------ results --

interface Fanout {
  clients?: number;
  writers?: number;
  rate?: number;
  doc_kb?: number;
  awareness?: string;
  clients_synced?: number;
  connect_ms_all?: number;
  latency_ms?: { p50: number; p90: number; p99: number; max: number };
  deliveries_expected?: number;
  deliveries_received?: number;
  converged?: boolean;
  errors?: number;
  error_samples?: string[];
}
interface Row {
  scenario: string;
  rep: number;
  server: string;
  server_cpu_s: number;
  server_peak_rss_mb: number;
  server_alive_after: boolean;
  server_figures_from_last_sample?: boolean;
  fanout: Fanout | null;
  ours_metrics?: Record<string, number>;
  ours_storage?: string;
  ours_rss_before_mb?: number | null;
}

async function readRows(file: string): Promise<Row[]> {
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
}

const median = (xs: (number | null | undefined)[]): number | null => {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? (v[m] as number) : ((v[m - 1] as number) + (v[m] as number)) / 2;
};
const fmt = (x: number | null, digits = 1) => (x === null ? '-' : x.toFixed(digits));

function summaryTable(rows: Row[], markdown: boolean): string {
  const keys: string[] = [];
  for (const r of rows) if (!keys.includes(`${r.scenario}\u0000${r.server}`)) keys.push(`${r.scenario}\u0000${r.server}`);
  const head = ['scenario', 'server', 'runs', 'rx', 'writers', 'doc KB', 'synced', 'connect ms', 'lat p50', 'lat p99', 'srv CPU s', 'CPU µs/delivery', 'RSS before MB', 'peak RSS MB', 'delivered %', 'converged', 'errors', 'alive'];
  const body = keys.map((k) => {
    const g = rows.filter((r) => `${r.scenario}\u0000${r.server}` === k);
    const f = g.map((r) => r.fanout ?? {});
    const f0 = f.find((x) => x.clients !== undefined) ?? {};
    const delivered = median(f.map((x) => (x.deliveries_expected ? (100 * (x.deliveries_received ?? 0)) / x.deliveries_expected : null)));
    const perDelivery = median(g.map((r) => (r.fanout?.deliveries_received ? (1e6 * r.server_cpu_s) / r.fanout.deliveries_received : null)));
    return [
      g[0]?.scenario ?? '',
      g[0]?.server ?? '',
      String(g.length),
      String(f0.clients ?? '-'),
      f0.writers ? `${f0.writers}x${f0.rate}/s` : '-',
      String(f0.doc_kb ?? 0),
      fmt(median(f.map((x) => x.clients_synced)), 0),
      fmt(median(f.map((x) => x.connect_ms_all)), 0),
      fmt(median(f.map((x) => x.latency_ms?.p50)), 2),
      fmt(median(f.map((x) => x.latency_ms?.p99)), 2),
      fmt(median(g.map((r) => r.server_cpu_s)), 2) + (g.some((r) => r.server_figures_from_last_sample) ? '*' : ''),
      fmt(perDelivery, 0),
      fmt(median(g.map((r) => r.ours_rss_before_mb)), 0),
      fmt(median(g.map((r) => r.server_peak_rss_mb)), 0),
      fmt(delivered, 2),
      f.every((x) => x.converged === true) ? 'yes' : f.some((x) => x.converged === true) ? 'some' : 'NO',
      String(f.reduce((a, x) => a + (x.errors ?? 0), 0)),
      g.every((r) => r.server_alive_after) ? 'yes' : 'NO',
    ];
  });
  if (markdown) return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((c) => `| ${c.join(' | ')} |`)].join('\n');
  const w = head.map((h, i) => Math.max(h.length, ...body.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((x, i) => (i < 2 ? x.padEnd(w[i] ?? 0) : x.padStart(w[i] ?? 0))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(line)].join('\n');
}

// --------------------------------------------------------------------- main --

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  checkHarness(o.benchDir);
  const started = Date.now();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'loi-live-bench-'));
  const harness = path.join(tmp, 'harness');
  const results = path.join(tmp, 'results');
  await mkdir(results, { recursive: true });
  log(`harness ${o.benchDir} (copied to ${harness}; dependencies installed there, never in the repo)`);
  await cp(o.benchDir, harness, { recursive: true, filter: (src) => !/[/\\](node_modules|results)([/\\]|$)/.test(src.slice(o.benchDir.length)) });
  await run('chmod', ['-R', 'u+w', harness], { cwd: tmp });
  const install = await run('npm', [existsSync(path.join(harness, 'package-lock.json')) ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: harness });
  if (install.code !== 0) fail('npm install of the harness dependencies failed', 1);

  const secret = randomBytes(32).toString('hex');
  const storage = o.databaseUrl ? 'postgresql' : 'pglite';
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}, ${os.type()} ${os.release()}`;
  const settings = [
    `machine: ${machine}`,
    `scenarios: ${o.scenarios.join(' ')}; repeat ${o.repeat}; ${o.quick ? 'quick (5 s writing phases)' : '10 s writing phases'}${o.pin ? '; servers pinned to CPU 0, load client to CPU 1' : ''}`,
    `references: ${o.references.join(' ') || 'none'} (started fresh per scenario by run-reference.sh)`,
    `ours: server/main.ts (as npm start, COLLAB_MAX_CONNECTIONS_PER_ADDRESS=100000), fresh process per scenario, storage ${storage}${o.redisUrl ? ' + redis bus' : ', in-process bus'}, LOG_LEVEL=${o.logLevel}, ` +
      'maxConnectionsPerAddress raised to 10000 (all load sockets come from 127.0.0.1), other limits default, PUBLIC_ORIGIN set and sent as Origin',
    `ours: room bill:<new bill per scenario>; writers use write tickets of the bill's rapporteur, receivers anonymous read tickets (POST /api/v1/collab/tickets)`,
    "ours: writers edit the root Y.Text 't' (the harness cannot target an article's nested text); the server does not reject it today",
  ];
  for (const s of settings) log(s);

  const common = ['--no-install', ...(o.quick ? ['--quick'] : []), ...(o.pin ? ['--pin'] : [])];
  const all = path.join(results, 'all.jsonl');
  await writeFile(all, '');
  let problems = 0;
  for (let rep = 1; rep <= o.repeat; rep++) {
    for (const scenario of o.scenarios) {
      for (const ref of o.references) {
        log(`${scenario} rep ${rep}: reference ${ref}`);
        const out = path.join(results, `${scenario}-${ref}-${rep}.jsonl`);
        await run('bash', ['run-reference.sh', '--servers', ref, '--scenarios', scenario, '--out', out, ...common], { cwd: harness });
        for (const row of await readRows(out)) await appendFile(all, `${JSON.stringify({ ...row, rep })}\n`);
      }

      log(`${scenario} rep ${rep}: ours (${storage})`);
      const work = path.join(tmp, 'ours');
      await mkdir(work, { recursive: true });
      const serverLog = path.join(results, `${scenario}-ours-${rep}.server.log`);
      let server: OurServer | null = null;
      try {
        server = await startOurServer(o, work, serverLog, secret);
        const prepared = await prepareBill(server.base, `${scenario}-${rep}`);
        const document = `bill:${prepared.billId}`;
        const writeFile_ = path.join(work, `write-tickets-${scenario}-${rep}.txt`);
        const readFile_ = path.join(work, `read-tickets-${scenario}-${rep}.txt`);
        await writeFile(writeFile_, prepared.writeTickets.map((t) => `ticket=${encodeURIComponent(t)}`).join('\n') + '\n');
        await writeFile(readFile_, prepared.readTickets.map((t) => `ticket=${encodeURIComponent(t)}`).join('\n') + '\n');
        const out = path.join(results, `${scenario}-ours-${rep}.jsonl`);
        // Resident memory before the load (PGlite's WebAssembly heap lives in this process): peak − this = the run's own.
        const rssBeforeMb = residentMb(server.pid);
        await run(
          'bash',
          [
            'run-reference.sh',
            '--only-target',
            '--target-name', 'ours',
            '--target-pid', String(server.pid),
            '--target-url', `ws://127.0.0.1:${server.port}/collab`,
            '--target-room', document,
            '--target-fanout-args', `--origin ${server.base} --query-file ${readFile_} --writer-query-file ${writeFile_}`,
            '--scenarios', scenario,
            '--out', out,
            ...common,
          ],
          { cwd: harness },
        );
        const metrics = await scrapeMetrics(server.base, document);
        const rows = await readRows(out);
        if (rows.length === 0) {
          problems++;
          log(`!! no result for ours in ${scenario} (see ${out.replace(/\.jsonl$/, '.logs')})`);
        }
        for (const row of rows) {
          if (!row.fanout?.converged || (row.fanout.errors ?? 0) > 0) {
            problems++;
            log(`!! ours ${scenario}: converged=${String(row.fanout?.converged)} errors=${row.fanout?.errors ?? '?'} ${JSON.stringify(row.fanout?.error_samples ?? [])}`);
          }
          await appendFile(all, `${JSON.stringify({ ...row, rep, ours_metrics: metrics, ours_storage: storage, ours_rss_before_mb: rssBeforeMb })}\n`);
        }
      } catch (error) {
        problems++;
        log(`!! ours ${scenario} rep ${rep} failed: ${error instanceof Error ? error.message : String(error)} (server log: ${serverLog})`);
      } finally {
        if (server) await stopOurServer(server);
      }
    }
  }

  const rows = await readRows(all);
  const report = await run(process.execPath, ['report.mjs', all], { cwd: harness, quiet: true });
  const md = summaryTable(rows, true);
  const text = summaryTable(rows, false);
  const metricLines = rows
    .filter((r) => r.ours_metrics && Object.keys(r.ours_metrics).length > 0)
    .map((r) => {
      const m = r.ours_metrics ?? {};
      const batches = m.collab_persist_batches_total ?? 0;
      return `${r.scenario} rep ${r.rep}: ${m.collab_updates_total ?? 0} updates, ${m.collab_update_bytes_total ?? 0} bytes, ${batches} commit batches, commit ms mean ${batches ? ((m.collab_persist_ms_total ?? 0) / batches).toFixed(1) : '-'} / max ${m.collab_persist_ms_max === undefined ? '-' : m.collab_persist_ms_max.toFixed(1)}`;
    });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const summary = [
    '## settings',
    ...settings.map((s) => `- ${s}`),
    `- total wall time: ${minutes} min`,
    '',
    '## harness report (report.mjs)',
    '```',
    report.stdout.trim(),
    '```',
    '',
    '## side by side',
    md,
    '',
    '## our server /metrics after each run',
    ...metricLines.map((l) => `- ${l}`),
    '',
  ].join('\n');
  await writeFile(path.join(results, 'summary.md'), summary);

  process.stdout.write(`${report.stdout}\n`);
  process.stdout.write(`\nside by side (medians over runs; "CPU µs/delivery" = server CPU / deliveries received, whole run incl. connect;\n"RSS before" = our server's resident memory just before the load, measured for ours only (references start fresh, ~45-70 MB)):\n\n${text}\n\n`);
  if (rows.some((r) => r.server_figures_from_last_sample)) process.stdout.write('* the server died before the final reading: CPU from its last 0.25 s sample\n\n');
  if (metricLines.length) process.stdout.write(`our server /metrics after each run:\n${metricLines.map((l) => `  ${l}`).join('\n')}\n\n`);
  process.stdout.write(`settings:\n${settings.map((s) => `  ${s}`).join('\n')}\n  total wall time: ${minutes} min\n`);

  let kept = results;
  if (o.out) {
    await mkdir(o.out, { recursive: true });
    await cp(results, o.out, { recursive: true });
    kept = o.out;
  }
  process.stdout.write(`results: ${kept} (all.jsonl, summary.md, per-run logs)\n`);
  if (!o.keepTmp) {
    await rm(harness, { recursive: true, force: true });
    await rm(path.join(tmp, 'ours'), { recursive: true, force: true });
    if (o.out) await rm(tmp, { recursive: true, force: true });
  }
  if (problems > 0) {
    process.stdout.write(`${problems} problem(s) with our server: see the lines marked !! above\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:collab: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
