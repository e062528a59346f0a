/**
 * The per-bill event ledger: an append-only, hash-chained log of every change.
 */
import { z } from 'zod';
import { ModerationTargetSchema } from './moderation.ts';

/**
 * Set on an entry read for the public (the listing, the live stream's replays) while the contribution whose text it
 * carries is hidden by a moderator: those payload fields read as null, as the contribution itself reads as a
 * tombstone. The stored entry and its `hash` are unchanged (the hash covers the stored payload, so it cannot be
 * recomputed from a redacted one; `GET /bills/:id/events/verify` checks the stored chain). Restoring the contribution
 * shows the text again.
 */
export const LedgerRedactionSchema = z
  .object({
    /** The hidden contribution whose text the entry carries. */
    target: ModerationTargetSchema,
    fields: z.array(z.string()).meta({ description: 'The `payload` fields withheld (set to null)', example: ['body'] }),
    reason: z.string().meta({ description: 'The moderator’s public reason, as on the tombstone' }),
    hiddenAt: z.string().meta({ description: 'When the contribution was hidden (ISO 8601)' }),
  })
  .meta({ id: 'LedgerRedaction' });

/**
 * One ledger entry. `hash` = SHA-256 of the canonical JSON of `{billId, seq, type, actorId, payload, createdAt,
 * prevHash}`. An entry that sealed private fields when it was written (a vote's voter and values) carries their
 * `payload.seal` instead of them, and names them in `sealed`: it is shown whole and its hash can be recomputed.
 */
export const LedgerEventSchema = z
  .object({
    id: z.number().int().meta({ description: 'Global, increasing; use it as the `after` cursor' }),
    billId: z.string(),
    seq: z.number().int().meta({ description: 'Position in this bill’s chain, from 1' }),
    type: z.string().meta({ example: 'bill.imported' }),
    actorId: z.string().nullable().meta({ description: 'Who acted; null for the command line and on a sealed entry' }),
    payload: z.record(z.string(), z.unknown()).meta({
      description:
        'What the entry records. On a sealed entry, `seal` = SHA-256 (hex) of the canonical JSON of the sealed fields with a random ' +
        '`salt`, kept private: the hash covers them through it, and nobody can find them by trying values',
    }),
    createdAt: z.string(),
    prevHash: z.string(),
    hash: z.string(),
    /** Only on an entry read for the public while text of a hidden contribution was withheld from it. */
    redacted: LedgerRedactionSchema.optional(),
    withheld: z
      .array(z.string())
      .optional()
      .meta({
        description:
          'On a vote entry written before votes were sealed, read for the public: what is withheld (set to null) as personal data ' +
          '(the voter, the values); its target stays. Its hash covers the stored values, so it cannot be recomputed from this',
        example: ['actorId', 'value', 'previous'],
      }),
    sealed: z
      .array(z.string())
      .optional()
      .meta({
        description:
          'On an entry that sealed private fields when it was written (a vote): their names. They are in no public read; ' +
          '`payload.seal` commits to them, so the entry is shown whole and its hash can be recomputed',
        example: ['actorId', 'value', 'previous'],
      }),
  })
  .meta({ id: 'LedgerEvent' });

/** A page of ledger entries, oldest first. */
export const LedgerPageSchema = z
  .object({
    events: z.array(LedgerEventSchema),
    next: z.number().int().nullable().meta({ description: 'Pass as `after` for the next page; null at the end' }),
    cursor: z.number().int().min(0).meta({
      description:
        'The bill’s ledger position this page reaches (the `seq` of its last entry; with none, of the bill’s last entry up to `after`): ' +
        'subscribe to the live stream with `after` = cursor to follow on with no gap and no duplicate',
    }),
  })
  .meta({ id: 'LedgerPage' });

/** Entries per page of `GET /bills/:id/events` when `limit` is not given. */
export const LEDGER_PAGE_SIZE = 100;
/** The most entries one read of `GET /bills/:id/events` gives (`limit`, `last`). */
export const LEDGER_PAGE_MAX = 1_000;

const pageSize = z.coerce.number().int().min(1).max(LEDGER_PAGE_MAX);

/** Query of `GET /bills/:id/events`: a page after an entry id (`after`, `limit`), or the bill's last entries (`last`). */
export const LedgerQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).optional().meta({ description: 'List the entries after this entry id (default 0: from the first)' }),
    limit: pageSize.optional().meta({ description: `Entries per page (default ${LEDGER_PAGE_SIZE})` }),
    last: pageSize.optional().meta({ description: 'List the bill’s last N entries instead, oldest first (not with `after` or `limit`)' }),
  })
  .refine((query) => query.last === undefined || (query.after === undefined && query.limit === undefined), {
    path: ['last'],
    message: 'last cannot be combined with after or limit',
  });
export type LedgerQuery = z.infer<typeof LedgerQuerySchema>;

/** Result of checking a bill's chain. */
export const LedgerVerificationSchema = z
  .discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), count: z.number().int(), head: z.string().nullable() }),
    z.object({
      ok: z.literal(false),
      count: z.number().int().meta({ description: 'Entries checked, up to and including the broken one' }),
      brokenAt: z.object({ id: z.number().int(), seq: z.number().int() }),
      reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'seal_mismatch']).meta({
        description:
          'hash_mismatch: the entry changed; prev_hash_mismatch: it does not follow the entry before; sequence_gap: an entry is ' +
          'missing or moved; seal_mismatch: its stored sealed part is not the one its `payload.seal` commits to',
      }),
      detail: z.string(),
    }),
  ])
  .meta({ id: 'LedgerVerification' });

export type LedgerEvent = z.infer<typeof LedgerEventSchema>;
export type LedgerRedaction = z.infer<typeof LedgerRedactionSchema>;
export type LedgerPage = z.infer<typeof LedgerPageSchema>;
export type LedgerVerification = z.infer<typeof LedgerVerificationSchema>;
