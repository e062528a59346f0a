/**
 * Authors as readers see them: the badge says whether a citizen, an organisation (with its register number) or
 * an official speaks, so a lobby's words never pass for a citizen's.
 */
import { type Contributor, contributorBadge } from '../../../shared/api/contributions.ts';
import { users } from '../../storage/schema.ts';

/** The user columns a contribution query selects (join `users` on the author) to present its author. */
export const contributorColumns = {
  id: users.id,
  displayName: users.displayName,
  role: users.role,
  organisationRegister: users.organisationRegister,
};

/** A selected author row as the badge shown on the contribution (shared/api/contributions.ts decides the badge). */
export function contributorOf(row: { id: string; displayName: string; role: string; organisationRegister: string | null }): Contributor {
  return contributorBadge(row);
}
