import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDirectoryLock, DirectoryLockedError } from './directoryLock.ts';

describe('embedded database directory lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'loilive-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('STORE7 a second holder is refused with the first one named, until it releases', async () => {
    const release = await acquireDirectoryLock(dir);
    expect(await readFile(path.join(dir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    const refusal = await acquireDirectoryLock(dir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DirectoryLockedError);
    expect((refusal as DirectoryLockedError).holderPid).toBe(process.pid);
    expect((refusal as Error).message).toContain('POST /api/v1/imports');
    await release();
    const again = await acquireDirectoryLock(dir);
    await again();
  });

  it('STORE7 a lock left by a process that died is taken over', async () => {
    // A real process that has exited: its pid is free (or reused by something else, which is rare enough here).
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid as number;
    await new Promise((resolve) => child.on('exit', resolve));
    await writeFile(path.join(dir, 'pglite.lock'), String(deadPid));
    const release = await acquireDirectoryLock(dir);
    expect(await readFile(path.join(dir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    await release();
  });
});
