/** Loads something for a component and re-loads when its inputs change; stale answers are dropped. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** A load's state. */
export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again (e.g. after a live event said the data changed). */
  reload: () => void;
}

/** Runs `load` now and whenever `deps` change. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error: unknown) => mine === generation.current && setState((previous) => ({ data: previous.data, error, loading: false })),
    );
  }, []);
  // The caller lists what the load depends on, as with useEffect.
  useEffect(run, deps);
  return { ...state, reload: run };
}
