/**
 * A test server with the bootstrapped admin of apiFixtures.ts (ADMIN_EMAIL / ADMIN_PASSWORD, as `startApp`
 * does in production) signed in, and the small API calls the import suites share.
 */
import { expect } from 'vitest';
import type { LedgerEvent, LedgerVerification } from '../../shared/api/ledger.ts';
import type { Version } from '../../shared/api/bills.ts';
import { ADMIN_ENV, adminClient } from './apiFixtures.ts';
import type { StorageTarget } from './storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from './testServer.ts';

/** What `POST /imports` answers. */
export interface ImportAnswer {
  billId: string;
  sourceRef: string;
  created: boolean;
  summary: { steps: number; versions: { id: string; stepKey: string; digest: string }[]; articles: number; amendments: number };
}

/** A running server and a signed-in admin client. */
export interface ImportServer {
  server: TestServer;
  admin: ApiClient;
  /** A client that is not signed in. */
  anonymous: ApiClient;
  stop(): Promise<void>;
}

/** Starts a server on the target with the admin bootstrapped and signed in. */
export async function startImportServer(target: StorageTarget): Promise<ImportServer> {
  const server = await startTestServer(target, ADMIN_ENV);
  const admin = await adminClient(server.url);
  return { server, admin, anonymous: new ApiClient(server.url), stop: () => server.stop() };
}

/** Posts an import and checks it answered with `status`; gives the answer's body. */
export async function importOk(
  client: ApiClient,
  body: { files: Record<string, unknown> } | { url: string },
  status: 200 | 201,
): Promise<ImportAnswer> {
  const response = await client.post<ImportAnswer>('/imports', body);
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response.body;
}

/** Every ledger entry of a bill, oldest first (follows `next`). */
export async function ledgerOf(client: ApiClient, billId: string): Promise<LedgerEvent[]> {
  const all: LedgerEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await client.get<{ events: LedgerEvent[]; next: number | null }>(`/bills/${billId}/events?after=${after}&limit=1000`);
    expect(page.status).toBe(200);
    all.push(...page.body.events);
    if (page.body.next === null) return all;
    after = page.body.next;
  }
}

/** The verification of a bill's chain. */
export async function verifyLedger(client: ApiClient, billId: string): Promise<LedgerVerification> {
  const response = await client.get<LedgerVerification>(`/bills/${billId}/events/verify`);
  expect(response.status).toBe(200);
  return response.body;
}

/** One version's full text. */
export async function versionOf(client: ApiClient, billId: string, versionId: string): Promise<Version> {
  const response = await client.get<Version>(`/bills/${billId}/versions/${versionId}`);
  expect(response.status).toBe(200);
  return response.body;
}
