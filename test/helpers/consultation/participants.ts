/**
 * Participant accounts as a bulk fixture. Thousands of sign-ups would spend minutes in argon2 (memory-hard by
 * design) and account creation is not what a replay measures, so `users` rows are inserted directly with one
 * shared password hash (nobody signs in with it), and each account gets an API bearer token from the server's own
 * `issueToken`. Everything the participants then do goes through HTTP.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '../../../server/modules/users/passwords.ts';
import { issueToken } from '../../../server/modules/users/tokens.ts';
import type { Database } from '../../../server/storage/database.ts';
import { users } from '../../../server/storage/schema.ts';
import { forEachConcurrently } from './concurrency.ts';
import type { AccountsNeeded } from './plan.ts';

/** Bearer tokens of the participants, by who they are in the consultation. */
export interface ParticipantTokens {
  /** A proposal's author, by username. */
  author(username: string): string;
  /** An argument's author, by pseudonym. */
  arguer(pseudonym: string): string;
  /** Voter number `index` of the pool. */
  voter(index: number): string;
  /** How many accounts were created. */
  count: number;
}

// Long enough for the slowest replay; the tokens are thrown away with the run's database.
const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
const INSERT_CHUNK = 1_000;

/** Creates every account the replay needs in `db` and gives each a bearer token. */
export async function createParticipants(db: Database, needed: AccountsNeeded): Promise<ParticipantTokens> {
  // A tag per run keeps e-mails unique when several replays share a database.
  const run = randomBytes(4).toString('hex');
  const people = [
    ...needed.proposalAuthors.map((name) => ({ key: `author:${name}`, displayName: name })),
    ...needed.argumentAuthors.map((name) => ({ key: `arguer:${name}`, displayName: name })),
    ...Array.from({ length: needed.voters }, (_, i) => ({ key: `voter:${i}`, displayName: `Votant ${i + 1}` })),
  ];
  const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
  const accounts = people.map((person, i) => ({
    key: person.key,
    row: { id: randomUUID(), email: `participant-${run}-${i}@replay.loi.live`, displayName: person.displayName, passwordHash, role: 'citizen' },
  }));
  for (let start = 0; start < accounts.length; start += INSERT_CHUNK) {
    await db.insert(users).values(accounts.slice(start, start + INSERT_CHUNK).map((account) => account.row));
  }

  const tokens = new Map<string, string>();
  await forEachConcurrently(accounts, 8, async ({ key, row }) => {
    tokens.set(key, (await issueToken(db, row.id, 'api', TOKEN_LIFETIME_MS, 'consultation replay')).token);
  });
  const tokenOf = (key: string) => tokens.get(key) ?? fail(key);
  return {
    author: (username) => tokenOf(`author:${username}`),
    arguer: (pseudonym) => tokenOf(`arguer:${pseudonym}`),
    voter: (index) => tokenOf(`voter:${index}`),
    count: accounts.length,
  };
}

function fail(key: string): never {
  throw new Error(`no participant account for ${key}`);
}
