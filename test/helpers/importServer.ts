/**
 * A test server with a bootstrapped admin (ADMIN_EMAIL / ADMIN_PASSWORD, as `startApp` does in production)
 * and the small API calls the import suites share.
 */
import { expect } from 'vitest';
import type { LedgerEvent, LedgerVerification } from '../../shared/api/ledger.ts';
import type { Version } from '../../shared/api/bills.ts';
import type { StorageTarget } from './storageTargets.ts';
import { ApiClient, type JsonResponse, startTestServer, type TestServer } from './testServer.ts';

/** The admin every import server bootstraps. */
export const ADMIN = { email: 'admin@loilive.test', password: 'admin-password-for-tests' };

/** What `POST /imports` answers. */
export interface ImportAnswer {
  billId: string;
  sourceRef: string;
  created: boolean;
  summary: { steps: number; versions: { id: string; stepKey: string; digest: string }[]; articles: number; amendments: number };
}

/** A problem JSON answer, with the import fields. */
export interface ProblemAnswer {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  file?: string;
  field?: string;
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
  const server = await startTestServer(target, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const admin = new ApiClient(server.url);
  await admin.login(ADMIN.email, ADMIN.password);
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

/** Asserts a response is the problem `code` with `status`, and gives its body. */
export function expectProblem(response: JsonResponse, status: number, code: string): ProblemAnswer {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = response.body as ProblemAnswer;
  expect(body).toMatchObject({ status, code, type: `/problems/${code}` });
  return body;
}
