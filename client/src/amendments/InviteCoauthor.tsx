/**
 * An author invites a co-author (AMEND4): find the person by name (their public badge, never an e-mail, AUTH9), then
 * invite them. They see the invitation on the draft's page and on their profile, and join by accepting it.
 */
import { useState } from 'preact/hooks';
import type { Amendment } from '../../../shared/api/amendments.ts';
import type { Contributor } from '../../../shared/api/contributions.ts';
import { USER_SEARCH_MIN_LENGTH } from '../../../shared/api/userSearch.ts';
import { inviteCoauthor } from '../api/amendments.ts';
import { searchUsers } from '../api/users.ts';
import { ContributorName } from '../annotations/AuthorLine.tsx';
import { useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';

export function InviteCoauthor({ amendment, onChanged }: { amendment: Amendment; onChanged: (amendment: Amendment) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [found, setFound] = useState<Contributor[] | null>(null);
  const [invited, setInvited] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const named = new Set(amendment.authors.map((author) => author.user.id));
  const tooShort = name.trim().length < USER_SEARCH_MIN_LENGTH;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const search = (event: Event) => {
    event.preventDefault();
    if (tooShort) return;
    setInvited(null);
    void run(async () => setFound(await searchUsers(name.trim())));
  };
  const invite = (person: Contributor) =>
    run(async () => {
      onChanged(await inviteCoauthor(amendment.billId, amendment.id, person.id));
      setInvited(person.displayName);
      setFound(null);
      setName('');
    });

  return (
    <section class="invite panel" aria-labelledby={`invite-${amendment.id}`}>
      <h3 id={`invite-${amendment.id}`}>{t('invite.title')}</h3>
      <form class="invite-search" role="search" aria-labelledby={`invite-${amendment.id}`} onSubmit={search}>
        <Field label={t('invite.name')} hint={t('invite.nameHint')}>
          {(props) => <input {...props} type="search" autocomplete="off" maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <button type="submit" disabled={busy || tooShort}>
          {t('invite.search')}
        </button>
      </form>
      <p role="status" class="muted">
        {invited ? t('invite.done', { name: invited }) : found ? t('invite.found', { count: found.length }) : ''}
      </p>
      {found && found.length > 0 && (
        <ul class="invite-results">
          {found.map((person) => (
            <li key={person.id}>
              <ContributorName person={person} />{' '}
              {named.has(person.id) ? (
                <span class="muted">{t('invite.alreadyNamed')}</span>
              ) : (
                <button type="button" disabled={busy} onClick={() => void invite(person)} aria-label={t('invite.inviteNamed', { name: person.displayName })}>
                  {t('invite.invite')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
