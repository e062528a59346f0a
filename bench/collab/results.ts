/** Reading the harness' results and printing the side-by-side table of `npm run bench:collab`. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

// ------------------------------------------------------------------ results --

export interface Fanout {
  clients?: number;
  writers?: number;
  rate?: number;
  doc_kb?: number;
  awareness?: string;
  clients_synced?: number;
  connect_ms_all?: number;
  handshake_ms?: { p50: number; p99: number; max: number } | null;
  latency_ms?: { p50: number; p90: number; p99: number; max: number };
  deliveries_expected?: number;
  deliveries_received?: number;
  converged?: boolean;
  errors?: number;
  error_samples?: string[];
}
export interface Row {
  scenario: string;
  rep: number;
  server: string;
  server_cpu_s: number;
  server_peak_rss_mb: number;
  server_alive_after: boolean;
  server_figures_from_last_sample?: boolean;
  protocol?: string;
  fresh_server?: boolean;
  server_crash?: string | null;
  fanout_rc?: number;
  wall_s?: number;
  fanout: Fanout | null;
  /** extra scenarios only: server CPU from the preload being visible (or the start) to the last receiver synced */
  join_cpu_s?: number | null;
  ours_metrics?: Record<string, number>;
  ours_storage?: string;
  ours_rss_before_mb?: number | null;
}

export async function readRows(file: string): Promise<Row[]> {
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
}

export const median = (xs: (number | null | undefined)[]): number | null => {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? (v[m] as number) : ((v[m - 1] as number) + (v[m] as number)) / 2;
};
export const fmt = (x: number | null, digits = 1) => (x === null ? '-' : x.toFixed(digits));

/** Rows grouped by scenario + server, in first-seen order. */
function groups(rows: Row[]): Row[][] {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const k = `${r.scenario}\u0000${r.server}`;
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return [...out.values()];
}

