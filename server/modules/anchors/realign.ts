/**
 * Re-anchoring by alignment on the server, for anchors whose relative positions no longer apply (the article's
 * Y.Text was replaced). First the exact quote, scored by context and alinéa (shared/anchors, the same as browsers);
 * then, only if the quote is nowhere, a fuzzy match: diff-match-patch bitap probes on the quote's head and tail and
 * on its context propose ranges, and the one most similar to the quote wins if similar enough.
 */
import {
  MAX_EXACT_LENGTH,
  alineaStarts,
  matchQuote,
  realignmentOf,
  type AnchorQuote,
  type Realignment,
} from '../../../shared/anchors/index.ts';
import { FuzzyMatcher, PROBE_LENGTH, similarityBound, snapToQuote } from './fuzzyMatch.ts';

/**
 * Similarity (1 − Levenshtein distance ÷ longer length) a fuzzy match needs to be the same passage, edited. At 0.6
 * a passage with a word or two replaced passes ("les données personnelles des usagers" → "les données à caractère
 * personnel des usagers" scores 0.67) while unrelated text of the same length scores below 0.2.
 */
export const MIN_SIMILARITY = 0.6;
/** Shortest quote (or insertion-point context) matched fuzzily: a few letters resemble too many places. */
export const MIN_FUZZY_LENGTH = 8;

const orphan: Realignment = { status: 'orphan', index: 0, length: 0 };

/** What realignment needs of an anchor. */
interface Located {
  quote: AnchorQuote;
  alinea: number;
}

/**
 * Where an anchor's passage is in `articleText`: `ok` for the exact quote (insertion point: both sides of its
 * context), `drifted` for a fuzzy match of similarity ≥ MIN_SIMILARITY, else `orphan`. Bounded in time: a handful of
 * linear bitap scans, and diffs sharing one time budget (fuzzyMatch.ts), whatever the article's length.
 */
export function realignAnchor(articleText: string, anchor: Located): Realignment {
  const exact = matchQuote(articleText, anchor.quote, anchor.alinea);
  if (!('problem' in exact)) return realignmentOf(anchor.quote, exact);
  // Several equally good exact places: fuzzy matching would only pick one of them arbitrarily.
  if (exact.problem === 'ambiguous') return orphan;
  const expected = alineaStarts(articleText)[anchor.alinea - 1] ?? articleText.length;
  const found =
    anchor.quote.exact === ''
      ? fuzzyPoint(articleText, anchor.quote, expected)
      : fuzzyRange(articleText, anchor.quote, expected);
  return found ?? orphan;
}

/** Best fuzzy range for a non-empty quote, or null. `expected` is where its alinéa starts now (a hint). */
function fuzzyRange(text: string, quote: AnchorQuote, expected: number): Realignment | null {
  const { exact, prefix, suffix } = quote;
  if (exact.length < MIN_FUZZY_LENGTH) return null;
  const matcher = new FuzzyMatcher(text);
  const starts = new Set<number>();
  const ends = new Set<number>();
  const head = matcher.find(exact, expected);
  if (head !== null) starts.add(head);
  const beforeStart = prefix.length >= MIN_FUZZY_LENGTH ? matcher.find(prefix, expected - prefix.length) : null;
  if (beforeStart !== null) starts.add(beforeStart + prefix.length);
  const guess = head ?? (beforeStart === null ? expected : beforeStart + prefix.length);
  const tail = exact.slice(-PROBE_LENGTH);
  const tailAt = matcher.find(tail, guess + exact.length - tail.length);
  if (tailAt !== null) ends.add(tailAt + tail.length);
  const afterEnd = suffix.length >= MIN_FUZZY_LENGTH ? matcher.find(suffix, guess + exact.length) : null;
  if (afterEnd !== null) ends.add(afterEnd);

  // A start and an end together propose the span between them, tried first as two probes agree on it; each probe
  // alone proposes a range of the quote's length. Diffs share a time budget, so the likeliest ranges go first.
  const maxLength = Math.min(MAX_EXACT_LENGTH, 2 * exact.length + PROBE_LENGTH);
  const ranges = [
    ...[...starts].flatMap((start) =>
      [...ends].filter((end) => end > start && end - start <= maxLength).map((end) => ({ start, end })),
    ),
    ...[...starts].map((start) => ({ start, end: start + exact.length })),
    ...[...ends].map((end) => ({ start: end - exact.length, end })),
  ];
  const tried = new Set<string>();
  let best: { start: number; end: number; similarity: number; fit: number } | null = null;
  for (const range of ranges) {
    const clamped = { start: Math.max(0, range.start), end: Math.min(text.length, range.end) };
    const { start, end } = snapToQuote(text, clamped, quote);
    if (end <= start || end - start > MAX_EXACT_LENGTH || tried.has(`${start}:${end}`)) continue;
    tried.add(`${start}:${end}`);
    if (similarityBound(exact, text.slice(start, end)) < MIN_SIMILARITY) continue;
    // Ranked with the context around: similarity alone barely cares about a word more or less at an edge, the
    // context does. Accepted on the quote's own similarity: the words, not their surroundings, must be alike.
    const around = text.slice(Math.max(0, start - prefix.length), end + suffix.length);
    const fit = matcher.similarity(prefix + exact + suffix, around);
    if (best === null || fit > best.fit) {
      best = { start, end, fit, similarity: matcher.similarity(exact, text.slice(start, end)) };
    }
  }
  if (best === null || best.similarity < MIN_SIMILARITY) return null;
  return { status: 'drifted', index: best.start, length: best.end - best.start };
}

/** Best fuzzy place for an insertion point, judged on how well the text around it matches its context. */
function fuzzyPoint(text: string, quote: AnchorQuote, expected: number): Realignment | null {
  const { prefix, suffix } = quote;
  if (prefix.length + suffix.length < MIN_FUZZY_LENGTH) return null;
  const matcher = new FuzzyMatcher(text);
  const points = new Set<number>();
  const beforePoint = matcher.find(prefix, expected - prefix.length);
  if (beforePoint !== null) points.add(beforePoint + prefix.length);
  const afterPoint = matcher.find(suffix, beforePoint === null ? expected : beforePoint + prefix.length);
  if (afterPoint !== null) points.add(afterPoint);
  let best: { point: number; similarity: number } | null = null;
  for (const candidate of points) {
    const point = snapToQuote(text, { start: candidate, end: candidate }, { exact: '', prefix, suffix }).start;
    const before = matcher.similarity(prefix, text.slice(Math.max(0, point - prefix.length), point));
    const after = matcher.similarity(suffix, text.slice(point, point + suffix.length));
    // Each side weighs by its length: a short prefix at the start of the text says less than a full suffix.
    const similarity = (before * prefix.length + after * suffix.length) / (prefix.length + suffix.length);
    if (best === null || similarity > best.similarity) best = { point, similarity };
  }
  if (best === null || best.similarity < MIN_SIMILARITY) return null;
  return { status: 'drifted', index: best.point, length: 0 };
}
