/** A bill page's live document: connected while the page is open, reconnected when the user changes. */
import { useEffect, useState } from 'preact/hooks';
import { type BillDocConnection, type BillDocState, connectBillDoc } from './billDoc.ts';

/** The connection (null until created) and its state. */
export function useBillDoc(billId: string, userId: string | null | undefined): { connection: BillDocConnection | null; state: BillDocState | null } {
  const [connection, setConnection] = useState<BillDocConnection | null>(null);
  const [state, setState] = useState<BillDocState | null>(null);
  useEffect(() => {
    // Until the session is known, wait: connecting anonymously first would mean connecting twice.
    if (userId === undefined) return undefined;
    const opened = connectBillDoc(billId, userId !== null);
    setConnection(opened);
    setState(opened.state());
    const unsubscribe = opened.subscribe(setState);
    return () => {
      unsubscribe();
      opened.destroy();
      setConnection(null);
    };
  }, [billId, userId]);
  return { connection, state };
}
