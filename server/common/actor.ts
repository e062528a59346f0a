/**
 * Who is acting: every use case receives the actor, resolved once by the transport from a cookie,
 * a bearer token or (later) a WebSocket ticket.
 */
import type { Role } from '../../shared/api/users.ts';
import type { UserId } from '../../shared/ids.ts';

/** A signed-in user, as use cases see them. */
export interface User {
  id: UserId;
  displayName: string;
  role: Role;
}

/** The signed-in user, or null for an anonymous reader. */
export type Actor = User | null;
