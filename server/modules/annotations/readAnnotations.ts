/**
 * Reading annotations: threads (each annotation with its replies, oldest first), their reactions, the author's
 * badge, a tombstone in place of hidden text, and each anchor's status against the live text as it is now.
 */
import { and, asc, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Anchor, AnchorStatus } from '../../../shared/anchors/index.ts';
import {
  reactionKinds,
  type Annotation,
  type AnnotationList,
  type AnnotationListQuery,
  type AnnotationThread,
  type Reaction,
  type ReactionCounts,
  type ReactionState,
} from '../../../shared/api/annotations.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { annotations, reactions, users } from '../../storage/schema.ts';
import { resolveAnchorOnServer } from '../anchors/index.ts';
import { assertBillExists } from '../bills/index.ts';
import { contributorColumns, contributorOf, type DeliberationDeps, listingPage, tombstoneOf, visibleText } from '../contributions/index.ts';

/** A stored annotation with its author's columns. */
export interface AnnotationRow {
  annotation: typeof annotations.$inferSelect;
  author: Parameters<typeof contributorOf>[0];
}

/** Reactions per annotation id: counts, and the reader's own. */
type ReactionsById = Map<string, { counts: ReactionCounts; mine: Reaction[] }>;

const noReactions = (): ReactionCounts => ({ like: 0, insightful: 0, question: 0, disagree: 0 });

/** An annotation's number of reactions, all kinds together: what `popular` sorts on. */
const reactionCount = sql<number>`(select count(*) from ${reactions} where ${reactions.annotationId} = ${annotations.id})`;

/** Selects annotations with their authors. */
const selectRows = (db: Database) =>
  db.select({ annotation: annotations, author: contributorColumns }).from(annotations).innerJoin(users, eq(users.id, annotations.authorId));

/** The reactions on these annotations, with the actor's own. */
async function reactionsOf(db: Database, actor: Actor, ids: string[]): Promise<ReactionsById> {
  const byId: ReactionsById = new Map(ids.map((id) => [id, { counts: noReactions(), mine: [] }]));
  if (ids.length === 0) return byId;
  const [counts, mine] = await Promise.all([
    db
      .select({ id: reactions.annotationId, reaction: reactions.reaction, n: count() })
      .from(reactions)
      .where(inArray(reactions.annotationId, ids))
      .groupBy(reactions.annotationId, reactions.reaction),
    actor === null
      ? Promise.resolve([])
      : db
          .select({ id: reactions.annotationId, reaction: reactions.reaction })
          .from(reactions)
          .where(and(inArray(reactions.annotationId, ids), eq(reactions.userId, actor.id))),
  ]);
  for (const { id, reaction, n } of counts) {
    const entry = byId.get(id);
    if (entry && reaction in entry.counts) entry.counts[reaction as Reaction] = n;
  }
  for (const { id, reaction } of mine) byId.get(id)?.mine.push(reaction as Reaction);
  for (const entry of byId.values()) entry.mine.sort((a, b) => reactionKinds.indexOf(a) - reactionKinds.indexOf(b));
  return byId;
}

/** The reaction state of one annotation for the actor. */
export async function reactionStateOf(db: Database, actor: Actor, annotationId: string): Promise<ReactionState> {
  const entry = (await reactionsOf(db, actor, [annotationId])).get(annotationId);
  return { annotationId, reactions: entry?.counts ?? noReactions(), myReactions: entry?.mine ?? [] };
}

/** Where each anchored annotation stands against the bill's live text now (realigned if its positions broke). */
async function currentStatuses(deps: DeliberationDeps, billId: string, rows: AnnotationRow[]): Promise<Map<string, AnchorStatus>> {
  const anchored = rows.filter(({ annotation }) => annotation.anchor !== null);
  if (anchored.length === 0) return new Map();
  return deps.texts.read(
    billId,
    (doc) => new Map(anchored.map(({ annotation }) => [annotation.id, resolveAnchorOnServer(doc, annotation.anchor as Anchor).status])),
  );
}

