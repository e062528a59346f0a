import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill, BillSummary, VersionSummary } from '../shared/api/bills.ts';
import type { Me } from '../shared/api/users.ts';
import { DirectoryLockedError } from '../server/storage/directoryLock.ts';
import { openStorage } from '../server/storage/database.ts';
import { freePort, killIfRunning, type ServerProcess, spawnServer, waitForOutput } from './helpers/processes.ts';
import { ApiClient } from './helpers/testServer.ts';

const LOCK_FILE = 'pglite.lock';
const BANNER = /Loi Live is running at (http:\/\/\S+)/;

/** Starts `npm start`'s entry point on DATA_DIR and a free port, and reads its start-up banner. */
async function start(dataDir: string) {
  const port = await freePort();
  const server = spawnServer({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port) });
  const url = (await waitForOutput(server, BANNER))[1] as string;
  // The banner is printed in one write; the account lines follow "Demo accounts".
  const banner = server.stdout().slice(server.stdout().indexOf('Loi Live is running at'));
  const accounts = [...banner.matchAll(/^ {2}(\w+)\s+(\S+@\S+)$/gm)].map(([, role, email]) => ({ role, email }) as { role: string; email: string });
  const billId = /Demo bill: \S+\/api\/v1\/bills\/(\S+)/.exec(banner)?.[1];
  return { server, url, port, accounts, billId };
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  return server.exited;
}

describe('first start (npm start)', () => {
  let dataDir: string;
  let running: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'loilive-start-'));
  });
  afterAll(async () => {
    killIfRunning(running);
    await running?.exited;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('DEMO1 STORE7 a first embedded start seeds the demo once, prints its accounts, holds the directory and stops cleanly', async () => {
    const first = await start(dataDir);
    running = first.server;
    expect(first.url).toBe(`http://127.0.0.1:${first.port}`);
    expect(first.server.stdout()).toContain('demo content seeded');
    expect(first.accounts.map((a) => a.role).sort()).toEqual(['admin', 'citizen', 'moderator', 'organisation', 'parliamentarian']);

    const api = new ApiClient(first.url);
    const list = await api.get<{ bills: BillSummary[]; total: number }>('/bills');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const [demo] = list.body.bills;
    expect(demo).toMatchObject({ id: first.billId, sourceRef: 'demo-algorithmes-publics', versionCount: 3 });
    const versions = await api.get<{ versions: VersionSummary[] }>(`/bills/${demo?.id}/versions`);
    expect(new Set(versions.body.versions.map((v) => v.stepId)).size).toBe(3);

    // Every printed account signs in with the shared demo password and has the printed role.
    const roleOf = new Map<string, string>();
    for (const { role, email } of first.accounts) {
      const client = new ApiClient(first.url);
      const login = await client.post<Me>('/auth/login', { email, password: 'demo-password' });
      expect(login.status, email).toBe(200);
      expect(login.body.role).toBe(role);
      roleOf.set(login.body.id, role);
      if (role === 'parliamentarian') expect(login.body.rapporteurOf).toEqual([demo?.id]);
    }
    const bill = await api.get<Bill>(`/bills/${demo?.id}`);
    expect(bill.body.rapporteurs.map((r) => roleOf.get(r.id))).toEqual(['parliamentarian']);

    // STORE7: while the server runs, nobody else opens its directory; the error names the holder.
    const refused = await openStorage({ dataDir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DirectoryLockedError);
    expect((refused as DirectoryLockedError).holderPid).toBe(first.server.child.pid);
    expect((refused as Error).message).toContain(`process ${first.server.child.pid}`);

    expect(await stop(first.server)).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

    // A later start on the same directory seeds nothing again.
    const second = await start(dataDir);
    running = second.server;
    expect(second.server.stdout()).not.toContain('demo content seeded');
    expect(second.billId).toBe(first.billId);
    const again = await new ApiClient(second.url).get<{ bills: BillSummary[]; total: number }>('/bills');
    expect(again.body.total).toBe(1);
    expect(again.body.bills.map((b) => b.id)).toEqual([first.billId]);
    const citizen = first.accounts.find((a) => a.role === 'citizen') as { email: string };
    expect((await new ApiClient(second.url).post('/auth/login', { email: citizen.email, password: 'demo-password' })).status).toBe(200);
    expect(await stop(second.server)).toEqual({ code: 0, signal: null });
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('STORE7 a lock left by a process that died is taken over', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'loilive-stale-'));
    try {
      const dead = spawn(process.execPath, ['-e', '']);
      await once(dead, 'exit');
      await writeFile(path.join(dir, LOCK_FILE), String(dead.pid));
      const storage = await openStorage({ dataDir: dir });
      await storage.close();
      expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
