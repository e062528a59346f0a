import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startApp } from '../server/app.ts';
import { ConfigError, loadConfig } from '../server/config/config.ts';
import { spawnServer } from './helpers/processes.ts';

const SECRET = 'k'.repeat(32);

/** The problems of an invalid environment, or a failure if it is valid. */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

const variablesIn = (problems: string[]) => problems.map((p) => p.split(':')[0]).sort();

describe('configuration', () => {
  it('CONF1 every invalid variable is listed, not only the first', () => {
    const problems = problemsOf({
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      REDIS_URL: 'http://cache',
      LOG_LEVEL: 'loud',
      SEED_DEMO: 'yes',
      ADMIN_EMAIL: 'not-an-email',
      ADMIN_PASSWORD: 'short',
    });
    expect(variablesIn(problems)).toEqual(
      ['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'DATABASE_URL', 'LOG_LEVEL', 'PORT', 'REDIS_URL', 'SECRET_KEY', 'SEED_DEMO'].sort(),
    );
    // Cross-variable rules are checked even when another variable is invalid.
    expect(variablesIn(problemsOf({ NODE_ENV: 'production', PORT: 'abc' }))).toEqual(['PORT', 'SECRET_KEY']);
    expect(variablesIn(problemsOf({ ADMIN_EMAIL: 'root@example.org', LOG_LEVEL: 'loud' }))).toEqual(['ADMIN_PASSWORD', 'LOG_LEVEL']);
    const error = (() => {
      try {
        loadConfig({ PORT: '70000', HOST: '', TRUST_PROXY: 'yes' });
      } catch (caught) {
        return caught as ConfigError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message.split('\n')).toEqual(['Invalid configuration:', expect.stringMatching(/^ {2}- PORT: /), expect.stringMatching(/^ {2}- TRUST_PROXY: /)]);
  });

  it('CONF1 the real process with an invalid environment exits non-zero before listening and names every bad variable', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'loilive-conf-'));
    try {
      const server = spawnServer({ PORT: 'abc', DATABASE_URL: 'mysql://x', DATA_DIR: dataDir });
      const { code } = await server.exited;
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(server.stderr()).toContain('Invalid configuration');
      expect(server.stderr()).toMatch(/PORT: /);
      expect(server.stderr()).toMatch(/DATABASE_URL: must be a postgres/);
      expect(server.stdout()).not.toMatch(/listening|running at/);
      // It stopped before opening any store.
      expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('CONF2 SECRET_KEY is required in production and with REDIS_URL, and must be 32 characters long', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^SECRET_KEY: is required in production/)]);
    expect(variablesIn(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toEqual(['SECRET_KEY']);
    expect(variablesIn(problemsOf({ NODE_ENV: 'production', SECRET_KEY: 'too-short' }))).toEqual(['SECRET_KEY']);
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: SECRET }).secretKey).toBe(SECRET);
    expect(loadConfig({ REDIS_URL: 'rediss://cache:6380', SECRET_KEY: SECRET }).redisUrl).toBe('rediss://cache:6380');
    // An embedded single node may run without it.
    expect(loadConfig({}).secretKey).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgres://db/loi' }).secretKey).toBeUndefined();
  });

  it('CONF3 a variable set to the empty string counts as unset', () => {
    const config = loadConfig({ PORT: '', HOST: '', DATABASE_URL: '', REDIS_URL: '', DATA_DIR: '', SEED_DEMO: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, redisUrl: undefined, seedDemo: true });
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.bootstrapAdmin).toBeUndefined();
    // Empty is unset, so a production node with `SECRET_KEY=` still lacks its secret.
    expect(variablesIn(problemsOf({ NODE_ENV: 'production', SECRET_KEY: '' }))).toEqual(['SECRET_KEY']);
  });

  it('CONF4 defaults: embedded PGlite under ./data, in-process bus, demo seeded only in embedded mode', () => {
    expect(loadConfig({})).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: undefined,
      redisUrl: undefined,
      dataDir: path.resolve('./data'),
      secretKey: undefined,
      seedDemo: true,
      bootstrapAdmin: undefined,
      publicOrigin: undefined,
      trustProxy: false,
      logLevel: 'info',
    });
    const postgres = 'postgresql://user:pw@db:5432/loi';
    expect(loadConfig({ DATABASE_URL: postgres })).toMatchObject({ databaseUrl: postgres, seedDemo: false });
    expect(loadConfig({ DATABASE_URL: postgres, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ DATA_DIR: 'relative/dir' }).dataDir).toBe(path.resolve('relative/dir'));
    expect(loadConfig({ ADMIN_EMAIL: 'root@example.org', ADMIN_PASSWORD: 'long-enough-pw' }).bootstrapAdmin).toEqual({
      email: 'root@example.org',
      password: 'long-enough-pw',
    });
    expect(variablesIn(problemsOf({ ADMIN_EMAIL: 'root@example.org' }))).toEqual(['ADMIN_PASSWORD']);
  });

  it('CONF4 without DATABASE_URL and REDIS_URL the server runs on PGlite persisted under DATA_DIR with an in-process bus', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'loilive-conf-'));
    const app = await startApp(loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir }), pino({ level: 'silent' }));
    try {
      expect(app.storage.kind).toBe('pglite');
      expect(app.storage.location).toBe(dataDir);
      expect(existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
      const health = await fetch(`${app.url}/health`);
      expect(await health.json()).toMatchObject({ ok: true, storage: 'pglite', bus: 'memory' });
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