function present(row: AnnotationRow, reactionsById: ReactionsById, status: AnchorStatus | undefined): Annotation {
  const { annotation } = row;
  const anchor = annotation.anchor as Anchor | null;
  const entry = reactionsById.get(annotation.id);
  return {
    id: annotation.id,
    billId: annotation.billId,
    parentId: annotation.parentId,
    articleId: anchor?.articleId ?? annotation.articleId,
    anchor,
    anchorStatus: anchor === null ? null : (status ?? (annotation.anchorStatus as AnchorStatus)),
    author: contributorOf(row.author),
    body: visibleText(annotation, annotation.body),
    tombstone: tombstoneOf(annotation),
    createdAt: annotation.createdAt.toISOString(),
    editedAt: annotation.editedAt?.toISOString() ?? null,
    reactions: entry?.counts ?? noReactions(),
    myReactions: entry?.mine ?? [],
  };
}

/** Presents one annotation (no replies) for the actor. */
export async function presentAnnotation(deps: DeliberationDeps, actor: Actor, row: AnnotationRow): Promise<Annotation> {
  const [reactionsById, statuses] = await Promise.all([reactionsOf(deps.db, actor, [row.annotation.id]), currentStatuses(deps, row.annotation.billId, [row])]);
  return present(row, reactionsById, statuses.get(row.annotation.id));
}

/** Builds the threads of these roots: replies oldest first, reactions, current anchor statuses. */
async function threadsOf(deps: DeliberationDeps, actor: Actor, billId: string, roots: AnnotationRow[]): Promise<AnnotationThread[]> {
  const rootIds = roots.map(({ annotation }) => annotation.id);
  const replies =
    rootIds.length === 0
      ? []
      : await selectRows(deps.db)
          .where(inArray(annotations.parentId, rootIds))
          .orderBy(asc(annotations.createdAt), asc(annotations.id));
  const [reactionsById, statuses] = await Promise.all([
    reactionsOf(deps.db, actor, [...rootIds, ...replies.map(({ annotation }) => annotation.id)]),
    currentStatuses(deps, billId, roots),
  ]);
  return roots.map((root) => ({
    ...present(root, reactionsById, statuses.get(root.annotation.id)),
    replies: replies.filter(({ annotation }) => annotation.parentId === root.annotation.id).map((reply) => present(reply, reactionsById, undefined)),
  }));
}

/** One annotation or reply of the bill with its author, or annotation_not_found. */
export async function findAnnotation(db: Database, billId: string, annotationId: string): Promise<AnnotationRow> {
  const [row] = await selectRows(db).where(and(eq(annotations.id, annotationId), eq(annotations.billId, billId)));
  if (row === undefined) throw notFound(ErrorCode.annotationNotFound, `No annotation ${annotationId} in this bill`);
  return row;
}

/** The thread an annotation belongs to: itself and its replies, or for a reply, its root's thread. */
export async function getAnnotationThread(deps: DeliberationDeps, actor: Actor, billId: string, annotationId: string): Promise<AnnotationThread> {
  await assertBillExists(deps.db, billId);
  const found = await findAnnotation(deps.db, billId, annotationId);
  const root = found.annotation.parentId === null ? found : await findAnnotation(deps.db, billId, found.annotation.parentId);
  const [thread] = await threadsOf(deps, actor, billId, [root]);
  if (thread === undefined) throw new Error('getAnnotationThread: no thread built');
  return thread;
}

/** A page of the bill's threads, optionally of one article, in the asked order (seeded random by default). */
export async function listAnnotations(deps: DeliberationDeps, actor: Actor, billId: string, query: AnnotationListQuery): Promise<AnnotationList> {
  await assertBillExists(deps.db, billId);
  const conditions: SQL[] = [eq(annotations.billId, billId), isNull(annotations.parentId)];
  if (query.articleId !== undefined) conditions.push(sql`${annotations.anchor}->>'articleId' = ${query.articleId}`);
  const { rows, listing } = await listingPage(
    deps.db,
    { select: selectRows(deps.db).$dynamic(), table: annotations, where: and(...conditions), popularity: reactionCount },
    query,
  );
  return { ...listing, annotations: await threadsOf(deps, actor, billId, rows) };
}
