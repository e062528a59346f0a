/** The site header: name, navigation, account, language switch. */
import { signOut, useSession } from '../account/session.ts';
import { type Lang, setLanguage, useLanguage, useT } from '../i18n/i18n.ts';
import { VisuallyHidden } from '../ui/VisuallyHidden.tsx';
import { Link, navigate, useLocation } from './router.tsx';

function LanguageSwitch() {
  const t = useT();
  const lang = useLanguage();
  const option = (value: Lang, label: string, name: string) => (
    <button type="button" class="lang-option" aria-pressed={lang === value} lang={value} onClick={() => setLanguage(value)}>
      <span aria-hidden="true">{label}</span>
      <VisuallyHidden>{name}</VisuallyHidden>
    </button>
  );
  return (
    <div class="lang-switch" role="group" aria-label={t('header.language')}>
      {option('fr', 'FR', 'Français')}
      {option('en', 'EN', 'English')}
    </div>
  );
}

function Account() {
  const t = useT();
  const me = useSession();
  const { path } = useLocation();
  if (me === undefined) return null;
  if (me === null) {
    const next = path === '/signin' || path === '/signup' ? '' : `?next=${encodeURIComponent(path)}`;
    return (
      <ul class="account">
        <li>
          <Link href={`/signin${next}`}>{t('header.signIn')}</Link>
        </li>
        <li>
          <Link href={`/signup${next}`}>{t('header.signUp')}</Link>
        </li>
      </ul>
    );
  }
  return (
    <ul class="account">
      <li class="account-name">{t('header.signedInAs', { name: me.displayName })}</li>
      <li>
        <Link href="/me" aria-current={path === '/me' ? 'page' : undefined}>
          {t('header.profile')}
        </Link>
      </li>
      <li>
        <button type="button" class="link-button" onClick={() => void signOut().then(() => navigate(path, { replace: true }))}>
          {t('header.signOut')}
        </button>
      </li>
    </ul>
  );
}

export function Header() {
  const t = useT();
  return (
    <header class="site-header">
      <Link href="/" class="brand">
        Loi Live
      </Link>
      <nav aria-label={t('header.nav')}>
        <ul>
          <li>
            <Link href="/">{t('header.bills')}</Link>
          </li>
        </ul>
      </nav>
      <Account />
      <LanguageSwitch />
    </header>
  );
}
