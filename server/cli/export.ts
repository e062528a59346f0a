/**
 * `npm run export -- <billId|--all> --format <format> --out <path>`: writes bills from the store the server uses
 * (DATABASE_URL, or the embedded database under DATA_DIR while no server holds it) in one of the formats of
 * exportFormats.ts. Progress goes to stderr; the paths written, one per line, to stdout.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DomainError } from '../common/errors.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { listBills } from '../modules/bills/index.ts';
import { DirectoryLockedError } from '../storage/directoryLock.ts';
import { type Database, openStorage } from '../storage/database.ts';
import { EXPORT_FORMATS, exportContext } from './exportFormats.ts';

const USAGE = `Usage: npm run export -- <billId|--all> --format <format> --out <path>
  <billId>   the bill to export (its id, as in /api/v1/bills/<id>); --out is the file or directory to write
  --all      every bill; --out is a directory, each bill written in it as <billId><extension>
  --format   ${Object.entries(EXPORT_FORMATS)
    .map(([name, format]) => `${name}: ${format.description}`)
    .join('\n             ')}`;

/** The command line, validated. */
const ArgsSchema = z
  .object({
    target: z.union([z.literal('--all'), z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'a bill id')]),
    format: z.enum(Object.keys(EXPORT_FORMATS) as [string, ...string[]], { error: () => `--format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}` }),
    out: z.string().min(1, '--out is required'),
  })
  .strict();

function parseCommandLine(argv: string[]): z.infer<typeof ArgsSchema> | string {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { all: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  if (values.help) return '';
  if (positionals.length + (values.all ? 1 : 0) !== 1) return 'give one bill id, or --all';
  const result = ArgsSchema.safeParse({ target: values.all ? '--all' : positionals[0], format: values.format ?? '', out: values.out ?? '' });
  return result.success ? result.data : result.error.issues.map((issue) => issue.message).join('; ');
}

/** Every bill's id, most recently updated first. */
async function allBillIds(db: Database): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await listBills(db, { limit: 100, offset });
    ids.push(...page.bills.map((bill) => bill.id));
    if (page.bills.length < 100) return ids;
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(argv);
  if (typeof args === 'string') {
    console.error(args ? `${args}\n\n${USAGE}` : USAGE);
    return 2;
  }
  const format = EXPORT_FORMATS[args.format];
  if (format === undefined) throw new Error(`unknown format ${args.format}`);
  const config = loadConfig();
  const storage = await openStorage(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    const context = exportContext(storage.db);
    const all = args.target === '--all';
    const ids = all ? await allBillIds(storage.db) : [args.target];
    if (all) await mkdir(args.out, { recursive: true });
    for (const [index, billId] of ids.entries()) {
      const out = all ? path.join(args.out, `${billId}${format.extension}`) : args.out;
      console.error(`Exporting bill ${billId}${all ? ` (${index + 1}/${ids.length})` : ''} as ${args.format} to ${out}`);
      const started = Date.now();
      await format.write(context, billId, out, (line) => console.error(line));
      console.error(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      // The paths alone on stdout, so scripts can capture them.
      console.log(out);
    }
    console.error(`Exported ${ids.length} ${ids.length === 1 ? 'bill' : 'bills'} from ${storage.kind === 'pglite' ? `the embedded database in ${storage.location}` : 'PostgreSQL'}.`);
    return 0;
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DomainError || error instanceof ConfigError || error instanceof DirectoryLockedError) {
      console.error(`\nExport failed: ${error.message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
