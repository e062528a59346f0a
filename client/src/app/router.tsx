/**
 * A small history-API router: the current location as a store, `navigate`, a `Link` that keeps normal link
 * behaviour (new tab, copy link) and route patterns with `:params`. Every screen is a deep link.
 */
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { createStore, useStore } from './store.ts';

/** Path and query of the current page. */
export interface Location {
  path: string;
  search: URLSearchParams;
  hash: string;
}

const read = (): Location => ({
  path: window.location.pathname,
  search: new URLSearchParams(window.location.search),
  hash: decodeURIComponent(window.location.hash.slice(1)),
});

/** The current location. */
export const location = createStore<Location>(read());
window.addEventListener('popstate', () => location.set(read()));

/** Goes to an in-app URL (`replace` keeps the history entry, e.g. for search-as-you-type). */
export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  location.set(read());
}

/** The current location, following changes. */
export const useLocation = () => useStore(location);

/** Matches `/bills/:id` against a path; decoded params, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = got[i] as string;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) return null;
  }
  return params;
}

/** Builds a path from segments, encoding each (article numbers hold spaces: "2 bis"). */
export const pathOf = (...segments: string[]) => `/${segments.map(encodeURIComponent).join('/')}`;

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children: ComponentChildren };

/** An in-app link: a real `<a href>`, handled without a page load for plain left clicks. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
