/** The invited user's answer to an invitation to co-author an amendment (AMEND4): accept, and write it with its authors. */
import { useState } from 'preact/hooks';
import type { Amendment } from '../../../shared/api/amendments.ts';
import { acceptInvitation } from '../api/amendments.ts';
import { useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

/** An "accept" button; `label` names the amendment for screen readers when several are listed. */
export function AcceptInvitation({ billId, amendmentId, label, onAccepted }: { billId: string; amendmentId: string; label?: string; onAccepted: (amendment: Amendment) => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      onAccepted(await acceptInvitation(billId, amendmentId));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="primary" disabled={busy} aria-label={label} onClick={() => void accept()}>
        {t('invitation.accept')}
      </button>
      <ErrorMessage error={error} />
    </>
  );
}

/** On a draft's page, for the invited user: who invited them, and the button to join. */
export function InvitationNotice({ amendment, onChanged }: { amendment: Amendment; onChanged: (amendment: Amendment) => void }) {
  const t = useT();
  const first = amendment.authors.find((author) => author.status === 'author');
  return (
    <div class="invitation-notice" role="note">
      <p>{first ? t('invitation.invitedBy', { name: first.user.displayName }) : t('invitation.invited')}</p>
      <p class="hint">{t('invitation.readOnlyHint')}</p>
      <AcceptInvitation billId={amendment.billId} amendmentId={amendment.id} onAccepted={onChanged} />
    </div>
  );
}
