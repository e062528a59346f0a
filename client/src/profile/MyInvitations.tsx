/** The invitations to co-author an amendment that I have not answered (AMEND4): open the draft, or accept at once. */
import { useState } from 'preact/hooks';
import type { Amendment, Invitation } from '../../../shared/api/amendments.ts';
import { listMyInvitations } from '../api/amendments.ts';
import { AcceptInvitation } from '../amendments/AcceptInvitation.tsx';
import { kindLabels } from '../amendments/labels.ts';
import { Link, pathOf } from '../app/router.tsx';
import { formatDate, useLanguage, useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { useAsync } from '../ui/useAsync.ts';

function InvitationItem({ invitation, onAccepted }: { invitation: Invitation; onAccepted: (amendment: Amendment) => void }) {
  const t = useT();
  const lang = useLanguage();
  const href = pathOf('bills', invitation.billId, 'amendments', invitation.amendmentId);
  const name = invitation.number ? t('amendment.numbered', { number: invitation.number }) : t('amendment.draftTitle');
  return (
    <li class="card invitation" data-amendment-id={invitation.amendmentId}>
      <p>
        <Link href={href}>{name}</Link> · {t(kindLabels[invitation.kind] ?? 'amendment.kind.other')}
        {invitation.articleNumber && ` · ${t('reader.article', { number: invitation.articleNumber })}`} · {invitation.billTitle}
      </p>
      <p class="muted">
        {invitation.invitedBy ? t('invitation.from', { name: invitation.invitedBy.displayName }) : t('invitation.invited')} ·{' '}
        <time dateTime={invitation.invitedAt}>{formatDate(lang, invitation.invitedAt, true)}</time>
      </p>
      <AcceptInvitation
        billId={invitation.billId}
        amendmentId={invitation.amendmentId}
        label={t('invitation.acceptNamed', { title: `${name} (${invitation.billTitle})` })}
        onAccepted={onAccepted}
      />
    </li>
  );
}

/** `onJoined` is told when I accept one (my contributions then include it). */
export function MyInvitations({ onJoined }: { onJoined: () => void }) {
  const t = useT();
  const invitations = useAsync(() => listMyInvitations(), []);
  const [joined, setJoined] = useState<Amendment | null>(null);
  const accepted = (amendment: Amendment) => {
    setJoined(amendment);
    invitations.reload();
    onJoined();
  };
  return (
    <section class="my-invitations" aria-labelledby="my-invitations-title">
      <h2 id="my-invitations-title">{t('profile.invitations')}</h2>
      <div role="status">
        {joined && (
          <p class="success">
            {t('invitation.joined')} <Link href={pathOf('bills', joined.billId, 'amendments', joined.id)}>{t('invitation.openDraft')}</Link>
          </p>
        )}
      </div>
      <ErrorMessage error={invitations.error} />
      {invitations.data?.length === 0 && <p class="muted">{t('profile.noInvitations')}</p>}
      <ul class="cards">
        {invitations.data?.map((invitation) => (
          <InvitationItem key={invitation.amendmentId} invitation={invitation} onAccepted={accepted} />
        ))}
      </ul>
    </section>
  );
}
