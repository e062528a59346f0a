/**
 * Who may do what with contributions, beyond "signed in": moderators moderate; a bill's rapporteurs decide on its
 * amendments and answer for it.
 */
import { Role } from '../../../shared/api/users.ts';
import type { Actor, User } from '../../common/actor.ts';
import { forbidden } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import type { Database } from '../../storage/database.ts';
import { canWriteBill } from '../users/index.ts';

/** The actor as a moderator (or administrator), or an error saying why not. */
export function requireModerator(actor: Actor): User {
  const user = requireUser(actor);
  if (user.role !== Role.moderator && user.role !== Role.admin) throw forbidden('Only a moderator may do this.');
  return user;
}

/** The actor as one of the bill's rapporteurs (read from the database now), or an error saying why not. */
export async function requireRapporteur(db: Database, actor: Actor, billId: string): Promise<User> {
  const user = requireUser(actor);
  if (!(await canWriteBill(db, user.id, billId))) throw forbidden('Only a rapporteur of this bill may do this.');
  return user;
}
