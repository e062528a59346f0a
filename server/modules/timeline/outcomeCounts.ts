/**
 * Tallies of amendments by La Fabrique's normalised outcome and by our finer status.
 */
import { type OutcomeCounts, outcomeOfStatus, type TabledStatus, TabledStatusSchema } from '../../../shared/api/timeline.ts';

const OUTCOME_FIELD = { adopted: 'adopted', rejected: 'rejected', not_voted: 'notVoted', pending: 'pending' } as const;

/** Counts with nothing in them. */
export function emptyCounts(): OutcomeCounts {
  const byStatus = Object.fromEntries(TabledStatusSchema.options.map((status) => [status, 0])) as Record<TabledStatus, number>;
  return { tabled: 0, adopted: 0, rejected: 0, notVoted: 0, pending: 0, byStatus };
}

/** Adds one amendment with this status. */
export function addTo(counts: OutcomeCounts, status: TabledStatus): void {
  counts.tabled += 1;
  counts[OUTCOME_FIELD[outcomeOfStatus(status)]] += 1;
  counts.byStatus[status] += 1;
}

/** Counts of the given statuses. */
export function countStatuses(statuses: Iterable<TabledStatus>): OutcomeCounts {
  const counts = emptyCounts();
  for (const status of statuses) addTo(counts, status);
  return counts;
}

/** Groups items by a key (insertion order kept) and counts each group's statuses. */
export function tallyBy<T extends { status: TabledStatus }, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, { items: T[]; counts: OutcomeCounts }> {
  const groups = new Map<K, { items: T[]; counts: OutcomeCounts }>();
  for (const item of items) {
    const key = keyOf(item);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { items: [], counts: emptyCounts() }));
    group.items.push(item);
    addTo(group.counts, item.status);
  }
  return groups;
}
