/**
 * IMP4 (with IMP3, STORE7): `npm run import -- <path-or-url>` as a child process, writing to the
 * embedded database under DATA_DIR (PGlite target) or to DATABASE_URL (PostgreSQL target).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config/config.ts';
import { loadBillContent, type StoredBillContent } from '../../server/modules/bills/index.ts';
import { openStorage, type Storage } from '../../server/storage/database.ts';
import { bills, events } from '../../server/storage/schema.ts';
import { type CliRun, runImportCli } from '../helpers/importCli.ts';
import { billDirectory, copyBillDirectory, missingBillReason, serveDirectory, textPath } from '../helpers/lafabriqueFiles.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';

const BILL = 'pjl15-034';
const BROKEN = textPath('04_1erelecture_senat_commission');
const reason = missingBillReason(BILL);
if (reason) console.warn(reason);

const UUID_LINE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n$/;

/** What the store holds: bills, and the ledger and content of the bill, if any. */
interface StoreState {
  bills: number;
  ledger: { type: string; actorId: string | null }[];
  content: StoredBillContent | null;
}

for (const target of storageTargets) {
  const postgres = target.name === 'postgres';
  describe.skipIf(target.skipReason !== null || reason !== null)(`IMP4 import command on ${targetTitle(target)}${reason ? ` (${reason})` : ''}`, () => {
    let dataDir: string;
    let database: { url: string | undefined; drop(): Promise<void> };
    let billId: string;
    const run = (arg: string): Promise<CliRun> => runImportCli([arg], { DATA_DIR: dataDir, DATABASE_URL: database.url });

    /** Opens the store the command wrote to, reads it, closes it. */
    const stateOf = async (): Promise<StoreState> => {
      const storage: Storage = await openStorage(database.url ? { databaseUrl: database.url } : { dataDir });
      try {
        const [row] = await storage.db.select({ n: count() }).from(bills);
        const ledger = billId
          ? await storage.db.select({ type: events.type, actorId: events.actorId }).from(events).where(eq(events.billId, billId)).orderBy(asc(events.seq))
          : [];
        const content = billId && row?.n ? await loadBillContent(storage.db, billId) : null;
        return { bills: row?.n ?? 0, ledger, content };
      } finally {
        await storage.close();
      }
    };

    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'loilive-cli-'));
      database = await target.freshDatabaseUrl();
    });
    afterAll(async () => {
      await database?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('IMP4 prints the new bill id alone on stdout and progress on stderr; run again (by URL) it prints the same id', async () => {
      const created = await run(billDirectory(BILL));
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toMatch(UUID_LINE);
      expect(created.stderr).toContain(`Imported ${BILL}: 10 steps, 9 versions`);
      expect(created.stderr).toContain(postgres ? 'into PostgreSQL' : `into the embedded database in ${dataDir}`);
      billId = created.stdout.trim();

      const site = await serveDirectory(billDirectory(BILL));
      try {
        const updated = await run(site.url);
        expect(updated.code, updated.stderr).toBe(0);
        expect(updated.stdout).toBe(created.stdout);
        expect(updated.stderr).toContain(`Updated ${BILL}`);
        expect(site.requests).toContain('viz/procedure.json');
      } finally {
        await site.close();
      }
      const state = await stateOf();
      expect(state.bills).toBe(1);
      expect(state.ledger).toEqual([
        { type: 'bill.imported', actorId: null },
        { type: 'bill.reimported', actorId: null },
      ]);
      expect(state.content?.sourceRef).toBe(BILL);
      expect(state.content?.amendments).toHaveLength(117);
      // Each engine writes only where it was told to.
      expect(existsSync(path.join(dataDir, 'pglite'))).toBe(!postgres);
      // Two real CLI processes, each opening the database and running its migrations: slow on a loaded machine.
    }, 90_000);

    it('IMP3 IMP4 a corrupted file: exit code 1, the file named on stderr, nothing on stdout, nothing written', async () => {
      const before = await stateOf();
      const copy = await copyBillDirectory(BILL);
      try {
        // A valid change in another step first, so that a partial write would show.
        const other = path.join(copy.dir, textPath('05_1erelecture_senat_hemicycle'));
        const text = await readFile(other, 'utf8');
        expect(text).toContain('"001": "');
        await writeFile(other, text.replace('"001": "', '"001": "Modifié. '));
        await writeFile(path.join(copy.dir, BROKEN), '{ "articles": [ {');
        const failed = await run(copy.dir);
        expect(failed.code).toBe(1);
        expect(failed.stdout).toBe('');
        expect(failed.stderr).toContain(BROKEN);
        expect(failed.stderr).toContain('Nothing was imported.');
        expect(await stateOf()).toEqual(before);
      } finally {
        await copy.remove();
      }
    });

    it.skipIf(postgres)('STORE7 IMP4 while a server holds DATA_DIR the command exits 1 saying the database is in use', async () => {
      const before = await stateOf();
      const app = await startApp(loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', NODE_ENV: 'test' }), pino({ level: 'silent' }));
      let refused: CliRun;
      try {
        refused = await run(billDirectory(BILL));
      } finally {
        await app.close();
      }
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
      expect(refused.stderr).toContain('Nothing was imported.');
      expect(await stateOf()).toEqual(before);
    });
  });
}
