/**
 * The per-bill event ledger: an append-only, hash-chained log of every change.
 */
import { z } from 'zod';

/** One ledger entry. `hash` = SHA-256 of the canonical JSON of the other fields, `prevHash` included. */
export const LedgerEventSchema = z
  .object({
    id: z.number().int().meta({ description: 'Global, increasing; use it as the `after` cursor' }),
    billId: z.string(),
    seq: z.number().int().meta({ description: 'Position in this bill’s chain, from 1' }),
    type: z.string().meta({ example: 'bill.imported' }),
    actorId: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'LedgerEvent' });

/** A page of ledger entries, oldest first. */
export const LedgerPageSchema = z
  .object({
    events: z.array(LedgerEventSchema),
    next: z.number().int().nullable().meta({ description: 'Pass as `after` for the next page; null at the end' }),
  })
  .meta({ id: 'LedgerPage' });

/** Query of `GET /bills/:id/events`. */
export const LedgerQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});

/** Result of checking a bill's chain. */
export const LedgerVerificationSchema = z
  .discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), count: z.number().int(), head: z.string().nullable() }),
    z.object({
      ok: z.literal(false),
      count: z.number().int().meta({ description: 'Entries checked, up to and including the broken one' }),
      brokenAt: z.object({ id: z.number().int(), seq: z.number().int() }),
      reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap']),
      detail: z.string(),
    }),
  ])
  .meta({ id: 'LedgerVerification' });

export type LedgerEvent = z.infer<typeof LedgerEventSchema>;
export type LedgerVerification = z.infer<typeof LedgerVerificationSchema>;
