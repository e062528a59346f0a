/** A draft's live document while its page is open; reconnected when the user's standing changes (invited → co-author). */
import { connectDraftDoc, type DraftDocConnection, type DraftDocState } from './draftDoc.ts';
import { useConnection } from './useConnection.ts';

/**
 * The connection and its state; nothing while `standing` is null (not signed in, or not one of its authors).
 * A ticket fixes read or write access, so a new standing opens a new connection with a new ticket.
 */
export function useDraftDoc(amendmentId: string, standing: string | null): { connection: DraftDocConnection | null; state: DraftDocState | null } {
  return useConnection(() => (standing === null ? null : connectDraftDoc(amendmentId)), [amendmentId, standing]);
}
