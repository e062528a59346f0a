/**
 * EXPORT5: `npm run export -- <billId|--all> --format json|csv|lafabrique --out <path>` as a child process, reading
 * the embedded database under DATA_DIR (PGlite target) or DATABASE_URL (PostgreSQL target) that a server filled and
 * closed.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/config.ts';
import { TABLES } from '../../server/modules/exports/index.ts';
import { directorySource } from '../../server/modules/lafabrique/index.ts';
import { readLaFabriqueBill } from '../../server/modules/lafabrique/readBill.ts';
import { ADMIN_ENV, adminClient, signUp } from '../helpers/apiFixtures.ts';
import { createBillWithArticles, depositedAmendment } from '../helpers/deliberationFixtures.ts';
import { type ExportedEntry, type ExportRun, runExportCli, unzipText, verifyExportedLedger } from '../helpers/exports.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';

for (const target of storageTargets) {
  const postgres = target.name === 'postgres';
  describe.skipIf(target.skipReason !== null)(`EXPORT5 export command on ${targetTitle(target)}`, () => {
    let dataDir: string;
    let outDir: string;
    let database: { url: string | undefined; drop(): Promise<void> };
    let billIds: string[];
    let amendmentId: string;
    const run = (...args: string[]): Promise<ExportRun> => runExportCli(args, { DATA_DIR: dataDir, DATABASE_URL: database.url });
    const store = () => (postgres ? 'from PostgreSQL' : `from the embedded database in ${dataDir}`);

    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'loilive-export-'));
      outDir = await mkdtemp(path.join(tmpdir(), 'loilive-export-out-'));
      database = await target.freshDatabaseUrl();
      // A server fills the store (two bills, an amendment), then stops: the command opens the store alone.
      const env = { ...ADMIN_ENV, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', NODE_ENV: 'test', SEED_DEMO: 'false', ...(database.url ? { DATABASE_URL: database.url } : {}) };
      const app = await startApp(loadConfig(env), pino({ level: 'silent' }));
      try {
        const admin = await adminClient(app.url);
        const first = await createBillWithArticles(admin);
        const second = await createBillWithArticles(admin, { title: 'Projet de loi relatif aux archives publiques' });
        const { client: citizen } = await signUp(app.url);
        amendmentId = (await depositedAmendment(citizen, first.bill.id, first.articleIds[0]!, 'Nouvelle rédaction.')).id;
        billIds = [first.bill.id, second.bill.id];
      } finally {
        await app.close();
      }
    }, 120_000);
    afterAll(async () => {
      await database?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      if (outDir) await rm(outDir, { recursive: true, force: true });
    });

    it('EXPORT5 --format json writes the bill’s document, prints its path on stdout and each table’s rows on stderr', async () => {
      const out = path.join(outDir, 'bill.json');
      const done = await run(billIds[0]!, '--format', 'json', '--out', out);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toBe(`${out}\n`);
      expect(done.stderr).toContain(`Exporting bill ${billIds[0]} as json to ${out}`);
      expect(done.stderr).toContain('  amendments: 1 row\n');
      expect(done.stderr).toContain(`Exported 1 bill ${store()}.`);
      const exported = JSON.parse(await readFile(out, 'utf8')) as { billId: string; tables: Record<string, Record<string, unknown>[]> };
      expect(exported.billId).toBe(billIds[0]);
      expect(Object.keys(exported.tables)).toEqual(TABLES.map((table) => table.name));
      expect(exported.tables.amendments!.map((row) => [row.id, row.status])).toEqual([[amendmentId, 'deposited']]);
      verifyExportedLedger(billIds[0]!, exported.tables.ledger as unknown as ExportedEntry[]);
      expect(existsSync(`${out}.partial`)).toBe(false);
    }, 90_000);

    it('EXPORT5 --all --format csv writes one zip per bill in the directory, printing each path', async () => {
      const dir = path.join(outDir, 'csv');
      const done = await run('--all', '--format', 'csv', '--out', dir);
      expect(done.code, done.stderr).toBe(0);
      const expected = billIds.map((id) => path.join(dir, `${id}.csv.zip`));
      expect(done.stdout.trim().split('\n').sort()).toEqual([...expected].sort());
      expect(done.stderr).toContain('(2/2)');
      expect((await readdir(dir)).sort()).toEqual(billIds.map((id) => `${id}.csv.zip`).sort());
      for (const file of expected) {
        const names = [...unzipText(await readFile(file)).keys()];
        expect(names).toEqual(['README.md', 'export.csv', ...TABLES.map((table) => `${table.name}.csv`)]);
      }
    }, 90_000);

    it('EXPORT5 --format lafabrique writes La Fabrique’s layout, which the importer reads back', async () => {
      const dir = path.join(outDir, 'lafabrique');
      const done = await run(billIds[0]!, '--format', 'lafabrique', '--out', dir);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stderr).toContain('  viz/procedure.json\n');
      const files = await readLaFabriqueBill(directorySource(dir));
      expect(files.procedure.id).toBe(billIds[0]);
      expect(files.texts.size).toBe(1);
      expect([...files.amendments.values()].flatMap((file) => Object.values(file.sujets).flatMap((sujet) => sujet.amendements.map((a) => a.sort)))).toEqual(['non-voté']);
      expect(existsSync(path.join(dir, 'viz', 'articles_etapes.json'))).toBe(true);
    }, 90_000);

    it('EXPORT5 an unknown bill exits 1 and writes nothing; bad arguments exit 2 with the usage', async () => {
      const out = path.join(outDir, 'nothing.json');
      const unknown = await run('no-such-bill', '--format', 'json', '--out', out);
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toContain('Export failed: No bill with id no-such-bill');
      expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false);

      for (const args of [[billIds[0]!, '--out', out], [billIds[0]!, '--format', 'pdf', '--out', out], ['--all', billIds[0]!, '--format', 'json', '--out', out]]) {
        const refused = await run(...args);
        expect(refused.code, args.join(' ')).toBe(2);
        expect(refused.stderr).toContain('Usage: npm run export -- <billId|--all> --format <format> --out <path>');
        expect(refused.stderr).toContain('lafabrique:');
      }
      expect(existsSync(out)).toBe(false);
    }, 90_000);
  });
}