function render(head: string[], body: string[][], markdown: boolean): string {
  if (markdown) return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((c) => `| ${c.join(' | ')} |`)].join('\n');
  const w = head.map((h, i) => Math.max(h.length, ...body.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((x, i) => (i < 2 ? x.padEnd(w[i] ?? 0) : x.padStart(w[i] ?? 0))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(line)].join('\n');
}

/** Medians over the runs of one scenario + server (the figures the tables and ratios share). */
function figures(g: Row[]) {
  const f = g.map((r) => r.fanout ?? {});
  const clients = f.find((x) => x.clients !== undefined)?.clients;
  return {
    p50: median(f.map((x) => x.latency_ms?.p50)),
    p99: median(f.map((x) => x.latency_ms?.p99)),
    connect: median(f.map((x) => x.connect_ms_all)),
    cpu: median(g.map((r) => r.server_cpu_s)),
    perDeliveryUs: median(g.map((r) => (r.fanout?.deliveries_received ? (1e6 * r.server_cpu_s) / r.fanout.deliveries_received : null))),
    // whole run (as the figure: server CPU / receivers) and the join phase alone
    perJoinMs: median(g.map((r) => (r.fanout?.clients ? (1e3 * r.server_cpu_s) / r.fanout.clients : null))),
    perJoinPhaseMs: median(g.map((r) => (r.fanout?.clients && typeof r.join_cpu_s === 'number' ? (1e3 * r.join_cpu_s) / r.fanout.clients : null))),
    joinsPerS: median(f.map((x) => (x.connect_ms_all && x.clients_synced ? (1e3 * x.clients_synced) / x.connect_ms_all : null))),
    clients,
  };
}

export function summaryTable(rows: Row[], markdown: boolean): string {
  const head = ['scenario', 'server', 'runs', 'rx', 'writers', 'doc KB', 'synced', 'connect ms', 'lat p50', 'lat p99', 'srv CPU s', 'CPU µs/delivery', 'RSS before MB', 'peak RSS MB', 'delivered %', 'converged', 'errors', 'alive'];
  const body = groups(rows).map((g) => {
    const f = g.map((r) => r.fanout ?? {});
    const f0 = f.find((x) => x.clients !== undefined) ?? {};
    const x = figures(g);
    const delivered = median(f.map((y) => (y.deliveries_expected ? (100 * (y.deliveries_received ?? 0)) / y.deliveries_expected : null)));
    return [
      g[0]?.scenario ?? '',
      g[0]?.server ?? '',
      String(g.length),
      String(f0.clients ?? '-'),
      f0.writers ? `${f0.writers}x${f0.rate}/s` : '-',
      String(f0.doc_kb ?? 0),
      fmt(median(f.map((y) => y.clients_synced)), 0),
      fmt(x.connect, 0),
      fmt(x.p50, 2),
      fmt(x.p99, 2),
      fmt(x.cpu, 2) + (g.some((r) => r.server_figures_from_last_sample) ? '*' : ''),
      fmt(x.perDeliveryUs, 0),
      fmt(median(g.map((r) => r.ours_rss_before_mb)), 0),
      fmt(median(g.map((r) => r.server_peak_rss_mb)), 0),
      fmt(delivered, 2),
      f.every((y) => y.converged === true) ? 'yes' : f.some((y) => y.converged === true) ? 'some' : 'NO',
      String(f.reduce((a, y) => a + (y.errors ?? 0), 0)),
      g.every((r) => r.server_alive_after) ? 'yes' : 'NO',
    ];
  });
  return render(head, body, markdown);
}

/** Join scenarios: CPU per join over the whole run and over the join phase alone, admission speed, failures. */
export function joinTable(rows: Row[], joinScenarios: string[], markdown: boolean): string | null {
  const gs = groups(rows.filter((r) => joinScenarios.includes(r.scenario)));
  if (gs.length === 0) return null;
  const head = ['scenario', 'server', 'runs', 'rx', 'doc KB', 'awareness', 'synced', 'connect all ms', 'joins/s', 'hs p50', 'hs p99', 'srv CPU s', 'CPU ms/join', 'join-phase CPU ms/join', 'peak RSS MB', 'errors', 'alive'];
  const body = gs.map((g) => {
    const f = g.map((r) => r.fanout ?? {});
    const f0 = f.find((x) => x.clients !== undefined) ?? {};
    const x = figures(g);
    return [
      g[0]?.scenario ?? '',
      g[0]?.server ?? '',
      String(g.length),
      String(f0.clients ?? '-'),
      String(f0.doc_kb ?? 0),
      f0.awareness ?? '-',
      fmt(median(f.map((y) => y.clients_synced)), 0),
      fmt(x.connect, 0),
      fmt(x.joinsPerS, 0),
      fmt(median(f.map((y) => y.handshake_ms?.p50)), 0),
      fmt(median(f.map((y) => y.handshake_ms?.p99)), 0),
      fmt(x.cpu, 2) + (g.some((r) => r.server_figures_from_last_sample) ? '*' : ''),
      fmt(x.perJoinMs, 2),
      fmt(x.perJoinPhaseMs, 2),
      fmt(median(g.map((r) => r.server_peak_rss_mb)), 0),
      String(f.reduce((a, y) => a + (y.errors ?? 0), 0)),
      g.every((r) => r.server_alive_after) ? 'yes' : 'NO',
    ];
  });
  return render(head, body, markdown);
}

/** Every non-reference server against every reference, per scenario (medians first, then the ratio). */
export function ratioTable(rows: Row[], references: string[], joinScenarios: string[], markdown: boolean): string | null {
  const gs = groups(rows);
  const head = ['scenario', 'pair', 'lat p50', 'lat p99', 'connect all', 'srv CPU', 'CPU/delivery', 'CPU/join', 'join-phase CPU/join'];
  const q = (a: number | null, b: number | null) => fmt(a !== null && b !== null && b > 0 ? a / b : null, 2);
  const body: string[][] = [];
  for (const g of gs) {
    const first = g[0];
    if (!first || references.includes(first.server)) continue;
    for (const ref of references) {
      const z = gs.find((h) => h[0]?.scenario === first.scenario && h[0].server === ref);
      if (!z) continue;
      const [a, b] = [figures(g), figures(z)];
      const join = joinScenarios.includes(first.scenario); // elsewhere CPU/join would just repeat the CPU ratio
      body.push([
        first.scenario, `${first.server} / ${ref}`, q(a.p50, b.p50), q(a.p99, b.p99), q(a.connect, b.connect), q(a.cpu, b.cpu), q(a.perDeliveryUs, b.perDeliveryUs),
        join ? q(a.perJoinMs, b.perJoinMs) : '-', join ? q(a.perJoinPhaseMs, b.perJoinPhaseMs) : '-',
      ]);
    }
  }
  return body.length ? render(head, body, markdown) : null;
}
