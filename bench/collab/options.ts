/** Options of `npm run bench:collab` (flags or environment) and the check that the harness is there. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRA_SCENARIOS, HARNESS_SCENARIOS } from './scenarios.ts';

// This file sits in bench/collab/: the repository is two folders up.
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KNOWN_SCENARIOS = [...HARNESS_SCENARIOS, ...EXTRA_SCENARIOS];
export const WRITE_TICKETS = 5; // the largest harness scenario has 5 writers; line i mod lines is used
export const READ_TICKETS = 16; // tickets are not single-use: receivers share these
export const ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password' };

// ------------------------------------------------------------------ options --

export interface Options {
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
  /** Where our server writes a V8 CPU profile per scenario (BENCH_CPU_PROF), if anywhere. */
  cpuProfileDir: string | null;
}

export function fail(message: string, code = 2): never {
  process.stderr.write(`bench:collab: ${message}\n`);
  process.exit(code);
}

export function parseOptions(argv: string[]): Options {
  const env = process.env;
  const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);
  const o: Options = {
    benchDir: path.resolve(REPO, env.BENCH_DIR ?? '../shared/bench'),
    // The default stays the harness' list (the documented ~3–4 min run); extra scenarios are asked for by name.
    scenarios: words(env.BENCH_SCENARIOS ?? HARNESS_SCENARIOS.join(' ')),
    references: words(env.BENCH_REFERENCES ?? 'yws'),
    repeat: Number(env.BENCH_REPEAT ?? '1'),
    quick: env.BENCH_QUICK === '1',
    pin: env.BENCH_PIN === '1',
    out: env.BENCH_OUT ? path.resolve(env.BENCH_OUT) : null,
    databaseUrl: env.BENCH_DATABASE_URL || undefined,
    redisUrl: env.BENCH_REDIS_URL || undefined,
    logLevel: env.BENCH_LOG_LEVEL ?? 'warn',
    keepTmp: env.BENCH_KEEP_TMP === '1',
    cpuProfileDir: env.BENCH_CPU_PROF ? path.resolve(env.BENCH_CPU_PROF) : null,
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
      // The usage is bench/collab.ts' header comment.
      process.stdout.write(`${(/\/\*\*([\s\S]*?)\*\//.exec(readFileSyncSafe(path.join(REPO, 'bench/collab.ts'))) ?? ['', ''])[1]?.replace(/^ \* ?/gm, '')}\n`);
      process.exit(0);
    } else fail(`unknown option ${arg} (see --help)`);
  }
  for (const s of o.scenarios) if (!KNOWN_SCENARIOS.includes(s)) fail(`unknown scenario ${s} (known: ${KNOWN_SCENARIOS.join(' ')})`);
  for (const r of o.references) if (r !== 'yws' && r !== 'hocuspocus') fail(`unknown reference server ${r} (yws, hocuspocus)`);
  if (!Number.isInteger(o.repeat) || o.repeat < 1) fail('--repeat must be a positive integer');
  return o;
}

export function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function checkHarness(dir: string): void {
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
