import type { Contributor } from '../../../shared/api/contributions.ts';
import { type MessageKey, formatDate, useLanguage, useT } from '../i18n/i18n.ts';

const badges: Record<Contributor['kind'], MessageKey> = {
  citizen: 'badge.citizen',
  organisation: 'badge.organisation',
  official: 'badge.official',
  staff: 'badge.staff',
};

/** A person's name with their badge (citizen, organisation with its register number, official…). */
export function ContributorName({ person }: { person: Contributor }) {
  const t = useT();
  return (
    <>
      <strong>{person.displayName}</strong> <span class={`badge badge-${person.kind}`}>{t(badges[person.kind])}</span>
      {person.organisationRegister && <span class="muted"> {person.organisationRegister}</span>}
    </>
  );
}

/** Who wrote a contribution, with their badge, and when. */
export function AuthorLine({ author, at }: { author: Contributor; at: string }) {
  const lang = useLanguage();
  return (
    <p class="author-line">
      <ContributorName person={author} /> · <time dateTime={at}>{formatDate(lang, at, true)}</time>
    </p>
  );
}
