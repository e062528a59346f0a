/**
 * Builds the web client only when client/dist is missing or stale (`npm start`'s prestart, and the browser
 * tests). Staleness is a content hash of every input (client sources, shared/, the Vite config, the lockfile),
 * not file times: a checkout or a branch switch moves times but not necessarily content, and the other way round.
 * Several processes may ask at once (parallel test files): a directory lock lets one build while others wait.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the built client goes; the server serves it from there. */
export const CLIENT_DIST = path.join(REPO_ROOT, 'client', 'dist');

const STAMP = path.join(CLIENT_DIST, '.build-hash');
const LOCK = path.join(REPO_ROOT, 'client', '.build-lock');
const INPUT_DIRS = ['client/src', 'client/public', 'shared'];
const INPUT_FILES = ['client/index.html', 'vite.config.ts', 'package-lock.json'];
// A lock older than this was left by a build that died.
const STALE_LOCK_MS = 120_000;

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The hash of everything the build reads. */
export async function inputHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await Promise.all(INPUT_DIRS.map((dir) => filesUnder(path.join(REPO_ROOT, dir))))).flat(),
    ...INPUT_FILES.map((file) => path.join(REPO_ROOT, file)).filter((file) => existsSync(file)),
  ];
  for (const file of files) {
    hash.update(path.relative(REPO_ROOT, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

async function isFresh(hash: string): Promise<boolean> {
  if (!existsSync(path.join(CLIENT_DIST, 'index.html'))) return false;
  try {
    return (await readFile(STAMP, 'utf8')).trim() === hash;
  } catch {
    return false;
  }
}

function runViteBuild(quiet: boolean): Promise<void> {
  const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', ...(quiet ? ['--logLevel', 'warn'] : [])], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
}

async function takeLock(): Promise<void> {
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(LOCK).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Builds client/dist unless it matches the sources (or `force`); answers whether it built. */
export async function ensureClientBuild(options: { quiet?: boolean; force?: boolean } = {}): Promise<boolean> {
  if (!options.force && (await isFresh(await inputHash()))) return false;
  await takeLock();
  try {
    // Another process may have built it while this one waited for the lock.
    const hash = await inputHash();
    if (!options.force && (await isFresh(hash))) return false;
    await runViteBuild(options.quiet ?? false);
    await writeFile(STAMP, `${hash}\n`);
    return true;
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  ensureClientBuild({ force: process.argv.includes('--force') }).then(
    (built) => console.error(built ? `web client built in ${Date.now() - started} ms` : 'web client is up to date'),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
