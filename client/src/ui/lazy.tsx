/**
 * A component whose code is loaded when it is first shown: what only some readers open (the journalist views) stays
 * out of the bundle every reader downloads. Until its code is there, a status says it is loading.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/i18n.ts';

/** The component `load` resolves to, loaded once, on first render. */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const t = useT();
    const [ready, setReady] = useState(loaded !== null);
    const waited = useRef(!ready);
    const [failed, setFailed] = useState<unknown>(null);
    useEffect(() => {
      if (loaded !== null) return;
      loading ??= load().then((component) => (loaded = component));
      loading.then(
        () => setReady(true),
        (error: unknown) => {
          // A load that failed (the network) is tried again when the component is shown next.
          loading = null;
          setFailed(error);
        },
      );
    }, []);
    useEffect(() => {
      // The shell moved focus to the page when the route changed, before this content was there: take it to the
      // content's heading, as for any other screen.
      if (ready && waited.current && document.activeElement?.id === 'main') document.querySelector<HTMLElement>('[data-route-focus]')?.focus();
    }, [ready]);
    if (loaded !== null) {
      const Component = loaded;
      return <Component {...props} />;
    }
    return <p role="status">{failed === null ? t('common.loading') : t('error.network')}</p>;
  };
}
