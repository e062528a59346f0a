/**
 * Who may do what with a shared document. Reading a bill's working text is public; writing it is for the
 * bill's rapporteurs. An amendment's document (`amendment:<id>`) is written by its authors while it is a draft and
 * seen by nobody else (it does not exist for them); once deposited it is public and nobody writes it any more.
 */
import type { DocumentName } from '../../../shared/collab/documentName.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { notFound } from '../../common/errors.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../storage/database.ts';
import { amendmentAuthors, amendments } from '../../storage/schema.ts';
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
  const [amendment] = await db.select({ status: amendments.status, kind: amendments.kind }).from(amendments).where(eq(amendments.id, document.amendmentId));
  // Imported amendments have no text here, so no document either.
  if (!amendment || amendment.kind === null) throw notFound(ErrorCode.documentNotFound, `No amendment ${document.amendmentId}`);
  if (amendment.status !== 'draft') return 'read';
  const role = actor === null ? undefined : await authorStatus(db, actor.id, document.amendmentId);
  if (role === undefined) throw notFound(ErrorCode.documentNotFound, `No amendment ${document.amendmentId}`);
  return role === 'invited' ? 'read' : 'write';
}

async function authorStatus(db: Database, userId: string, amendmentId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ status: amendmentAuthors.status })
    .from(amendmentAuthors)
    .where(and(eq(amendmentAuthors.amendmentId, amendmentId), eq(amendmentAuthors.userId, userId)));
  return row?.status;
}

/** True when the user, as stored now, may write the amendment's document: one of its authors, while it is a draft. */
export async function canWriteAmendment(db: Database, userId: string, amendmentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: amendments.id })
    .from(amendments)
    .innerJoin(amendmentAuthors, eq(amendmentAuthors.amendmentId, amendments.id))
    .where(and(eq(amendments.id, amendmentId), eq(amendments.status, 'draft'), eq(amendmentAuthors.userId, userId), inArray(amendmentAuthors.status, ['author', 'coauthor'])));
  return row !== undefined;
}
