/** Create a citizen or organisation account (other roles are granted by an admin), then sign in. */
import { useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { useTitle } from '../app/useTitle.ts';
import { useT } from '../i18n/i18n.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { Field } from '../ui/Field.tsx';
import { register } from './session.ts';
import { nextPath } from './SignInScreen.tsx';

/** The server's message for one field of a validation problem. */
function fieldError(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError)) return null;
  return error.problem.errors?.find((e) => e.path === field || e.path.endsWith(`.${field}`))?.message ?? null;
}

export function SignUpScreen() {
  const t = useT();
  const { search } = useLocation();
  const [form, setForm] = useState({ displayName: '', email: '', password: '', kind: 'citizen' as 'citizen' | 'organisation', organisationRegister: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('signUp.title'));
  const set = (key: keyof typeof form) => (event: { currentTarget: HTMLInputElement }) => setForm({ ...form, [key]: event.currentTarget.value });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await register({
        displayName: form.displayName,
        email: form.email,
        password: form.password,
        kind: form.kind,
        organisationRegister: form.kind === 'organisation' && form.organisationRegister.trim() ? form.organisationRegister : null,
      });
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
        {t('signUp.title')}
      </h1>
      <form onSubmit={(e) => void submit(e)} class="stack">
        <Field label={t('account.displayName')} error={fieldError(error, 'displayName')}>
          {(props) => <input {...props} name="displayName" autocomplete="name" required minLength={2} maxLength={80} value={form.displayName} onInput={set('displayName')} />}
        </Field>
        <Field label={t('account.email')} error={fieldError(error, 'email')}>
          {(props) => <input {...props} type="email" name="email" autocomplete="email" required value={form.email} onInput={set('email')} />}
        </Field>
        <Field label={t('account.password')} hint={t('signUp.passwordHint')} error={fieldError(error, 'password')}>
          {(props) => <input {...props} type="password" name="password" autocomplete="new-password" required minLength={10} value={form.password} onInput={set('password')} />}
        </Field>
        <fieldset>
          <legend>{t('signUp.kind')}</legend>
          {(['citizen', 'organisation'] as const).map((kind) => (
            <label class="choice" key={kind}>
              <input type="radio" name="kind" value={kind} checked={form.kind === kind} onChange={() => setForm({ ...form, kind })} />
              {t(kind === 'citizen' ? 'signUp.citizen' : 'signUp.organisation')}
            </label>
          ))}
        </fieldset>
        {form.kind === 'organisation' && (
          <Field label={t('signUp.register')} hint={t('signUp.registerHint')}>
            {(props) => <input {...props} name="organisationRegister" maxLength={40} value={form.organisationRegister} onInput={set('organisationRegister')} />}
          </Field>
        )}
        <ErrorMessage error={error} />
        <button type="submit" class="primary" disabled={busy}>
          {t('signUp.submit')}
        </button>
      </form>
      <p>
        {t('signUp.haveAccount')} <Link href={`/signin${search.toString() ? `?${search.toString()}` : ''}`}>{t('header.signIn')}</Link>
      </p>
    </div>
  );
}
