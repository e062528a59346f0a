/**
 * Building blocks of the HTTP integration suites: the bootstrap admin, signed-up users, parliamentarians,
 * bills created through `POST /bills`, and a check that an answer is the expected problem JSON.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Bill, CreateBillBodySchema } from '../../shared/api/bills.ts';
import type { LedgerPageSchema } from '../../shared/api/ledger.ts';
import type { Problem } from '../../shared/api/problem.ts';
import type { Me } from '../../shared/api/users.ts';
import type { z } from 'zod';
import { ApiClient, type JsonResponse } from './testServer.ts';

/** The admin created at start-up by `ADMIN_EMAIL` / `ADMIN_PASSWORD`. */
export const ADMIN = { email: 'admin@test.loi.live', password: 'admin-password-123' };

/** Environment that makes the server create {@link ADMIN} on start. */
export const ADMIN_ENV = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };

/** A password accepted by sign-up. */
export const PASSWORD = 'correct horse battery';

/** An e-mail no other test uses. */
export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomUUID().slice(0, 8)}@test.loi.live`;

/** A client signed in as the bootstrap admin. */
export async function adminClient(url: string): Promise<ApiClient> {
  const client = new ApiClient(url);
  await client.login(ADMIN.email, ADMIN.password);
  return client;
}

/** Signs up a new citizen and returns a client holding their session. */
export async function signUp(url: string, email = uniqueEmail()): Promise<{ client: ApiClient; me: Me; email: string }> {
  const client = new ApiClient(url);
  const response = await client.post<Me>('/auth/signup', { email, password: PASSWORD, displayName: `User ${email.slice(0, 12)}` });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { client, me: response.body, email };
}

/** Signs up a user and has the admin make them a parliamentarian. */
export async function makeParliamentarian(url: string, admin: ApiClient): Promise<{ client: ApiClient; id: string }> {
  const { client, me } = await signUp(url, uniqueEmail('depute'));
  const response = await admin.put(`/users/${me.id}/role`, { role: 'parliamentarian' });
  if (response.status !== 200) throw new Error(`set role failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { client, id: me.id };
}

/** A page of `GET /bills/:id/events`. */
export type LedgerPage = z.infer<typeof LedgerPageSchema>;

/** Body of `POST /bills`. */
export type CreateBillInput = z.input<typeof CreateBillBodySchema>;

/** A valid bill body; `overrides` replace top-level fields. */
export function billBody(overrides: Partial<CreateBillInput> = {}): CreateBillInput {
  return {
    title: 'Projet de loi relatif à la transparence des algorithmes publics',
    shortTitle: 'Algorithmes publics',
    proposalType: 'PJL',
    sourceRef: null,
    depot: {
      institution: 'assemblee',
      date: '2026-01-15',
      sourceUrl: 'https://example.org/depot.html',
      expose: 'Exposé des motifs.',
      sections: [{ key: 'T1', title: 'Titre Ier', type: 'titre' }],
      articles: [
        { number: '1er', sectionKey: 'T1', status: null, alineas: ['Premier alinéa.', 'Second alinéa.'] },
        { number: '2', sectionKey: 'T1', status: null, alineas: ['Unique alinéa de l’article 2.'] },
      ],
    },
    ...overrides,
  };
}

/** Creates a bill as the given admin and returns it. */
export async function createBill(admin: ApiClient, overrides: Partial<CreateBillInput> = {}): Promise<Bill> {
  const response = await admin.post<Bill>('/bills', billBody(overrides));
  if (response.status !== 201) throw new Error(`create bill failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Asserts the answer is a problem JSON with this status and code, and returns its body. */
export function expectProblem(response: JsonResponse, status: number, code: string): Problem {
  const body = response.body as Problem;
  expect({ status: response.status, code: body.code }).toEqual({ status, code });
  expect(body).toMatchObject({ type: `/problems/${code}`, status, code });
  expect(typeof body.title).toBe('string');
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return body;
}
