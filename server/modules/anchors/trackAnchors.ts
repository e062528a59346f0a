/**
 * Keeps stored anchor statuses current (ANNOT3): after edits of a bill's text are committed on this node, its
 * annotations' and open amendments' anchors are resolved again; those whose status changed, or that had to be
 * re-anchored by alignment (their relative positions no longer apply), are updated, with one ledger entry listing the
 * changes so live clients learn of them. Only the node that committed the edits does this, so nodes do not race.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Anchor } from '../../../shared/anchors/index.ts';
import { amendments, annotations } from '../../storage/schema.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';
import { reanchor } from './reanchor.ts';

/** Edits come in bursts (typing): a bill is re-checked this long after its last committed edit. */
const QUIET_MS = 500;

/** An anchored row: where it points, and what is stored about it. */
interface Anchored {
  type: 'annotation' | 'amendment';
  id: string;
  anchor: Anchor;
  status: string | null;
}

/** An anchored row whose stored status or anchor must change. */
interface Change extends Anchored {
  next: { status: string; anchor: Anchor | null };
}

async function anchoredRows(deps: DeliberationDeps, billId: string): Promise<Anchored[]> {
  const notes = await deps.db
    .select({ id: annotations.id, anchor: annotations.anchor, status: annotations.anchorStatus })
    .from(annotations)
    .where(and(eq(annotations.billId, billId), isNull(annotations.parentId), isNotNull(annotations.anchor)));
  const open = await deps.db
    .select({ id: amendments.id, anchor: amendments.anchor, status: amendments.anchorStatus })
    .from(amendments)
    .where(and(eq(amendments.billId, billId), inArray(amendments.status, ['draft', 'deposited']), isNotNull(amendments.anchor)));
  return [
    ...notes.map((row) => ({ type: 'annotation' as const, id: row.id, anchor: row.anchor as Anchor, status: row.status })),
    ...open.map((row) => ({ type: 'amendment' as const, id: row.id, anchor: row.anchor as Anchor, status: row.status })),
  ];
}

function changesIn(doc: Y.Doc, rows: Anchored[]): Change[] {
  return rows.flatMap((row) => {
    const { anchor, resolved } = reanchor(doc, row.anchor);
    const moved = anchor !== row.anchor;
    return resolved.status !== row.status || moved ? [{ ...row, next: { status: resolved.status, anchor: moved ? anchor : null } }] : [];
  });
}

/** Resolves every anchor of the bill now and stores what changed; resolves with the number of changes. */
export async function refreshAnchors(deps: DeliberationDeps, billId: string): Promise<number> {
  const rows = await anchoredRows(deps, billId);
  if (rows.length === 0) return 0;
  const changes = await deps.texts.read(billId, (doc) => changesIn(doc, rows));
  if (changes.length === 0) return 0;
  await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    for (const change of changes) {
      const set = { anchorStatus: change.next.status, ...(change.next.anchor ? { anchor: change.next.anchor } : {}) };
      if (change.type === 'annotation') await tx.update(annotations).set(set).where(eq(annotations.id, change.id));
      else await tx.update(amendments).set(set).where(eq(amendments.id, change.id));
    }
    await record('anchors.updated', null, {
      changes: changes.map((change) => ({
        target: { type: change.type, id: change.id },
        status: change.next.status,
        previous: change.status,
        reanchored: change.next.anchor !== null,
      })),
    });
  });
  return changes.length;
}

/** Re-checks a bill's anchors once its text has been quiet for a moment after committed edits; returns how to stop. */
export function trackAnchors(deps: DeliberationDeps, logger: Logger): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  const stop = deps.texts.onChanged((billId) => {
    clearTimeout(timers.get(billId));
    const timer = setTimeout(() => {
      timers.delete(billId);
      refreshAnchors(deps, billId).catch((error: unknown) => logger.warn({ err: error, billId }, 'anchor refresh failed'));
    }, QUIET_MS);
    timer.unref();
    timers.set(billId, timer);
  });
  return () => {
    stop();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}
