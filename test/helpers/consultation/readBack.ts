/**
 * Reading a replayed consultation back through the public API, in as few requests as the API allows: tallies by
 * batches of its maximum, arguments by pages of its maximum.
 */
import type { Amendment } from '../../../shared/api/amendments.ts';
import type { Argument, ArgumentList } from '../../../shared/api/arguments.ts';
import { MAX_TALLY_IDS, type Tallies, type VoteTally } from '../../../shared/api/votes.ts';
import type { ApiClient, JsonResponse } from '../testServer.ts';

const ARGUMENT_PAGE = 200;

function ok<T>(response: JsonResponse<T>, what: string): T {
  if (response.status !== 200) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
  return response.body;
}

/** The tallies of every id, read by batches of at most 200 ids. */
export async function readTallies(client: ApiClient, billId: string, targetType: 'article' | 'amendment', ids: readonly string[]): Promise<Map<string, VoteTally>> {
  const tallies = new Map<string, VoteTally>();
  for (let start = 0; start < ids.length; start += MAX_TALLY_IDS) {
    const batch = ids.slice(start, start + MAX_TALLY_IDS);
    const body = ok(await client.get<Tallies>(`/bills/${billId}/tallies?targetType=${targetType}&ids=${batch.join(',')}`), 'read tallies');
    for (const [id, tally] of Object.entries(body.tallies)) tallies.set(id, tally);
  }
  return tallies;
}

/** Every argument of the bill, oldest first. */
export async function readArguments(client: ApiClient, billId: string): Promise<Argument[]> {
  const all: Argument[] = [];
  for (let offset = 0; ; offset += ARGUMENT_PAGE) {
    const page = ok(await client.get<ArgumentList>(`/bills/${billId}/arguments?sort=oldest&offset=${offset}&limit=${ARGUMENT_PAGE}`), 'list arguments');
    all.push(...page.arguments);
    if (offset + ARGUMENT_PAGE >= page.total) return all;
  }
}

/** Every deposited amendment of the bill. */
export async function readDepositedAmendments(client: ApiClient, billId: string): Promise<Amendment[]> {
  return ok(await client.get<{ amendments: Amendment[] }>(`/bills/${billId}/amendments?status=deposited`), 'list amendments').amendments;
}
