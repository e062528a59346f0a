/** What `npm run bench:consultation` prints for one run: settings, totals, throughputs, latencies, wall time. */
import type { RequestKind } from '../../test/helpers/consultation/latencies.ts';
import type { ReplayResult } from '../../test/helpers/consultation/replay.ts';

/** How a run was set up. */
export interface RunSettings {
  machine: string;
  node: string;
  storage: string;
  nodes: number;
  bus: string;
  concurrency: number;
  accounts: number;
  accountSetupMs: number;
}

const KINDS: RequestKind[] = ['bill', 'amendment draft', 'amendment deposit', 'argument', 'vote'];
const TREND_KINDS: RequestKind[] = ['amendment draft', 'amendment deposit', 'argument', 'vote'];
const FIRST_TENTH = { from: 0, to: 0.1 };
const LAST_TENTH = { from: 0.9, to: 1 };
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(1);
const millis = (ms: number) => `${ms.toFixed(1)} ms`;

/** The lines describing one run. */
export function formatRun(settings: RunSettings, result: ReplayResult, talliesChecked: string): string[] {
  const { counts, phaseMs } = result;
  const contributionMs = phaseMs.amendments + phaseMs.arguments;
  const wallMs = phaseMs.bill + phaseMs.amendments + phaseMs.arguments + phaseMs.votes;
  return [
    `== ${settings.nodes} node${settings.nodes > 1 ? 's' : ''} (${settings.bus}) ==`,
    `settings: ${settings.machine}; Node ${settings.node}; storage ${settings.storage}; ${settings.nodes} server process(es), bus ${settings.bus}; concurrency ${settings.concurrency}${settings.nodes > 1 ? ', requests round-robin over the nodes' : ''}`,
    `accounts: ${settings.accounts} participants inserted as a fixture with their API tokens in ${seconds(settings.accountSetupMs)} (not measured below)`,
    `totals: 1 bill of 30 articles, ${counts.amendments} amendments (draft + deposit), ${counts.arguments} arguments, ${counts.votes} votes`,
    `contributions: ${perSecond(counts.amendments + counts.arguments, contributionMs)} /s (amendments ${perSecond(counts.amendments, phaseMs.amendments)} /s in ${seconds(phaseMs.amendments)}, arguments ${perSecond(counts.arguments, phaseMs.arguments)} /s in ${seconds(phaseMs.arguments)})`,
    `votes: ${perSecond(counts.votes, phaseMs.votes)} /s in ${seconds(phaseMs.votes)}`,
    'request latency:',
    ...KINDS.map((kind) => {
      const s = result.latencies.summary(kind);
      return `  ${kind.padEnd(18)} n=${String(s.count).padStart(6)}  p50 ${millis(s.p50).padStart(9)}  p99 ${millis(s.p99).padStart(9)}  max ${millis(s.max).padStart(9)}`;
    }),
    'p50 of the first tenth of each kind’s requests → of the last tenth (does it slow down as the bill fills up?):',
    `  ${TREND_KINDS.map((kind) => `${kind} ${millis(result.latencies.summary(kind, FIRST_TENTH).p50)} → ${millis(result.latencies.summary(kind, LAST_TENTH).p50)}`).join('; ')}`,
    `tallies: ${talliesChecked}`,
    `wall time of the replay: ${seconds(wallMs)}`,
  ];
}
