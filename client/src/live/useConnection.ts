/** A live connection held while a component is mounted, and its state as it changes. */
import { useEffect, useState } from 'preact/hooks';

/** What a live document's connection offers a component. */
export interface Connection<S> {
  state(): S;
  subscribe(listener: (state: S) => void): () => void;
  destroy(): void;
}

/**
 * The connection `open` makes (none while it answers null), reopened whenever `deps` change and destroyed when they
 * do or the component goes; null until open.
 */
export function useConnection<S, C extends Connection<S>>(open: () => C | null, deps: readonly unknown[]): { connection: C | null; state: S | null } {
  const [connection, setConnection] = useState<C | null>(null);
  const [state, setState] = useState<S | null>(null);
  useEffect(() => {
    const opened = open();
    if (opened === null) return undefined;
    setConnection(opened);
    setState(opened.state());
    const unsubscribe = opened.subscribe(setState);
    return () => {
      unsubscribe();
      opened.destroy();
      setConnection(null);
      setState(null);
    };
    // `open` is a new closure at each render; what it depends on is `deps`.
  }, deps);
  return { connection, state };
}
