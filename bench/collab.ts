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
 * Extra scenarios (fan100x5 fan1kx5 join2k storm3k, see bench/collab/scenarios.ts) are not in run-reference.sh's
 * fixed list: bench/collab/extraScenarios.ts runs them with the harness' own load client and reference servers from
 * the same copy, measured the way run-reference.sh measures (fresh reference process per scenario, ours as above),
 * and their rows join the same results; join scenarios get a CPU-per-join table.
 *
 * Options (flags or environment):
 *   --scenarios "fan100 fan1k fan2k5w doc200k join1k"  BENCH_SCENARIOS   harness scenarios (default) and/or extra ones:
 *                                                                       fan100x5 fan1kx5 join2k storm3k
 *   --references "yws"                                 BENCH_REFERENCES  yws and/or hocuspocus ("" = none)
 *   --repeat N                                         BENCH_REPEAT      repetitions, interleaved (medians shown)
 *   --quick                                            BENCH_QUICK=1     5 s writing phases
 *   --pin                                              BENCH_PIN=1       servers on CPU 0, load client on CPU 1
 *   --out DIR                                          BENCH_OUT         where to copy results (default: temp dir)
 *   BENCH_DIR, BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_LOG_LEVEL (default warn), BENCH_KEEP_TMP=1,
 *   BENCH_CPU_PROF=DIR (a V8 CPU profile of our server per scenario, written to DIR when it stops; it costs CPU,
 *   so figures of such a run are not comparable)
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkHarness, fail, parseOptions } from './collab/options.ts';
import { log, run } from './collab/processes.ts';
import { type OurServer, prepareBill, residentMb, scrapeMetrics, startOurServer, stopOurServer } from './collab/ourServer.ts';
import { type ExtraRun, measureExtra, measureExtraReference } from './collab/extraScenarios.ts';
import { joinTable, ratioTable, readRows, summaryTable } from './collab/results.ts';
import { JOIN_SCENARIOS, isExtraScenario } from './collab/scenarios.ts';

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
    ...(o.scenarios.some(isExtraScenario)
      ? ['extra scenarios: fanout.mjs and servers/<ref>.mjs of the harness copy, run and measured like run-reference.sh by bench/collab/extraScenarios.ts (arguments: bench/collab/scenarios.ts)']
      : []),
    `ours: server/main.ts (as npm start, COLLAB_MAX_CONNECTIONS_PER_ADDRESS=100000), fresh process per scenario, storage ${storage}${o.redisUrl ? ' + redis bus' : ', in-process bus'}, LOG_LEVEL=${o.logLevel}, ` +
      'other limits default, PUBLIC_ORIGIN set and sent as Origin',
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
      // Extra scenarios: not in run-reference.sh's list, run by extraScenarios.ts with the same client and servers.
      const extra: ExtraRun | null = isExtraScenario(scenario) ? { harness, scenario, rep, quick: o.quick, pin: o.pin, logDir: path.join(results, 'extra.logs') } : null;
      for (const ref of o.references) {
        log(`${scenario} rep ${rep}: reference ${ref}`);
        const out = path.join(results, `${scenario}-${ref}-${rep}.jsonl`);
        if (extra) await writeFile(out, (await measureExtraReference(extra, ref)).map((r) => `${JSON.stringify(r)}\n`).join(''));
        else await run('bash', ['run-reference.sh', '--servers', ref, '--scenarios', scenario, '--out', out, ...common], { cwd: harness });
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
        const fanoutArgs = ['--origin', server.base, '--query-file', readFile_, '--writer-query-file', writeFile_];
        if (extra) {
          const row = await measureExtra(extra, { name: 'ours', protocol: 'y-websocket', url: `ws://127.0.0.1:${server.port}/collab`, pid: server.pid, fresh: false, room: document, fanoutArgs, serverLog });
          await writeFile(out, `${JSON.stringify(row)}\n`);
        } else {
          await run(
            'bash',
            [
              'run-reference.sh',
              '--only-target',
              '--target-name', 'ours',
              '--target-pid', String(server.pid),
              '--target-url', `ws://127.0.0.1:${server.port}/collab`,
              '--target-room', document,
              '--target-fanout-args', fanoutArgs.join(' '),
              '--scenarios', scenario,
              '--out', out,
              ...common,
            ],
            { cwd: harness },
          );
        }
        const metrics = await scrapeMetrics(server.base, document);
        const rows = await readRows(out);
        if (rows.length === 0) {
          problems++;
          log(`!! no result for ours in ${scenario} (see ${extra ? extra.logDir : out.replace(/\.jsonl$/, '.logs')})`);
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
  const joins = (markdown: boolean) => joinTable(rows, JOIN_SCENARIOS, markdown);
  const ratios = (markdown: boolean) => ratioTable(rows, o.references, JOIN_SCENARIOS, markdown);
  const joinNote =
    '"CPU ms/join" = server CPU of the whole run / receivers (incl. the preload, 1 edit, the clients leaving);\n' +
    '"join-phase CPU ms/join" = server CPU from the preload being on the server to the last receiver synced / receivers';
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
    ...(joins(true) ? ['## joins', joinNote, '', joins(true) ?? '', ''] : []),
    ...(ratios(true) ? ['## ratios (medians; < 1.0: ours used less)', ratios(true) ?? '', ''] : []),
    '## our server /metrics after each run',
    ...metricLines.map((l) => `- ${l}`),
    '',
  ].join('\n');
  await writeFile(path.join(results, 'summary.md'), summary);

  process.stdout.write(`${report.stdout}\n`);
  process.stdout.write(`\nside by side (medians over runs; "CPU µs/delivery" = server CPU / deliveries received, whole run incl. connect;\n"RSS before" = our server's resident memory just before the load, measured for ours only (references start fresh, ~45-70 MB)):\n\n${text}\n\n`);
  const joinText = joins(false);
  if (joinText) process.stdout.write(`joins (${joinNote}):\n\n${joinText}\n\n`);
  const ratioText = ratios(false);
  if (ratioText) process.stdout.write(`ratios of the medians above (< 1.0: ours used less time / CPU):\n\n${ratioText}\n\n`);
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
