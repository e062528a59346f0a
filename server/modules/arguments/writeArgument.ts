/**
 * Writing arguments: anyone signed in argues *pour* or *contre* an article or an amendment of the bill; only the
 * author edits it afterwards. Each change is recorded in the bill's ledger with the text it wrote.
 */
import { and, eq } from 'drizzle-orm';
import type { CreateArgumentBody, EditArgumentBody } from '../../../shared/api/arguments.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError, forbidden, notFound } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import { newId } from '../../common/ids.ts';
import { debateArguments } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { assertTarget, type DeliberationDeps } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';

type Deps = Pick<DeliberationDeps, 'db' | 'published'>;

/** Adds an argument; resolves with its id. */
export async function createArgument({ db, published }: Deps, actor: Actor, billId: string, input: CreateArgumentBody): Promise<string> {
  const user = requireUser(actor);
  return recordChange(db, published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    await assertTarget(tx, billId, input.target);
    const id = newId();
    await tx.insert(debateArguments).values({
      id,
      billId,
      targetType: input.target.type,
      targetId: input.target.id,
      side: input.side,
      authorId: user.id,
      body: input.body,
    });
    await record('argument.created', user.id, { argumentId: id, target: input.target, side: input.side, body: input.body });
    return id;
  });
}

/**
 * The author rewrites their argument; the ledger keeps every version. A hidden argument cannot be edited: the
 * moderator's public reason must keep describing the text it was given for.
 */
export async function editArgument({ db, published }: Deps, actor: Actor, billId: string, argumentId: string, input: EditArgumentBody): Promise<void> {
  const user = requireUser(actor);
  await recordChange(db, published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    const [row] = await tx
      .select({ authorId: debateArguments.authorId, body: debateArguments.body, hiddenAt: debateArguments.hiddenAt })
      .from(debateArguments)
      .where(and(eq(debateArguments.id, argumentId), eq(debateArguments.billId, billId)));
    if (!row) throw notFound(ErrorCode.argumentNotFound, `No argument ${argumentId} in this bill`);
    if (row.authorId !== user.id) throw forbidden('Only its author may edit an argument.');
    if (row.hiddenAt) throw new DomainError(ErrorCode.invalidTransition, 'A hidden argument cannot be edited.');
    if (row.body === input.body) return;
    await tx.update(debateArguments).set({ body: input.body, editedAt: new Date() }).where(eq(debateArguments.id, argumentId));
    await record('argument.edited', user.id, { argumentId, body: input.body });
  });
}
