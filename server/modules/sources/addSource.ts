/**
 * Anyone signed in offers a source (title, http(s) link, description) on an article or an amendment of the bill;
 * it is recorded in the bill's ledger.
 */
import type { AddSourceBody } from '../../../shared/api/sources.ts';
import type { Actor } from '../../common/actor.ts';
import { requireUser } from '../../common/guards.ts';
import { newId } from '../../common/ids.ts';
import { sources } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { assertTarget, type DeliberationDeps } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';

type Deps = Pick<DeliberationDeps, 'db' | 'published'>;

/** Adds a source; resolves with its id. */
export async function addSource({ db, published }: Deps, actor: Actor, billId: string, input: AddSourceBody): Promise<string> {
  const user = requireUser(actor);
  return recordChange(db, published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    await assertTarget(tx, billId, input.target);
    const id = newId();
    const { title, url, description } = input;
    await tx.insert(sources).values({ id, billId, targetType: input.target.type, targetId: input.target.id, authorId: user.id, title, url, description });
    await record('source.added', user.id, { sourceId: id, target: input.target, title, url, description });
    return id;
  });
}
