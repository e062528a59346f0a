/**
 * The storage engines every contract and integration suite runs against: embedded PGlite always,
 * real PostgreSQL when TEST_DATABASE_URL is set (each open gets a fresh database, dropped on close).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStorage, type Storage } from '../../server/storage/database.ts';

/** A way to open a fresh, empty, migrated store. */
export interface StorageTarget {
  name: 'pglite' | 'postgres';
  /** Why this target is skipped, or null when it runs. */
  skipReason: string | null;
  /** A fresh store; its close() also deletes it. */
  open(): Promise<Storage>;
  /** A fresh database's URL (postgres) or undefined (pglite), for starting whole servers. */
  freshDatabaseUrl(): Promise<{ url: string | undefined; drop(): Promise<void> }>;
}

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

async function createDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `loilive_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Embedded PGlite, in memory. */
export const pgliteTarget: StorageTarget = {
  name: 'pglite',
  skipReason: null,
  open: () => openStorage({ memory: true }),
  freshDatabaseUrl: () => Promise.resolve({ url: undefined, drop: () => Promise.resolve() }),
};

/** A real PostgreSQL server, when TEST_DATABASE_URL says where. */
export const postgresTarget: StorageTarget = {
  name: 'postgres',
  skipReason: testDatabaseUrl ? null : 'skipped: set TEST_DATABASE_URL to run against PostgreSQL',
  async open() {
    const database = await createDatabase(testDatabaseUrl as string);
    const storage = await openStorage({ databaseUrl: database.url });
    return {
      ...storage,
      async close() {
        await storage.close();
        await database.drop();
      },
    };
  },
  freshDatabaseUrl: () => createDatabase(testDatabaseUrl as string),
};

/** Every target, for `describe.each`. */
export const storageTargets: StorageTarget[] = [pgliteTarget, postgresTarget];

/** A title saying which engine runs the suite, or why it is skipped. */
export const targetTitle = (target: StorageTarget) => (target.skipReason ? `${target.name} (${target.skipReason})` : target.name);
