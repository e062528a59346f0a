/** Sign in with e-mail and password; back to where the user came from. */
import { useState } from 'preact/hooks';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { useTitle } from '../app/useTitle.ts';
import { useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';
import { signIn } from './session.ts';

/** Where to go after signing in: an in-app path only (never another site). */
export function nextPath(search: URLSearchParams): string {
  const next = search.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInScreen() {
  const t = useT();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('signIn.title'));

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      navigate(nextPath(search));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="page narrow">
      <h1 data-route-focus tabIndex={-1}>
        {t('signIn.title')}
      </h1>
      <form onSubmit={(e) => void submit(e)} class="stack">
        <Field label={t('account.email')}>
          {(props) => <input {...props} type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
        </Field>
        <Field label={t('account.password')}>
          {(props) => (
            <input {...props} type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          )}
        </Field>
        <ErrorMessage error={error} />
        <button type="submit" class="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        {t('signIn.noAccount')} <Link href={`/signup${search.toString() ? `?${search.toString()}` : ''}`}>{t('header.signUp')}</Link>
      </p>
    </div>
  );
}
