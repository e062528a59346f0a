/** A bill page's live document: connected while the page is open, reconnected when the user changes. */
import { type BillDocConnection, type BillDocState, connectBillDoc } from './billDoc.ts';
import { useConnection } from './useConnection.ts';

/** The connection (null until created) and its state. */
export function useBillDoc(billId: string, userId: string | null | undefined): { connection: BillDocConnection | null; state: BillDocState | null } {
  // Until the session is known, wait: connecting anonymously first would mean connecting twice.
  return useConnection(() => (userId === undefined ? null : connectBillDoc(billId, userId !== null)), [billId, userId]);
}
