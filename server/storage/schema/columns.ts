/**
 * Column builders several tables share, so that a creation time, a calendar day or the moderation columns read
 * and behave the same in every table.
 */
import { date, text, timestamp } from 'drizzle-orm/pg-core';

/** When the row was created, set by the database. */
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** A calendar day without a time (procedure dates), read as the `YYYY-MM-DD` string it was given. */
export const day = (name: string) => date(name, { mode: 'string' });

/** Columns of anything a moderator can hide: hidden content stays stored and shows as a tombstone with the reason. */
export const moderated = () => ({
  hiddenAt: timestamp('hidden_at', { withTimezone: true, mode: 'date' }),
  hiddenReason: text('hidden_reason'),
  hiddenBy: text('hidden_by'),
});
