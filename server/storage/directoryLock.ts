/**
 * A pid lock file that keeps two processes (say, the server and `npm run import`) from opening the
 * same embedded database directory at once.
 */
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** Thrown when another live process holds the directory. */
export class DirectoryLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${directory} is in use by process ${holderPid} (a running server?). ` +
        'Stop it first, or import through its API (POST /api/v1/imports).',
    );
    this.name = 'DirectoryLockedError';
  }
}

const LOCK_FILE = 'pglite.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the lock.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on `directory` for this process; resolves to a function that releases it. */
export async function acquireDirectoryLock(directory: string): Promise<() => Promise<void>> {
  const lockPath = path.join(directory, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new DirectoryLockedError(directory, holder);
      }
      // A lock left by a process that died: take it over.
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}
