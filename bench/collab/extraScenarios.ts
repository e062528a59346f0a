/**
 * The extra scenarios of `npm run bench:collab` (bench/collab/scenarios.ts), which the harness' run-reference.sh
 * cannot run (its list is fixed). They use the harness' own load client (`fanout.mjs`) and reference servers
 * (`servers/<name>.mjs`) from the temporary copy, and mirror run-reference.sh's `run_one` measurement:
 * server user+sys CPU from /proc/PID/stat summed over the process tree, read just before the load client starts and
 * again 0.5 s after it exits; peak RSS = VmHWM summed over the tree; a 0.25 s sampler of the root process as the
 * fallback when the server dies; the same fanout defaults (`--connect-timeout 20 --drain 5`, scenario arguments
 * after them so a scenario may override them). One addition: the server CPU between the load client's
 * "preload visible" (or its start) and "receivers synced" progress lines, i.e. the CPU spent on the joins alone.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, log, sleep } from './processes.ts';
import type { Fanout, Row } from './results.ts';
import { extraScenarioArgs } from './scenarios.ts';

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const FANOUT_CAP_MS = 240_000; // fanout.mjs ends by itself (its hard limit is ~160 s here); this is a safety net

// ------------------------------------------------------------- /proc readings --

/** Fields after "(comm) ": [0] = state, [11] = utime, [12] = stime, [1] = ppid. comm may contain spaces. */
function statFields(pid: number): string[] | null {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return line.slice(line.lastIndexOf(') ') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The PID and all its descendants (run-reference.sh walks `ps --ppid`; this reads the same parent links). */
export function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(statFields(Number(entry))?.[1]);
    if (!Number.isFinite(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const todo = [root];
  for (let pid = todo.shift(); pid !== undefined; pid = todo.shift()) {
    if (statFields(pid) === null) continue;
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

const ticksOf = (pid: number) => {
  const f = statFields(pid);
  return f ? Number(f[11]) + Number(f[12]) : 0;
};
const hwmKbOf = (pid: number) => {
  try {
    return Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};
export const cpuTicks = (pid: number) => treePids(pid).reduce((sum, p) => sum + ticksOf(p), 0);
export const peakRssKb = (pid: number) => treePids(pid).reduce((sum, p) => sum + hwmKbOf(p), 0);
export function isAlive(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

// ------------------------------------------------------- reference servers --

export interface Reference {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  exited: Promise<void>;
}

/** `node servers/<name>.mjs --port P` from the harness copy; ready when it prints {"listening":P,...}. */
export async function startReference(harness: string, name: string, pin: boolean, logFile: string): Promise<Reference> {
  const port = await freePort();
  const args = [path.join('servers', `${name}.mjs`), '--port', String(port)];
  const [cmd, argv] = pin ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(cmd, argv, { cwd: harness, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(logFile);
  child.stderr.pipe(out);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const listening = new Promise<boolean>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      out.write(`${line}\n`);
      if (line.includes('"listening"')) resolve(true);
    });
    void exited.then(() => resolve(false));
    setTimeout(() => resolve(false), 15_000).unref();
  });
  if (child.pid === undefined || !(await listening)) {
    child.kill('SIGKILL');
    throw new Error(`reference server ${name} did not start (log: ${logFile})`);
  }
  return { name, child, pid: child.pid, port, exited };
}

/** As run-reference.sh's stop_pid: TERM, up to 5 s, then KILL. */
export async function stopReference(ref: Reference): Promise<void> {
  if (ref.child.exitCode !== null || ref.child.signalCode !== null) return;
  ref.child.kill('SIGTERM');
  if (!(await Promise.race([ref.exited.then(() => true), sleep(5000).then(() => false)]))) {
    ref.child.kill('SIGKILL');
    await ref.exited;
  }
}

// ------------------------------------------------------------- one run ------

export interface Target {
  name: string;
  protocol: 'y-websocket' | 'hocuspocus';
  url: string;
  pid: number;
  /** false: the process existed before (ours, prepared through its API): reset its peak RSS first, as the harness does for --target-pid. */
  fresh: boolean;
  room: string;
  fanoutArgs: string[];
  serverLog: string;
}

export interface ExtraRun {
  harness: string;
  scenario: string;
  rep: number;
  quick: boolean;
  pin: boolean;
  logDir: string;
}

/** One scenario against one running server: the fanout JSON line plus the server figures, as a results row. */
export async function measureExtra(run: ExtraRun, target: Target): Promise<Row> {
  const { pid } = target;
  const base = path.join(run.logDir, `${run.scenario}-${target.name}-${run.rep}`);
  await mkdir(run.logDir, { recursive: true });
  if (!target.fresh) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
    } catch {
      // not permitted: the peak then includes what the process held before
    }
  }
  const last = { ticks: 0, hwmKb: 0 }; // of the root process, while it lived
  const sampler = setInterval(() => {
    if (isAlive(pid)) Object.assign(last, { ticks: ticksOf(pid), hwmKb: hwmKbOf(pid) });
  }, 250);
  const c0 = cpuTicks(pid);
  last.ticks = c0;
  let joinStart = c0;
  let joinEnd: number | null = null;
  const t0 = performance.now();

  const args = [
    'fanout.mjs', '--url', target.url, '--protocol', target.protocol,
    '--connect-timeout', '20', '--drain', '5', // run-reference.sh's defaults
    ...extraScenarioArgs(run.scenario, run.quick),
    '--label', `${run.scenario}/${target.name}`, '--room', target.room,
    ...target.fanoutArgs,
  ];
  const [cmd, argv] = run.pin ? ['taskset', ['-c', '1', process.execPath, ...args]] : [process.execPath, args];
  const client = spawn(cmd, argv, { cwd: run.harness, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  client.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const errLog = createWriteStream(`${base}.fanout.err`);
  // Progress lines mark the join phase: after the preload is on the server, until every receiver has synced.
  createInterface({ input: client.stderr }).on('line', (line) => {
    errLog.write(`${line}\n`);
    if (/preload of \d+ chars visible/.test(line)) joinStart = cpuTicks(pid);
    else if (/receivers synced in/.test(line)) joinEnd = cpuTicks(pid);
  });
  const cap = setTimeout(() => {
    log(`!! ${run.scenario} ${target.name}: load client still running after ${FANOUT_CAP_MS / 1000} s, stopping it`);
    client.kill('SIGTERM');
    setTimeout(() => client.kill('SIGKILL'), 5000).unref();
  }, FANOUT_CAP_MS);
  const rc = await new Promise<number>((resolve) => client.on('close', (code) => resolve(code ?? 1)));
  clearTimeout(cap);
  errLog.end();
  const t1 = performance.now();
  await writeFile(`${base}.fanout.json`, stdout);

  await sleep(500); // let a crash caused by the clients leaving show up before the reading
  const alive = isAlive(pid);
  clearInterval(sampler);
  const c1 = alive ? cpuTicks(pid) : last.ticks;
  const hwmKb = alive ? peakRssKb(pid) : last.hwmKb;
  const crash = alive ? null : await firstErrorLine(target.serverLog);
  const fanoutLine = stdout.trim().split('\n').pop() ?? '';
  let fanout: Fanout | null = null;
  try {
    fanout = JSON.parse(fanoutLine) as Fanout;
  } catch {
    // no result line: the row says so (fanout null)
  }
  const cpuS = (c1 - c0) / CLK_TCK;
  log(`  ${run.scenario} ${target.name} rep ${run.rep}: fanout rc=${rc}, server alive=${alive}, server cpu=${cpuS.toFixed(2)}s, wall=${((t1 - t0) / 1000).toFixed(2)}s`);
  if (!alive) log(`  !! ${target.name} died during/after ${run.scenario}: ${crash ?? 'exited'} (log: ${target.serverLog})`);
  return {
    scenario: run.scenario,
    rep: run.rep,
    server: target.name,
    protocol: target.protocol,
    fresh_server: target.fresh,
    server_cpu_s: cpuS,
    server_peak_rss_mb: Math.round(hwmKb / 102.4) / 10,
    server_alive_after: alive,
    server_figures_from_last_sample: !alive,
    server_crash: crash,
    fanout_rc: rc,
    wall_s: Math.round(t1 - t0) / 1000,
    fanout,
    join_cpu_s: joinEnd !== null && joinEnd >= joinStart ? (joinEnd - joinStart) / CLK_TCK : null, // a tree that is gone reads 0: no figure
  };
}

/** A reference server started fresh for this one run (as run-reference.sh does per scenario), then stopped. */
export async function measureExtraReference(run: ExtraRun, name: string): Promise<Row[]> {
  const serverLog = path.join(run.logDir, `${run.scenario}-${name}-${run.rep}.server.log`);
  await mkdir(run.logDir, { recursive: true });
  let ref: Reference | null = null;
  try {
    ref = await startReference(run.harness, name, run.pin, serverLog);
    const protocol = name === 'hocuspocus' ? 'hocuspocus' : 'y-websocket';
    const room = `bench-${run.scenario}-${run.rep}-${name}-${process.pid}`;
    return [await measureExtra(run, { name, protocol, url: `ws://127.0.0.1:${ref.port}`, pid: ref.pid, fresh: true, room, fanoutArgs: [], serverLog })];
  } catch (error) {
    log(`!! ${name} ${run.scenario} rep ${run.rep} failed: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  } finally {
    if (ref) await stopReference(ref);
  }
}

async function firstErrorLine(file: string): Promise<string> {
  try {
    const line = (await readFile(file, 'utf8')).split('\n').find((l) => /Error|error|FATAL|Killed/.test(l));
    return line?.trim().slice(0, 200) || 'exited';
  } catch {
    return 'exited';
  }
}
