/**
 * `npm run import -- <path-or-url>`: imports one bill from La Fabrique de la loi into the store the
 * server uses (DATABASE_URL, or the embedded database under DATA_DIR while no server holds it).
 */
import { SingleBar } from 'cli-progress';
import { ConfigError, loadConfig } from '../config/config.ts';
import { DomainError } from '../common/errors.ts';
import { directorySource, importLaFabriqueBill, urlSource } from '../modules/lafabrique/index.ts';
import { DirectoryLockedError } from '../storage/directoryLock.ts';
import { openStorage } from '../storage/database.ts';

const USAGE = `Usage: npm run import -- <path-or-url>
  <path>  a La Fabrique bill directory (with viz/procedure.json, procedure/<step>/texte/texte.json, …)
  <url>   La Fabrique's API root for a bill, e.g. https://www.lafabriquedelaloi.fr/api/pjl15-034/`;

async function main(argv: string[]): Promise<number> {
  const [target, ...rest] = argv;
  if (target === undefined || rest.length > 0 || target === '--help' || target === '-h') {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const source = /^https?:\/\//.test(target) ? urlSource(target) : directorySource(target);
  const storage = await openStorage(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  // A bar on a terminal; plain lines in logs and CI, where redrawing would only add noise.
  const bar = new SingleBar({ format: 'Importing [{bar}] {value}/{total} {file}', noTTYOutput: false, stream: process.stderr });
  let started = false;
  try {
    const result = await importLaFabriqueBill(storage.db, null, source, (done, total, file) => {
      if (!started) {
        bar.start(total, done, { file });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { file });
    });
    bar.stop();
    console.error(
      `${result.created ? 'Imported' : 'Updated'} ${result.sourceRef}: ${result.summary.steps} steps, ` +
        `${result.summary.versions.length} versions, ${result.summary.articles} article texts, ${result.summary.amendments} amendments ` +
        `into ${storage.kind === 'pglite' ? `the embedded database in ${storage.location}` : 'PostgreSQL'}.`,
    );
    // The bill id alone on stdout, so scripts can capture it.
    console.log(result.billId);
    return 0;
  } finally {
    if (started) bar.stop();
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DomainError || error instanceof ConfigError || error instanceof DirectoryLockedError) {
      console.error(`\nImport failed: ${error.message}\nNothing was imported.`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
