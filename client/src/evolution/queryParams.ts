/**
 * Options of a journalist view kept in the URL's query (`?from=…&to=…&layout=side`), so that a view as set up can be
 * shared as a link. Changing an option replaces the history entry: the back button leaves the view, as people expect.
 */
import { navigate, useLocation } from '../app/router.tsx';

/** The current query, and a function that changes some of its parameters (undefined removes one). */
export function useQueryParams(): [URLSearchParams, (changes: Record<string, string | undefined>) => void] {
  const { path, search } = useLocation();
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(name);
      else next.set(name, value);
    }
    const text = next.toString();
    navigate(text ? `${path}?${text}` : path, { replace: true });
  };
  return [search, update];
}
