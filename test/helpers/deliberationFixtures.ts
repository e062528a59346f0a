/**
 * Building blocks of the deliberation suites (votes, arguments, sources, questions, responses): bills with known
 * article ids, organisation accounts, rapporteurs, ledger reads, and listing helpers. Add to it; keep what is here.
 */
import type { Amendment } from '../../shared/api/amendments.ts';
import type { Bill, Version } from '../../shared/api/bills.ts';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import type { Me } from '../../shared/api/users.ts';
import { createBill, type CreateBillInput, type LedgerPage, makeParliamentarian, PASSWORD, uniqueEmail } from './apiFixtures.ts';
import { ApiClient, type JsonResponse } from './testServer.ts';

/** A bill created through the API and the ids of its articles, in text order. */
export interface BillWithArticles {
  bill: Bill;
  articleIds: string[];
}

/** Creates a bill (two articles unless overridden) and reads its article ids from its first version. */
export async function createBillWithArticles(admin: ApiClient, overrides: Partial<CreateBillInput> = {}): Promise<BillWithArticles> {
  const bill = await createBill(admin, overrides);
  const versionId = bill.steps[0]?.versionId;
  if (!versionId) throw new Error('the new bill has no version');
  const version = await admin.get<Version>(`/bills/${bill.id}/versions/${versionId}`);
  if (version.status !== 200) throw new Error(`read version failed: ${version.status} ${JSON.stringify(version.body)}`);
  return { bill, articleIds: version.body.articles.map((article) => article.articleId) };
}

/** Signs up an organisation account, with an interest-representative register number unless `register` is null. */
export async function signUpOrganisation(url: string, register: string | null = 'H123456789'): Promise<{ client: ApiClient; me: Me }> {
  const client = new ApiClient(url);
  const email = uniqueEmail('org');
  const response = await client.post<Me>('/auth/signup', {
    email,
    password: PASSWORD,
    displayName: `Association ${email.slice(4, 12)}`,
    kind: 'organisation',
    organisationRegister: register,
  });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { client, me: response.body };
}

/** A new parliamentarian whom the admin names rapporteur of the bill. */
export async function makeRapporteur(url: string, admin: ApiClient, billId: string): Promise<{ client: ApiClient; id: string }> {
  const depute = await makeParliamentarian(url, admin);
  const response = await admin.put(`/bills/${billId}/rapporteurs/${depute.id}`);
  if (response.status !== 204) throw new Error(`grant rapporteur failed: ${response.status} ${JSON.stringify(response.body)}`);
  return depute;
}

/** Sends a PATCH with a JSON body (the test client has no shorthand for it). */
export function patch<T = unknown>(client: ApiClient, path: string, body: unknown): Promise<JsonResponse<T>> {
  return client.request<T>('PATCH', path, body);
}

