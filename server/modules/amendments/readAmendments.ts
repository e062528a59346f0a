/** Reading amendments with their live diffs and collisions (drafts only for their authors). */
import { inArray } from 'drizzle-orm';
import type { Amendment } from '../../../shared/api/amendments.ts';
import type { Actor } from '../../common/actor.ts';
import { amendments } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { type AmendmentRow, authorsOf, depositedOnArticles, findAmendment, visibleAmendments } from './amendmentQueries.ts';
import { collisionArticles, presentAmendments } from './amendmentView.ts';

/** Presents rows of one bill; what they may collide with is loaded once for all of them, by article. */
async function present(deps: DeliberationDeps, billId: string, rows: AmendmentRow[]): Promise<Amendment[]> {
  const candidates = await depositedOnArticles(deps.db, billId, collisionArticles(rows));
  const parentIds = [...new Set(rows.flatMap((row) => (row.parentId ? [row.parentId] : [])))];
  const parents = parentIds.length > 0 ? await deps.db.select().from(amendments).where(inArray(amendments.id, parentIds)) : [];
  const authors = await authorsOf(deps.db, rows.map((row) => row.id));
  // A draft's wording is the one its co-authors are writing live.
  const current = await Promise.all(
    rows.map(async (row) => (row.status === 'draft' ? { ...row, ...(await draftWording(deps, row)) } : row)),
  );
  return deps.texts.read(billId, (doc) => presentAmendments(current, { doc, authors, candidates, parents }));
}

async function draftWording(deps: DeliberationDeps, row: AmendmentRow): Promise<Pick<AmendmentRow, 'dispositif' | 'expose'>> {
  const wording = await deps.drafts.read(row.id);
  return { dispositif: row.kind === 'delete' || row.kind === 'delete_article' ? null : wording.text, expose: wording.expose };
}

/** One amendment as the actor may see it. */
export async function getAmendment(deps: DeliberationDeps, actor: Actor, billId: string, amendmentId: string): Promise<Amendment> {
  const { row } = await findAmendment(deps.db, billId, amendmentId, actor);
  return (await present(deps, billId, [row]))[0] as Amendment;
}

/** The bill's amendments the actor may see, in number order (drafts last). */
export async function listAmendments(
  deps: DeliberationDeps,
  actor: Actor,
  billId: string,
  filter: { status?: string | undefined; articleId?: string | undefined; mine?: boolean },
): Promise<Amendment[]> {
  await assertBillExists(deps.db, billId);
  return present(deps, billId, await visibleAmendments(deps.db, billId, actor, filter));
}
