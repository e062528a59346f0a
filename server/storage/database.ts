/**
 * Opens the system of record: PostgreSQL when DATABASE_URL is set, otherwise PGlite (PostgreSQL compiled to
 * WebAssembly) persisted under DATA_DIR. Both run the same migrations and the same drizzle queries.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDirectoryLock } from './directoryLock.ts';
import { schema } from './schema.ts';

/** The typed query interface every repository uses; transactions share it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open store: its query interface, which engine serves it, and how to close it. */
export interface Storage {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs: a directory, "memory", or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

/** Where to open the store: a PostgreSQL URL, a PGlite directory, or an in-memory PGlite (tests). */
export type StorageTarget = { databaseUrl: string } | { dataDir: string } | { memory: true };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Two nodes starting together must not both run migrations; this key names our advisory lock.
const MIGRATION_LOCK_KEY = 7_406_211;

/** Opens the store and brings its schema up to date. */
export async function openStorage(target: StorageTarget): Promise<Storage> {
  if ('databaseUrl' in target) return openPostgres(target.databaseUrl);
  if ('dataDir' in target) return openPglite(target.dataDir);
  return openPglite(undefined);
}

async function openPostgres(databaseUrl: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client losing its server must not crash the process; the next query reports the problem.
  pool.on('error', () => undefined);
  const db = drizzleNodePg({ client: pool, schema });
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePg(db, { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    lockClient.release();
  }
  const url = new URL(databaseUrl);
  url.password = '';
  return { db, kind: 'postgres', location: url.toString(), close: () => pool.end() };
}

async function openPglite(dataDir: string | undefined): Promise<Storage> {
  let releaseLock = async () => {};
  let client: PGlite;
  if (dataDir === undefined) {
    client = new PGlite();
  } else {
    await mkdir(dataDir, { recursive: true });
    // PGlite is a single-process database: a second process opening the same files would corrupt them.
    releaseLock = await acquireDirectoryLock(dataDir);
    client = new PGlite(path.join(dataDir, 'pglite'));
  }
  try {
    await client.waitReady;
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      location: dataDir ?? 'memory',
      close: async () => {
        await client.close();
        await releaseLock();
      },
    };
  } catch (error) {
    await client.close().catch(() => undefined);
    await releaseLock();
    throw error;
  }
}

/** Checks the store answers; used by the health endpoint. */
export async function pingStorage(storage: Storage): Promise<void> {
  await storage.db.execute(sql`select 1`);
}

/** Rows of a raw SQL query; both drivers answer `{ rows }`, which drizzle's shared type does not say. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
