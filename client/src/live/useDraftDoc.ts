/** A draft's live document while its page is open; reconnected when the user's standing changes (invited → co-author). */
import { useEffect, useState } from 'preact/hooks';
import { connectDraftDoc, type DraftDocConnection, type DraftDocState } from './draftDoc.ts';

/**
 * The connection and its state; nothing while `standing` is null (not signed in, or not one of its authors).
 * A ticket fixes read or write access, so a new standing opens a new connection with a new ticket.
 */
export function useDraftDoc(amendmentId: string, standing: string | null): { connection: DraftDocConnection | null; state: DraftDocState | null } {
  const [connection, setConnection] = useState<DraftDocConnection | null>(null);
  const [state, setState] = useState<DraftDocState | null>(null);
  useEffect(() => {
    if (standing === null) return undefined;
    const opened = connectDraftDoc(amendmentId);
    setConnection(opened);
    setState(opened.state());
    const unsubscribe = opened.subscribe(setState);
    return () => {
      unsubscribe();
      opened.destroy();
      setConnection(null);
      setState(null);
    };
  }, [amendmentId, standing]);
  return { connection, state };
}
