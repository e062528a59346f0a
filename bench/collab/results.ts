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
  fanout: Fanout | null;
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

export function summaryTable(rows: Row[], markdown: boolean): string {
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
