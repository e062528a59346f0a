/**
 * How hidden content reads: the row stays (and so does its ledger entry), but its text is withheld and a
 * tombstone with the moderator's public reason shows in its place.
 */
import type { Tombstone } from '../../../shared/api/contributions.ts';

/** The moderation columns every hideable table carries. */
export interface Moderated {
  hiddenAt: Date | null;
  hiddenReason: string | null;
}

/** The tombstone of a hidden row, or null. */
export function tombstoneOf(row: Moderated): Tombstone {
  return row.hiddenAt ? { reason: row.hiddenReason ?? '', hiddenAt: row.hiddenAt.toISOString() } : null;
}

/** The text readers may see: null once hidden. */
export function visibleText(row: Moderated, text: string): string | null {
  return row.hiddenAt ? null : text;
}
