/**
 * The BillTexts port (server/modules/bills/billTexts.ts) over this node's live documents: use cases read a bill's
 * committed text and edit it through the same durable path as a rapporteur's keystrokes.
 */
import { parseDocumentName } from '../../shared/collab/documentName.ts';
import type { BillId } from '../../shared/ids.ts';
import type { BillTexts } from '../modules/bills/index.ts';
import type { DocumentRegistry } from './registry.ts';

const billDocument = (billId: string) => ({ kind: 'bill' as const, billId: billId as BillId });

/** BillTexts served by the registry's documents. */
export function createBillTexts(registry: DocumentRegistry): BillTexts {
  return {
    read: (billId, use) => registry.use(billDocument(billId), (document) => use(document.doc)),
    edit: (billId, change, author) => registry.use(billDocument(billId), async (document) => ({ commitId: await document.applyServerEdit(change, author) })),
    onChanged(listener) {
      return registry.onCommitted((document) => {
        const name = parseDocumentName(document.name);
        if (name?.kind === 'bill') listener(name.billId);
      });
    },
  };
}
