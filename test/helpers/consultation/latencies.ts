/** Per-request latencies of a replay, by kind of request, and their percentiles. */

/** The requests a replay makes. */
export type RequestKind = 'bill' | 'amendment draft' | 'amendment deposit' | 'argument' | 'vote';

/** Count and percentiles of one kind, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Collects request durations by kind. */
export class LatencyLog {
  private readonly byKind = new Map<RequestKind, number[]>();

  /** Adds one request's duration. */
  record(kind: RequestKind, ms: number): void {
    const list = this.byKind.get(kind);
    if (list) list.push(ms);
    else this.byKind.set(kind, [ms]);
  }

  /** The kinds seen, in the order first seen. */
  kinds(): RequestKind[] {
    return [...this.byKind.keys()];
  }

  /**
   * Nearest-rank percentiles of one kind (NaN when none); `part` restricts them to a slice of the requests in the
   * order they were recorded (e.g. the first and last tenth, to see whether a kind slows down as data accumulates).
   */
  summary(kind: RequestKind, part: { from: number; to: number } = { from: 0, to: 1 }): LatencySummary {
    const all = this.byKind.get(kind) ?? [];
    const slice = all.slice(Math.floor(part.from * all.length), Math.ceil(part.to * all.length));
    const sorted = slice.sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
    return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: at(1) };
  }
}
