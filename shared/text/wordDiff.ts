/**
 * Word-level diff of two texts (npm `diff`), shared by the server (stored diffs, version diffs) and the
 * browser (live previews), so both show exactly the same thing.
 */
import { diffWordsWithSpace } from 'diff';

/** A piece of a diff: text kept, inserted or deleted. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** How long one diff may search before falling back to "everything replaced". */
const DEFAULT_TIMEOUT_MS = 1_000;

/**
 * The word-level changes turning `before` into `after`. For unrelated texts whose diff would take longer
 * than `timeoutMs`, answers with the coarse "delete all, insert all" rather than blocking.
 */
export function wordDiff(before: string, after: string, timeoutMs = DEFAULT_TIMEOUT_MS): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const changes = diffWordsWithSpace(before, after, { timeout: timeoutMs });
  if (changes === undefined) {
    return [
      ...(before ? [{ op: 'delete' as const, text: before }] : []),
      ...(after ? [{ op: 'insert' as const, text: after }] : []),
    ];
  }
  return changes.map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }));
}

/** The text before (`side: 'before'`) or after the change, rebuilt from a diff. */
export function sideOf(parts: readonly DiffPart[], side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'insert' : 'delete';
  return parts
    .filter((part) => part.op !== skip)
    .map((part) => part.text)
    .join('');
}
