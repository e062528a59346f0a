/**
 * Whether an adopted amendment's words are still in the text: the words its change inserted (from its diff as
 * decided) that a word diff from the text it produced to the text now keeps unchanged. Words are runs of letters and
 * digits, as readers count them; a word counts as still present when every character of it is kept.
 */
import type { WordsPresence } from '../../../shared/api/lineage.ts';
import type { DiffPart } from '../../../shared/text/wordDiff.ts';

/** How many words the change inserted, and how many of them are still there. */
export interface WordsCount {
  inserted: number;
  present: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Marks, over one side of a diff, the characters that come from parts of `op` (the other parts of that side unmarked). */
function marks(parts: readonly DiffPart[], side: 'before' | 'after', op: DiffPart['op']): Uint8Array {
  const skipped: DiffPart['op'] = side === 'after' ? 'delete' : 'insert';
  const onSide = parts.filter((part) => part.op !== skipped);
  const marked = new Uint8Array(onSide.reduce((length, part) => length + part.text.length, 0));
  let at = 0;
  for (const part of onSide) {
    if (part.op === op) marked.fill(1, at, at + part.text.length);
    at += part.text.length;
  }
  return marked;
}

/**
 * Counts the words `adopted` inserted that `sinceThen` keeps. `adopted` is the amendment's diff (its `after` side is
 * the article as the change left it); `sinceThen` diffs that same text (its `before` side) against the text now.
 */
export function wordsStillPresent(adopted: readonly DiffPart[], sinceThen: readonly DiffPart[]): WordsCount {
  const after = adopted.filter((part) => part.op !== 'delete').map((part) => part.text).join('');
  const inserted = marks(adopted, 'after', 'insert');
  const kept = marks(sinceThen, 'before', 'equal');
  if (kept.length !== after.length) throw new Error('wordsStillPresent: the two diffs do not share the adopted text');
  const count: WordsCount = { inserted: 0, present: 0 };
  for (const word of after.matchAll(WORD)) {
    const start = word.index;
    const end = start + word[0].length;
    if (!inserted.subarray(start, end).some((bit) => bit === 1)) continue;
    count.inserted += 1;
    if (kept.subarray(start, end).every((bit) => bit === 1)) count.present += 1;
  }
  return count;
}

/** The presence a count amounts to, and the share of words still present (null when the change inserted none). */
export function presenceOf(count: WordsCount): { presence: WordsPresence; share: number | null } {
  if (count.inserted === 0) return { presence: 'not_applicable', share: null };
  const share = count.present / count.inserted;
  return { presence: share === 1 ? 'still_present' : share === 0 ? 'gone' : 'partly_present', share };
}
