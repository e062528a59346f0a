/** The shell: skip link, header, the current screen; focus moves to the new screen's heading on navigation. */
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/i18n.ts';
import { Header } from './Header.tsx';
import { useLocation } from './router.tsx';
import { screenFor } from './routes.tsx';

export function App() {
  const t = useT();
  const { path } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // After an in-app navigation, keyboard and screen-reader users start at the new content, as after a page load.
    const target = document.querySelector<HTMLElement>('[data-route-focus]') ?? document.getElementById('main');
    target?.focus();
  }, [path]);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {screenFor(path)}
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
