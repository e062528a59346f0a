/** An error shown to people: a known problem code in their language, the server's own words otherwise. */
import { ApiError } from '../api/http.ts';
import { type MessageKey, type Translate, useT } from '../i18n/i18n.ts';

const known: Record<string, MessageKey> = {
  invalid_credentials: 'error.invalidCredentials',
  email_taken: 'error.emailTaken',
  authentication_required: 'error.authenticationRequired',
  forbidden: 'error.forbidden',
  rate_limited: 'error.rateLimited',
  network_error: 'error.network',
  anchor_invalid: 'error.anchorInvalid',
  invalid_transition: 'error.invalidTransition',
  bill_not_found: 'error.billNotFound',
  amendment_not_found: 'error.amendmentNotFound',
  version_not_found: 'error.versionNotFound',
};

/** The message for an error. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = known[error.code];
    if (key) return t(key);
    const fields = error.problem.errors?.map((e) => `${e.path}: ${e.message}`).join(' ; ');
    return fields ? `${error.problem.detail ?? error.problem.title} (${fields})` : (error.problem.detail ?? error.problem.title);
  }
  if (error instanceof Error && error.message) return error.message;
  return t('error.unknown');
}

/** An error message, announced to screen readers as it appears. */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  const t = useT();
  if (error === null || error === undefined) return null;
  return (
    <p class="error" role="alert" id={id}>
      {errorText(t, error)}
    </p>
  );
}
