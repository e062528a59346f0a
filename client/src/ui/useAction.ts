/** What a button starts: busy while it runs (so it cannot be started twice), and its error, shown until the next try. */
import { useState } from 'preact/hooks';

/** The action's state, and `run`, which hands the action's answer to `done` or keeps its error. */
export function useAction<T>(done: (answer: T) => void): { busy: boolean; error: unknown; run: (action: () => Promise<T>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      done(await action());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
