/**
 * Short-lived signed tickets for the collaboration endpoint: a signed-in user (or an anonymous reader) gets
 * one over HTTP, then presents it in the WebSocket URL (`?ticket=`), where cookies and headers are not
 * dependable. The ticket says who, which document, and whether they may write: the socket trusts nothing else.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** What a ticket grants. */
export const TicketClaimsSchema = z.object({
  /** Document name, e.g. `bill:<id>`. */
  doc: z.string().min(1).max(200),
  /** The user, or null for an anonymous reader. */
  sub: z.string().nullable(),
  name: z.string(),
  role: z.string(),
  color: z.string(),
  access: z.enum(['read', 'write']),
  /** Expiry, in milliseconds since the epoch. */
  exp: z.number().int(),
  /** Random, so two tickets never look alike. */
  jti: z.string(),
});
/** The claims a ticket carries. */
export type TicketClaims = z.infer<typeof TicketClaimsSchema>;

const VERSION = 'v1';
// Verified tickets are remembered (a ticket never changes meaning; only its expiry is rechecked): a reader whose
// connection drops reconnects with the same ticket, and a join storm need not recompute the same HMAC.
const REMEMBERED_TICKETS = 1_000;

/** Signs and verifies tickets with a key derived from SECRET_KEY, shared by every node. */
export class TicketSigner {
  readonly #key: Buffer;
  readonly #verified = new Map<string, TicketClaims>();

  constructor(secret: string | Buffer) {
    // A key for this purpose only: SECRET_KEY may sign other things later without tickets being mistaken for them.
    this.#key = createHmac('sha256', secret).update('loi-live collab ticket v1').digest();
  }

  /** A ticket for these claims (without `jti`, which is added). */
  sign(claims: Omit<TicketClaims, 'jti'>): string {
    const payload = Buffer.from(JSON.stringify({ ...claims, jti: randomBytes(9).toString('base64url') })).toString('base64url');
    return `${VERSION}.${payload}.${this.#mac(payload)}`;
  }

  /** The ticket's claims if it is authentic and unexpired, else null (the caller closes the socket). */
  verify(ticket: string, now = Date.now()): TicketClaims | null {
    const known = this.#verified.get(ticket);
    if (known !== undefined) return known.exp > now ? known : null;
    const claims = this.#check(ticket);
    if (claims === null) return null;
    if (this.#verified.size >= REMEMBERED_TICKETS) this.#verified.delete(this.#verified.keys().next().value as string);
    this.#verified.set(ticket, claims);
    return claims.exp > now ? claims : null;
  }

  /** The claims of an authentic ticket (expired or not), else null. */
  #check(ticket: string): TicketClaims | null {
    const [version, payload, mac, ...rest] = ticket.split('.');
    if (version !== VERSION || payload === undefined || mac === undefined || rest.length > 0) return null;
    const expected = Buffer.from(this.#mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const claims = TicketClaimsSchema.safeParse(json);
    return claims.success ? claims.data : null;
  }

  #mac(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }
}
