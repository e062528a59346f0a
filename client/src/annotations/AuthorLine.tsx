import type { Contributor } from '../../../shared/api/contributions.ts';
import { type MessageKey, formatDate, useLanguage, useT } from '../i18n/i18n.ts';

const badges: Record<Contributor['kind'], MessageKey> = {
  citizen: 'badge.citizen',
  organisation: 'badge.organisation',
  official: 'badge.official',
  staff: 'badge.staff',
};

/** Who wrote a contribution, with their badge (citizen, organisation, official…), and when. */
export function AuthorLine({ author, at }: { author: Contributor; at: string }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <p class="author-line">
      <strong>{author.displayName}</strong> <span class={`badge badge-${author.kind}`}>{t(badges[author.kind])}</span>
      {author.organisationRegister && <span class="muted"> {author.organisationRegister}</span>} ·{' '}
      <time dateTime={at}>{formatDate(lang, at, true)}</time>
    </p>
  );
}
