/**
 * The authors' transitions (AMEND3): deposit a draft (it becomes public and gets the bill's next number), or
 * withdraw a draft or a deposited amendment.
 */
import { and, desc, eq, max } from 'drizzle-orm';
import type { Anchor } from '../../../shared/anchors/index.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError, forbidden } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import type { Database } from '../../storage/database.ts';
import { amendments, billSteps } from '../../storage/schema.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';
import { findAmendment, isAuthor } from './amendmentQueries.ts';
import { liveDiff } from './amendmentView.ts';
import { planChange } from '../../../shared/amendments/changePlan.ts';
import { resolveAnchorOnServer } from '../anchors/index.ts';

/** The bill's next free amendment number in the step (imported numbers of that step are skipped). */
async function nextNumber(tx: Database, billId: string, stepId: string | null): Promise<{ numberSeq: number; number: string }> {
  const [last] = await tx.select({ seq: max(amendments.numberSeq) }).from(amendments).where(eq(amendments.billId, billId));
  let numberSeq = (last?.seq ?? 0) + 1;
  for (;;) {
    const clash = stepId
      ? await tx.select({ id: amendments.id }).from(amendments).where(and(eq(amendments.stepId, stepId), eq(amendments.number, String(numberSeq))))
      : [];
    if (clash.length === 0) return { numberSeq, number: String(numberSeq) };
    numberSeq += 1;
  }
}

/** An author deposits a draft whose target is still in the text. */
export async function depositAmendment(deps: DeliberationDeps, actor: Actor, billId: string, amendmentId: string): Promise<void> {
  const user = requireUser(actor);
  // The live text is read before the transaction: loading a document queries the store, which must not wait on
  // the transaction's connection (PGlite has only one).
  const { row: draft } = await findAmendment(deps.db, billId, amendmentId, actor);
  // The wording co-authors wrote together in the draft's live document is what gets deposited.
  const wording = await deps.drafts.read(amendmentId);
  const text = draft.kind === 'delete' || draft.kind === 'delete_article' ? null : wording.text;
  if (text !== null && text.trim() === '') throw new DomainError(ErrorCode.invalidTransition, 'The proposed text is empty; write it before depositing.');
  const plan =
    draft.kind === 'sub_amendment'
      ? null
      : await deps.texts.read(billId, (doc) => planChange(doc, { kind: draft.kind ?? '', articleId: draft.articleId, anchor: draft.anchor as Anchor | null, text }, resolveAnchorOnServer));
  await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    const { row, authors } = await findAmendment(tx, billId, amendmentId, actor);
    if (!isAuthor(authors, user.id)) throw forbidden('Only its authors deposit an amendment.');
    if (row.status !== 'draft') throw new DomainError(ErrorCode.invalidTransition, 'Only a draft can be deposited.');
    let baseText: string | null = null;
    if (row.kind === 'sub_amendment') {
      const [parent] = await tx.select({ status: amendments.status, dispositif: amendments.dispositif }).from(amendments).where(eq(amendments.id, row.parentId ?? ''));
      if (parent?.status !== 'deposited') throw new DomainError(ErrorCode.invalidTransition, 'Its parent amendment is no longer open.');
      baseText = parent.dispositif;
    } else {
      if (plan === null) throw new DomainError(ErrorCode.invalidTransition, 'The text this amendment targets is gone; it cannot be deposited.');
      baseText = plan.before;
    }
    const [step] = await tx.select({ id: billSteps.id }).from(billSteps).where(eq(billSteps.billId, billId)).orderBy(desc(billSteps.position)).limit(1);
    const stepId = step?.id ?? null;
    const { numberSeq, number } = await nextNumber(tx, billId, stepId);
    await tx
      .update(amendments)
      .set({
        status: 'deposited',
        dispositif: text,
        expose: wording.expose,
        stepId,
        numberSeq,
        number,
        baseText,
        depositedAt: new Date(),
        date: new Date().toISOString().slice(0, 10),
        updatedAt: new Date(),
      })
      .where(eq(amendments.id, amendmentId));
    await record('amendment.deposited', user.id, {
      amendmentId,
      number,
      kind: row.kind,
      articleId: row.articleId,
      afterArticleId: row.afterArticleId,
      parentId: row.parentId,
      anchor: row.anchor,
      text,
      expose: wording.expose,
      authors: authors.filter((author) => author.status !== 'invited').map((author) => author.user.id),
    });
  });
  await deps.drafts.seal(amendmentId);
}

/** An author withdraws a draft or a deposited amendment. */
export async function withdrawAmendment(deps: DeliberationDeps, actor: Actor, billId: string, amendmentId: string): Promise<void> {
  const user = requireUser(actor);
  // Read outside the transaction (see depositAmendment): the diff as it stands when withdrawn.
  const { row: before } = await findAmendment(deps.db, billId, amendmentId, actor);
  const parent = before.parentId ? (await deps.db.select().from(amendments).where(eq(amendments.id, before.parentId)))[0] : undefined;
  const diff = await deps.texts.read(billId, (doc) => liveDiff(doc, before, parent));
  await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    const { row, authors } = await findAmendment(tx, billId, amendmentId, actor);
    if (!isAuthor(authors, user.id)) throw forbidden('Only its authors withdraw an amendment.');
    if (row.status !== 'draft' && row.status !== 'deposited') throw new DomainError(ErrorCode.invalidTransition, `A ${row.status} amendment cannot be withdrawn.`);
    const finalDiff = row.status === 'deposited' ? diff : null;
    await tx.update(amendments).set({ status: 'withdrawn', finalDiff, decidedAt: new Date(), updatedAt: new Date() }).where(eq(amendments.id, amendmentId));
    await record('amendment.withdrawn', user.id, { amendmentId, number: row.number });
  });
  if (before.status === 'draft') await deps.drafts.seal(amendmentId);
}
