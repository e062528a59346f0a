/**
 * Accounts and credentials (server/modules/users). Credentials are opaque tokens kept only as hashes, so a leaked
 * table opens no session; who may write a bill is a row per bill and user, removed with either.
 */
import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { bills } from './bills.ts';
import { createdAt } from './columns.ts';

/** People with an account. Reading needs none; contributing does. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  /** Interest-representative register number (HATVP), for organisations that have one. */
  organisationRegister: text('organisation_register'),
  createdAt: createdAt(),
});

/** Opaque credentials: browser sessions (cookie) and API tokens (bearer). Only a hash is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    label: text('label'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('auth_tokens_user_idx').on(t.userId)],
);

/** Users who may write a bill's official text and decide on its amendments (rapporteurs, parliamentarians). */
export const billRapporteurs = pgTable(
  'bill_rapporteurs',
  {
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.billId, t.userId] })],
);