/** A draft amendment of any kind by `author`; `body` as `POST /bills/:billId/amendments` takes it. */
export async function proposeAmendment(author: ApiClient, billId: string, body: object): Promise<Amendment> {
  const response = await author.post<Amendment>(`/bills/${billId}/amendments`, body);
  if (response.status !== 201) throw new Error(`draft amendment failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Takes an amendment through `action` (`deposit`, `withdraw`, `decision`…) and returns it as it then reads. */
export async function actOnAmendment(client: ApiClient, billId: string, amendmentId: string, action: string, body?: object): Promise<Amendment> {
  const response = await client.post<Amendment>(`/bills/${billId}/amendments/${amendmentId}/${action}`, body);
  if (response.status !== 200) throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A draft amendment by `author` rewriting the article whole (visible to its authors only). */
export function draftAmendment(author: ApiClient, billId: string, articleId: string, text = 'Nouvelle rédaction de l’article.'): Promise<Amendment> {
  return proposeAmendment(author, billId, { kind: 'rewrite_article', articleId, text, expose: 'Pour clarifier.' });
}

/** A deposited (public) amendment by `author` rewriting the article whole. */
export async function depositedAmendment(author: ApiClient, billId: string, articleId: string, text?: string): Promise<Amendment> {
  const draft = await draftAmendment(author, billId, articleId, text);
  return actOnAmendment(author, billId, draft.id, 'deposit');
}

/** Every ledger entry of a bill, oldest first. */
export async function ledgerOf(client: ApiClient, billId: string): Promise<LedgerEvent[]> {
  const all: LedgerEvent[] = [];
  let after = 0;
  for (;;) {
    const response = await client.get<LedgerPage>(`/bills/${billId}/events?after=${after}&limit=1000`);
    if (response.status !== 200) throw new Error(`read ledger failed: ${response.status} ${JSON.stringify(response.body)}`);
    all.push(...response.body.events);
    if (response.body.next === null) return all;
    after = response.body.next;
  }
}

/** The ledger entries of a bill of the given types, oldest first. */
export async function entriesOfType(client: ApiClient, billId: string, ...types: string[]): Promise<LedgerEvent[]> {
  return (await ledgerOf(client, billId)).filter((entry) => types.includes(entry.type));
}

/** Something listed: its id and creation time. */
export interface Listed {
  id: string;
  createdAt: string;
}

/** The ids in `recent` order: newest first, ties by id (as the server orders them). */
export function recentOrder(items: readonly Listed[]): string[] {
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)).map((item) => item.id);
}

/** The ids in `oldest` order: oldest first, ties by id. */
export function oldestOrder(items: readonly Listed[]): string[] {
  return [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((item) => item.id);
}

/** Reads every page of a listing answer of `path` (which already has its query string) with the given page size. */
export async function readAllPages<T extends { id: string }>(
  client: ApiClient,
  path: string,
  key: string,
  limit: number,
): Promise<{ ids: string[]; seeds: (string | null)[] }> {
  const ids: string[] = [];
  const seeds: (string | null)[] = [];
  for (let offset = 0; ; offset += limit) {
    const response = await client.get<Record<string, unknown> & { seed: string | null; total: number }>(`${path}&offset=${offset}&limit=${limit}`);
    if (response.status !== 200) throw new Error(`listing failed: ${response.status} ${JSON.stringify(response.body)}`);
    const page = response.body[key] as T[];
    ids.push(...page.map((item) => item.id));
    seeds.push(response.body.seed);
    if (offset + limit >= response.body.total) return { ids, seeds };
  }
}

/** Signs up a user and has the admin make them a moderator. */
export async function makeModerator(url: string, admin: ApiClient): Promise<{ client: ApiClient; id: string }> {
  const client = new ApiClient(url);
  const email = uniqueEmail('moderator');
  const signup = await client.post<Me>('/auth/signup', { email, password: PASSWORD, displayName: `Modérateur ${email.slice(10, 18)}` });
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${JSON.stringify(signup.body)}`);
  const response = await admin.put(`/users/${signup.body.id}/role`, { role: 'moderator' });
  if (response.status !== 200) throw new Error(`set role failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { client, id: signup.body.id };
}

/** The articles of a bill's latest version (ids and alinéas): what its live document was seeded from. */
export async function latestArticles(client: ApiClient, billId: string): Promise<Version['articles']> {
  const versions = await client.get<{ versions: { id: string }[] }>(`/bills/${billId}/versions`);
  const latest = versions.status === 200 ? versions.body.versions.at(-1) : undefined;
  if (latest === undefined) throw new Error(`no version: ${versions.status} ${JSON.stringify(versions.body)}`);
  const version = await client.get<Version>(`/bills/${billId}/versions/${latest.id}`);
  if (version.status !== 200) throw new Error(`read version failed: ${version.status} ${JSON.stringify(version.body)}`);
  return version.body.articles;
}

/** A quote-only anchor, what a client without Yjs sends: the words, optional context and alinéa hint. */
export function quoteAnchor(articleId: string, exact: string, context: { prefix?: string; suffix?: string; alinea?: number } = {}) {
  const { alinea, ...quoteContext } = context;
  return { articleId, quote: { exact, ...quoteContext }, ...(alinea === undefined ? {} : { alinea }) };
}
