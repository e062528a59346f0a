/**
 * Word-level diff of two texts (npm `diff`'s `diffWordsWithSpace` tokens and search), shared by the server (stored
 * diffs, version diffs, history) and the browser (live previews), so both show exactly the same thing.
 *
 * The search is kept small (DIFF4): the common start and end are set aside first, then, in a long text, a line pass
 * finds the alinéas both sides share, and the word search only runs inside each block of changed lines. Each step
 * cuts at token boundaries, so the parts rebuild both texts exactly (DIFF1). All of it shares one time budget; what
 * is left when it runs out is shown coarsely, as deleted then inserted (DIFF2).
 */
import { diffWordsWithSpace } from 'diff';
import { lineBlocks } from './lineBlocks.ts';
import { commonEnds } from './tokens.ts';

/** A piece of a diff: text kept, inserted or deleted. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A diff, and whether all of it was searched word by word (false: some block fell back to the coarse form). */
export interface DiffResult {
  parts: DiffPart[];
  complete: boolean;
}

/** How long one diff may search before falling back to the coarse form. */
export const DEFAULT_TIMEOUT_MS = 1_000;

// Below this many changed characters the word search runs on the whole changed middle, exactly as
// diffWordsWithSpace would; above it the line pass comes first.
const LINE_PASS_FROM = 2_000;

/** Collects parts, merging neighbours of the same kind and dropping empty ones. */
class Parts {
  readonly list: DiffPart[] = [];

  add(op: DiffPart['op'], text: string): void {
    if (text === '') return;
    const last = this.list.at(-1);
    if (last?.op === op) last.text += text;
    else this.list.push({ op, text });
  }

  /** The coarse form of a changed stretch: all of it deleted, then all of it inserted. */
  replace(before: string, after: string): void {
    this.add('delete', before);
    this.add('insert', after);
  }
}

/**
 * The word-level changes turning `before` into `after`. Whatever could not be searched within `timeoutMs` (texts
 * with nothing in common) is shown coarsely rather than blocking.
 */
export function wordDiff(before: string, after: string, timeoutMs = DEFAULT_TIMEOUT_MS): DiffPart[] {
  return wordDiffUntil(before, after, Date.now() + timeoutMs).parts;
}

/** {@link wordDiff} against a deadline (a `Date.now()` time), saying whether the result is complete. */
export function wordDiffUntil(before: string, after: string, deadline: number): DiffResult {
  const parts = new Parts();
  const complete = diffInto(parts, before, after, deadline, true);
  return { parts: parts.list, complete };
}

/**
 * Diffs of many pairs (a bill's articles) sharing one deadline: each pair is diffed, then its changed blocks, while
 * time remains; a pair reached after the deadline still gets its common start and end, the rest coarse.
 */
export function wordDiffAll(pairs: readonly (readonly [string, string])[], timeoutMs = DEFAULT_TIMEOUT_MS): DiffResult[] {
  const deadline = Date.now() + timeoutMs;
  return pairs.map(([before, after]) => wordDiffUntil(before, after, deadline));
}

/** The cheap form of a diff, for when no search may run: common start and end kept, the middle replaced. */
export function coarseDiff(before: string, after: string): DiffPart[] {
  return wordDiffUntil(before, after, 0).parts;
}

/** Adds the diff of `before` → `after` to `parts`; false when some of it had to be coarse. */
function diffInto(parts: Parts, before: string, after: string, deadline: number, linePass: boolean): boolean {
  if (before === after) {
    parts.add('equal', before);
    return true;
  }
  const { prefix, suffix } = commonEnds(before, after);
  const oldMiddle = before.slice(prefix, before.length - suffix);
  const newMiddle = after.slice(prefix, after.length - suffix);
  parts.add('equal', before.slice(0, prefix));
  let complete = true;
  if (oldMiddle === '' || newMiddle === '') parts.replace(oldMiddle, newMiddle);
  else if (Date.now() >= deadline) {
    parts.replace(oldMiddle, newMiddle);
    complete = false;
  } else if (linePass && oldMiddle.length + newMiddle.length >= LINE_PASS_FROM) complete = diffByLines(parts, oldMiddle, newMiddle, deadline);
  else complete = diffWords(parts, oldMiddle, newMiddle, deadline);
  parts.add('equal', before.slice(before.length - suffix));
  return complete;
}

/** The line pass, then a word search inside each changed block. */
function diffByLines(parts: Parts, before: string, after: string, deadline: number): boolean {
  const blocks = lineBlocks(before, after, deadline);
  if (blocks === null) {
    parts.replace(before, after);
    return false;
  }
  let complete = true;
  for (const block of blocks) {
    if ('equal' in block) parts.add('equal', block.equal);
    // The line pass already chose these lines; within the block, set aside its own common ends and search words.
    else if (!diffInto(parts, block.before, block.after, deadline, false)) complete = false;
  }
  return complete;
}

/** npm `diff`'s word search on a stretch that starts and ends at token boundaries. */
function diffWords(parts: Parts, before: string, after: string, deadline: number): boolean {
  const timeout = deadline - Date.now();
  const changes = timeout > 0 ? diffWordsWithSpace(before, after, { timeout }) : undefined;
  if (changes === undefined) {
    parts.replace(before, after);
    return false;
  }
  for (const change of changes) parts.add(change.added ? 'insert' : change.removed ? 'delete' : 'equal', change.value);
  return true;
}

/** The text before (`side: 'before'`) or after the change, rebuilt from a diff. */
export function sideOf(parts: readonly DiffPart[], side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'insert' : 'delete';
  return parts
    .filter((part) => part.op !== skip)
    .map((part) => part.text)
    .join('');
}
