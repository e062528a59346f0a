/**
 * Scenarios of `npm run bench:collab`. The harness' own ones are run by its `run-reference.sh` (a fixed list);
 * the extra ones are run by bench/collab/extraScenarios.ts with the harness' own load client (`fanout.mjs`) and
 * reference servers, measured the way run-reference.sh measures.
 */

export const HARNESS_SCENARIOS = ['fan100', 'fan1k', 'fan2k5w', 'doc200k', 'join1k'];

/**
 * fanout.mjs arguments per extra scenario; `duration` is 10 s, or 5 s with --quick (as the harness does).
 * Join scenarios make the fewest edits the client allows (`--rate 1 --duration 1` = exactly 1 edit: it needs at
 * least one, and it checks convergence with it) so that the server's CPU is spent on the joins.
 *
 * `--connect-concurrency` caps handshakes in flight; it is not a rate. join2k keeps the harness' 100 (as join1k):
 * with a 475 KB state the reference server needs ~6–9 ms of CPU per join (~110–180 joins/s on one core) and the
 * load client itself ~3 ms per join to receive and compare 530 KB, so more in flight would not raise the join rate,
 * only queue the handshakes (tried: 1,000 in flight gave yws handshake p99 9 s instead of 1.3 s). join2k measures
 * CPU per join, not admission under a storm. storm3k is the storm: 3,000 real-client-like readers (each announces
 * awareness) on a small document, 1,000 in flight, i.e. the first thousand arrive before any is answered, an offered
 * rate at or above 1,000/s.
 */
const EXTRA: Record<string, (duration: number) => string> = {
  fan100x5: (d) => `--clients 100 --writers 5 --rate 5 --duration ${d}`,
  fan1kx5: (d) => `--clients 1000 --writers 5 --rate 5 --duration ${d}`,
  join2k: () => '--clients 2000 --writers 1 --rate 1 --duration 1 --doc-size 475 --awareness writers --connect-timeout 60',
  storm3k: () => '--clients 3000 --writers 1 --rate 1 --duration 1 --awareness all --connect-concurrency 1000 --connect-timeout 60',
};

export const EXTRA_SCENARIOS = Object.keys(EXTRA);
export const JOIN_SCENARIOS = ['join2k', 'storm3k'];
export const isExtraScenario = (name: string) => EXTRA_SCENARIOS.includes(name);

export function extraScenarioArgs(name: string, quick: boolean): string[] {
  const args = EXTRA[name];
  if (!args) throw new Error(`not an extra scenario: ${name}`);
  return args(quick ? 5 : 10).split(' ');
}
