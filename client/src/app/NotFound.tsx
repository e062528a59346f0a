import { useT } from '../i18n/i18n.ts';
import { Link } from './router.tsx';
import { useTitle } from './useTitle.ts';

/** A path the client does not know. */
export function NotFound() {
  const t = useT();
  useTitle(t('notFound.title'));
  return (
    <div class="page">
      <h1 data-route-focus tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
