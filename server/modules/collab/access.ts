/**
 * Who may do what with a shared document. Reading a bill's working text is public; writing it is for the
 * bill's rapporteurs. Amendment drafts (`amendment:<id>`) belong to their co-authors and arrive with the
 * deliberation module; until then no such document exists.
 */
import type { DocumentName } from '../../../shared/collab/documentName.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { assertBillExists } from '../bills/index.ts';
import { canWriteBill } from '../users/index.ts';

/** What an actor may do with a document. */
export type DocumentAccess = 'read' | 'write';

/** The actor's access to the document; throws a not-found error when the document does not exist. */
export async function documentAccess(db: Database, actor: Actor, document: DocumentName): Promise<DocumentAccess> {
  if (document.kind === 'bill') {
    await assertBillExists(db, document.billId);
    return actor !== null && (await canWriteBill(db, actor.id, document.billId)) ? 'write' : 'read';
  }
  throw notFound(ErrorCode.documentNotFound, `No amendment draft ${document.amendmentId}`);
}
