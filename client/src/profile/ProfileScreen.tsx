/** My space (`/me`): invitations to co-author awaiting my answer, and what became of my contributions. */
import { useState } from 'preact/hooks';
import { useSession } from '../account/session.ts';
import { Link } from '../app/router.tsx';
import { useTitle } from '../app/useTitle.ts';
import { useT } from '../i18n/i18n.ts';
import { MyContributions } from './MyContributions.tsx';
import { MyInvitations } from './MyInvitations.tsx';

export function ProfileScreen() {
  const t = useT();
  const me = useSession();
  const [revision, setRevision] = useState(0);
  useTitle(t('profile.title'));
  return (
    <div class="page profile">
      <h1 data-route-focus tabIndex={-1}>
        {t('profile.title')}
      </h1>
      {me === undefined && <p role="status">{t('common.loading')}</p>}
      {me === null && (
        <p>
          <Link href="/signin?next=%2Fme">{t('profile.signIn')}</Link>
        </p>
      )}
      {me && (
        <>
          <p class="muted">{t('header.signedInAs', { name: me.displayName })}</p>
          <MyInvitations onJoined={() => setRevision((n) => n + 1)} />
          <MyContributions revision={revision} />
        </>
      )}
    </div>
  );
}
