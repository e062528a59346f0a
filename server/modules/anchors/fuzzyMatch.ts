/**
 * The fuzzy tools of re-anchoring, on diff-match-patch: bitap probes (`match_main`) that find a ≤ 32-character
 * pattern with errors anywhere in the text, a Levenshtein similarity, and boundary snapping so an approximate
 * probe position still yields whole words and whole emoji.
 */
import DiffMatchPatch from 'diff-match-patch';
import { splitsSurrogatePair } from '../../../shared/anchors/index.ts';

/** diff-match-patch's bitap handles patterns of at most 32 characters (Match_MaxBits). */
export const PROBE_LENGTH = 32;
/**
 * Bitap score limits: errors per pattern character plus distance penalty. Near the expected place only a good match
 * (a quarter of the probe wrong) is taken; over the whole text up to half, the whole-quote similarity deciding after.
 */
const NEARBY_THRESHOLD = 0.25;
const ANYWHERE_THRESHOLD = 0.5;
/**
 * Time budgets of the similarity diffs, per diff and for all those of one realignment: past them, a diff comes back
 * coarse ("all replaced"), so the candidate looks dissimilar and is rejected rather than the realignment running
 * long. Alike passages diff in milliseconds (tens when the code is not yet compiled or the CPU busy); only long
 * unrelated ones that got past similarityBound reach the per-diff budget.
 */
const DIFF_TIMEOUT_MS = 150;
const DIFF_BUDGET_MS = 400;
/** Characters searched on each side of the expected place before the whole text is. */
const NEIGHBOURHOOD = 5_000;
/** Length of the exact pieces a probe is cut into to find it far from where expected. */
const SEED_LENGTH = 8;
/** Occurrences counted per piece: a piece found more often (repetitive text) says little about where the probe is. */
const MAX_SEED_HITS = 1_000;
/** Length from which similarity diffs words rather than characters. */
const WORD_DIFF_FROM = 1_000;
/** Words, runs of spaces, and single other characters; at most 20,000 characters give fewer tokens than char codes. */
const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
const isSpace = (char: string | undefined) => char !== undefined && /\s/u.test(char);

/** Fuzzy search and similarity over one article text. */
export class FuzzyMatcher {
  private readonly dmp = new DiffMatchPatch();
  /** Set by the first similarity diff: the budget is for diffs, bitap scans are bounded on their own. */
  private diffBudgetEnd: number | null = null;

  constructor(private readonly text: string) {}

  /**
   * Start of the best approximate occurrence of `pattern` (cut to PROBE_LENGTH) near `near`, or null. Bitap costs
   * about 100 ms per 100 KB scanned, so it only scans the neighbourhood of `near`; elsewhere, exact seeds (below)
   * pick the place and bitap refines it within a few characters.
   */
  find(pattern: string, near: number): number | null {
    if (pattern === '' || this.text === '') return null;
    const probe = pattern.slice(0, PROBE_LENGTH);
    const at = Math.max(0, Math.min(near, this.text.length));
    const nearby = this.bitap(probe, at - NEIGHBOURHOOD, at + NEIGHBOURHOOD + probe.length, at, NEARBY_THRESHOLD);
    if (nearby !== null) return nearby;
    const seeded = this.seed(probe, at);
    if (seeded === null) return null;
    return this.bitap(probe, seeded - probe.length, seeded + 2 * probe.length, seeded, ANYWHERE_THRESHOLD) ?? seeded;
  }

  /** Bitap on text[from, to) around `near`; an offset in the whole text, or null. */
  private bitap(probe: string, from: number, to: number, near: number, threshold: number): number | null {
    const start = Math.max(0, from);
    const window = this.text.slice(start, Math.min(this.text.length, to));
    this.dmp.Match_Threshold = threshold;
    // Within the window, place matters little (4× its length costs at most 0.25), so bitap scans all of it.
    this.dmp.Match_Distance = Math.max(1_000, 4 * window.length);
    const found = this.dmp.match_main(window, probe, near - start);
    return found < 0 ? null : start + found;
  }

