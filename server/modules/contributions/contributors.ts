/**
 * Authors as readers see them: the badge says whether a citizen, an organisation (with its register number) or
 * an official speaks, so a lobby's words never pass for a citizen's.
 */
import { type Contributor, ContributorKind } from '../../../shared/api/contributions.ts';
import { Role } from '../../../shared/api/users.ts';
import { users } from '../../storage/schema.ts';

const kindOf: Record<Role, ContributorKind> = {
  citizen: ContributorKind.citizen,
  organisation: ContributorKind.organisation,
  parliamentarian: ContributorKind.official,
  government: ContributorKind.official,
  moderator: ContributorKind.staff,
  admin: ContributorKind.staff,
};

/** The user columns a contribution query selects (join `users` on the author) to present its author. */
export const contributorColumns = {
  id: users.id,
  displayName: users.displayName,
  role: users.role,
  organisationRegister: users.organisationRegister,
};

/** A selected author row as the badge shown on the contribution. */
export function contributorOf(row: { id: string; displayName: string; role: string; organisationRegister: string | null }): Contributor {
  const role = row.role as Role;
  return {
    id: row.id,
    displayName: row.displayName,
    kind: kindOf[role],
    role,
    organisationRegister: role === Role.organisation ? row.organisationRegister : null,
  };
}
