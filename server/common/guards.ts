/**
 * Guards shared by every module's use cases: who must be signed in, who must be an admin.
 * Bill-specific rights (rapporteurs) live in the users module.
 */
import { Role } from '../../shared/api/users.ts';
import type { Actor, User } from './actor.ts';
import { authenticationRequired, forbidden } from './errors.ts';

/** The actor as a signed-in user, or an authentication_required error. */
export function requireUser(actor: Actor): User {
  if (actor === null) throw authenticationRequired();
  return actor;
}

/** The actor as an admin, or an error saying why not. */
export function requireAdmin(actor: Actor): User {
  const user = requireUser(actor);
  if (user.role !== Role.admin) throw forbidden('Only an administrator may do this.');
  return user;
}