  /**
   * Where the probe most likely starts, by exact seeds: it is cut in SEED_LENGTH pieces, each exact occurrence of a
   * piece votes for the start it implies, and the most voted start wins (the nearest to `near` on a tie). A probe
   * with up to three errors keeps at least one intact piece; native indexOf keeps this linear and fast.
   */
  private seed(probe: string, near: number): number | null {
    const votes = new Map<number, number>();
    for (let offset = 0; offset + SEED_LENGTH <= Math.max(probe.length, SEED_LENGTH); offset += SEED_LENGTH) {
      const piece = probe.slice(offset, offset + SEED_LENGTH);
      let at = this.text.indexOf(piece);
      for (let hits = 0; at !== -1 && hits < MAX_SEED_HITS; hits += 1) {
        votes.set(at - offset, (votes.get(at - offset) ?? 0) + 1);
        at = this.text.indexOf(piece, at + 1);
      }
    }
    let best: { start: number; votes: number } | null = null;
    for (const [start, count] of votes) {
      const closer = best !== null && count === best.votes && Math.abs(start - near) < Math.abs(best.start - near);
      if (best === null || count > best.votes || closer) best = { start, votes: count };
    }
    return best === null ? null : Math.max(0, best.start);
  }

  /**
   * 1 − Levenshtein distance ÷ the longer length: 1 for equal strings, 0 for nothing in common. Character by
   * character up to WORD_DIFF_FROM characters; beyond, word by word (still counted in characters), because a diff
   * costs O(length × edits) and a long passage with scattered edits would exhaust the budget at character level.
   */
  similarity(a: string, b: string): number {
    if (a === b) return 1;
    this.diffBudgetEnd ??= Date.now() + DIFF_BUDGET_MS;
    const deadline = Math.min(Date.now() + DIFF_TIMEOUT_MS, this.diffBudgetEnd);
    const byWords = Math.max(a.length, b.length) >= WORD_DIFF_FROM;
    const diffs = byWords ? this.wordDiff(a, b, deadline) : this.dmp.diff_main(a, b, false, deadline);
    return 1 - this.dmp.diff_levenshtein(diffs) / Math.max(a.length, b.length);
  }

  /** A diff on words: each distinct token becomes one character (diff-match-patch's line-mode trick), then back. */
  private wordDiff(a: string, b: string, deadline: number): DiffMatchPatch.Diff[] {
    const tokens: string[] = [];
    const codes = new Map<string, string>();
    const encode = (text: string) =>
      (text.match(TOKEN) ?? [])
        .map((token) => {
          let code = codes.get(token);
          if (code === undefined) {
            code = String.fromCharCode(tokens.length);
            codes.set(token, code);
            tokens.push(token);
          }
          return code;
        })
        .join('');
    const diffs = this.dmp.diff_main(encode(a), encode(b), false, deadline);
    this.dmp.diff_charsToLines_(diffs, tokens);
    return diffs;
  }
}

/**
 * An upper bound of `similarity(a, b)` in linear time: units (characters, or words for long texts, as the diff uses)
 * of one missing from the other, as multisets, are edits any diff must make. It screens out unrelated candidates
 * before a diff spends the time budget on them.
 */
export function similarityBound(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const units = (text: string) => (longer >= WORD_DIFF_FROM ? (text.match(TOKEN) ?? []) : text.split(''));
  const counts = new Map<string, number>();
  for (const unit of units(a)) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  let shared = 0;
  let onlyInB = 0;
  for (const unit of units(b)) {
    const left = counts.get(unit) ?? 0;
    if (left > 0) {
      counts.set(unit, left - 1);
      shared += unit.length;
    } else {
      onlyInB += unit.length;
    }
  }
  return 1 - Math.max(a.length - shared, onlyInB) / longer;
}

/**
 * Moves an approximate [start, end) onto the boundaries the quote had: leading/trailing spaces the quote lacks are
 * dropped; a probe that landed mid-word is stretched to the word's edge when the original range began (ended) on a
 * word boundary, as its context shows; and a surrogate pair is never cut.
 */
export function snapToQuote(
  text: string,
  range: { start: number; end: number },
  quote: { exact: string; prefix: string; suffix: string },
): { start: number; end: number } {
  let { start, end } = range;
  if (!isSpace(quote.exact[0])) while (start < end && isSpace(text[start])) start += 1;
  if (!isSpace(quote.exact.at(-1))) while (end > start && isSpace(text[end - 1])) end -= 1;
  if (isWordChar(quote.exact[0]) && !isWordChar(quote.prefix.at(-1))) {
    while (start > 0 && isWordChar(text[start - 1]) && isWordChar(text[start])) start -= 1;
  }
  if (isWordChar(quote.exact.at(-1)) && !isWordChar(quote.suffix[0])) {
    while (end < text.length && isWordChar(text[end - 1]) && isWordChar(text[end])) end += 1;
  }
  if (splitsSurrogatePair(text, start)) start -= 1;
  if (splitsSurrogatePair(text, end)) end += 1;
  return { start, end };
}
