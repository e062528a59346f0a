/**
 * The changes between two wordings of an article (or of a dispositif), cut the way an amendment's dispositif names
 * them: first whole alinéas (added, deleted, replaced), then, inside an alinéa kept in place, runs of words. Word runs
 * come from the same word diff readers see (shared/text/wordDiff.ts), widened to whole words and joined when only a
 * couple of words separate them, so that each quotes what a reader would call one change.
 */
import { diffArrays } from 'diff';
import { wordDiff } from '../text/wordDiff.ts';
import { isWordChar, wordCount } from './typography.ts';

/** Changes separated by at most this many untouched words are quoted as one (« les mots : « A et les B » »). */
const JOIN_GAP_WORDS = 2;

/** A text's alinéas: its lines (see shared/collab/billDocument.ts); an empty text has none. */
export function alineasOf(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

/** Consecutive alinéas changed together: `removed` (the old ones, from 0-based index `from`) became `added`. */
export interface AlineaBlock {
  from: number;
  removed: string[];
  added: string[];
}

/** The runs of alinéas that differ, in text order, aligned on the alinéas left exactly as they were. */
export function alineaBlocks(before: readonly string[], after: readonly string[]): AlineaBlock[] {
  const blocks: AlineaBlock[] = [];
  let at = 0;
  let current: AlineaBlock | null = null;
  for (const chunk of diffArrays([...before], [...after])) {
    if (!chunk.added && !chunk.removed) {
      if (current) blocks.push(current);
      current = null;
      at += chunk.count;
      continue;
    }
    current ??= { from: at, removed: [], added: [] };
    if (chunk.removed) {
      current.removed.push(...chunk.value);
      at += chunk.count;
    } else {
      current.added.push(...chunk.value);
    }
  }
  if (current) blocks.push(current);
  return blocks;
}

/** Inside one alinéa: `[start, end)` of the old text (`deleted`) became `inserted`; an insertion has start = end. */
export interface WordChange {
  start: number;
  end: number;
  deleted: string;
  inserted: string;
}

interface Span {
  start: number;
  end: number;
  afterStart: number;
  afterEnd: number;
}

/** The diff's changes as spans of both texts (equal runs have the same length on both sides). */
function rawSpans(before: string, after: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  let afterAt = 0;
  let current: Span | null = null;
  for (const part of wordDiff(before, after)) {
    if (part.op === 'equal') {
      if (current) spans.push(current);
      current = null;
      at += part.text.length;
      afterAt += part.text.length;
      continue;
    }
    current ??= { start: at, end: at, afterStart: afterAt, afterEnd: afterAt };
    if (part.op === 'delete') current.end = at += part.text.length;
    else current.afterEnd = afterAt += part.text.length;
  }
  if (current) spans.push(current);
  return spans;
}

/**
 * Widens a span over the untouched characters it touches inside a word, between `lower` and `upper` (the spans around
 * it): the diff cuts « l’État » after the apostrophe, a dispositif quotes « l’État ».
 */
function widened(span: Span, before: string, after: string, lower: number, upper: number): Span {
  const out = { ...span };
  const first = () => (out.end > out.start ? before[out.start] : after[out.afterStart]);
  const last = () => (out.end > out.start ? before[out.end - 1] : after[out.afterEnd - 1]);
  while (out.start > lower && isWordChar(before[out.start - 1]) && isWordChar(first())) {
    out.start -= 1;
    out.afterStart -= 1;
  }
  while (out.end < upper && isWordChar(before[out.end]) && isWordChar(last())) {
    out.end += 1;
    out.afterEnd += 1;
  }
  return out;
}

/** The word changes turning one alinéa into another, in text order. */
export function wordChanges(before: string, after: string): WordChange[] {
  const raw = rawSpans(before, after);
  const spans: Span[] = [];
  raw.forEach((span, index) => {
    const previous = spans.at(-1);
    const wide = widened(span, before, after, previous?.end ?? 0, raw[index + 1]?.start ?? before.length);
    if (previous && wordCount(before.slice(previous.end, wide.start)) <= JOIN_GAP_WORDS) {
      previous.end = wide.end;
      previous.afterEnd = wide.afterEnd;
    } else {
      spans.push(wide);
    }
  });
  return spans.map((span) => ({
    start: span.start,
    end: span.end,
    deleted: before.slice(span.start, span.end),
    inserted: after.slice(span.afterStart, span.afterEnd),
  }));
}

/** Where `quote` occurs in `text` as whole words (not inside a longer word): the offsets it starts at. */
export function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote === '') return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const startsWord = at === 0 || !isWordChar(text[at - 1]) || !isWordChar(quote[0]);
    const endsWord = end === text.length || !isWordChar(text[end]) || !isWordChar(quote[quote.length - 1]);
    if (startsWord && endsWord) found.push(at);
  }
  return found;
}
