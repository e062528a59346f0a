/**
 * Exact quote matching (W3C TextQuoteSelector semantics) in a plain string: every occurrence of `exact` is a
 * candidate, scored by how much of the prefix and suffix agree, then by distance to the alinéa hint. Pure string
 * work so the browser can place quote-only anchors; the server adds fuzzy matching on top (server/modules/anchors).
 */
import type { AnchorQuote, Realignment } from './anchorSchema.ts';
import { alineaIn, alineaStarts, splitsSurrogatePair } from './textContext.ts';

/**
 * Occurrences scored at most: a quote found more often than this in one article (a single common word) is reported
 * ambiguous rather than scanned, which keeps a 100 KB article's worst case bounded.
 */
export const MAX_CANDIDATES = 10_000;

/** Where a quote was found; `contextAgrees` when prefix and suffix both agree in full. */
export interface QuoteMatch {
  index: number;
  length: number;
  contextAgrees: boolean;
}

/** Why a quote could not be placed. */
export interface QuoteMiss {
  problem: 'not_found' | 'ambiguous';
}

/** Offsets where `needle` starts in `text` (overlaps included); null beyond MAX_CANDIDATES. */
function occurrences(text: string, needle: string): number[] | null {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (found.length === MAX_CANDIDATES) return null;
    found.push(at);
  }
  return found;
}

/** Candidate start offsets: occurrences of `exact`, or for an insertion point, the junctions its context marks. */
function candidates(text: string, quote: AnchorQuote): number[] | null {
  if (quote.exact !== '') return occurrences(text, quote.exact);
  const afterPrefix = quote.prefix === '' ? [] : occurrences(text, quote.prefix);
  const beforeSuffix = quote.suffix === '' ? [] : occurrences(text, quote.suffix);
  if (afterPrefix === null || beforeSuffix === null) return null;
  const points = new Set([...afterPrefix.map((at) => at + quote.prefix.length), ...beforeSuffix]);
  return [...points].sort((a, b) => a - b);
}

/** How many characters of `prefix`, read backwards, agree with the text before `index`. */
function prefixAgreement(text: string, index: number, prefix: string): number {
  let agreed = 0;
  while (
    agreed < prefix.length &&
    index - 1 - agreed >= 0 &&
    text.charCodeAt(index - 1 - agreed) === prefix.charCodeAt(prefix.length - 1 - agreed)
  ) {
    agreed += 1;
  }
  return agreed;
}

/** How many characters of `suffix` agree with the text from `end`. */
function suffixAgreement(text: string, end: number, suffix: string): number {
  let agreed = 0;
  while (agreed < suffix.length && text.charCodeAt(end + agreed) === suffix.charCodeAt(agreed)) agreed += 1;
  return agreed;
}

/**
 * Locates `quote.exact` in `text`: the occurrence with the most prefix + suffix agreement, then the one nearest
 * `alineaHint`; a tie on both is ambiguous. An insertion point (`exact` '') is located by its context alone.
 */
export function matchQuote(text: string, quote: AnchorQuote, alineaHint?: number): QuoteMatch | QuoteMiss {
  const length = quote.exact.length;
  if (length === 0 && quote.prefix === '' && quote.suffix === '') {
    // Without words or context, only an empty text has a single place to point at.
    return text === '' ? { index: 0, length: 0, contextAgrees: true } : { problem: 'ambiguous' };
  }
  const points = candidates(text, quote);
  if (points === null) return { problem: 'ambiguous' };
  const starts = alineaHint === undefined ? null : alineaStarts(text);
  let best: { index: number; score: number; distance: number; contextAgrees: boolean } | null = null;
  let tied = false;
  for (const index of points) {
    if (splitsSurrogatePair(text, index) || splitsSurrogatePair(text, index + length)) continue;
    const before = prefixAgreement(text, index, quote.prefix);
    const after = suffixAgreement(text, index + length, quote.suffix);
    const score = before + after;
    const distance = starts === null || alineaHint === undefined ? 0 : Math.abs(alineaIn(starts, index) - alineaHint);
    if (best === null || score > best.score || (score === best.score && distance < best.distance)) {
      const contextAgrees = before === quote.prefix.length && after === quote.suffix.length;
      best = { index, score, distance, contextAgrees };
      tied = false;
    } else if (score === best.score && distance === best.distance) {
      tied = true;
    }
  }
  if (best === null) return { problem: 'not_found' };
  if (tied) return { problem: 'ambiguous' };
  return { index: best.index, length, contextAgrees: best.contextAgrees };
}

/** What an exact match means: `ok`, except an insertion point found by one side of its context only (`drifted`). */
export function realignmentOf(quote: AnchorQuote, match: QuoteMatch): Realignment {
  const status = quote.exact !== '' || match.contextAgrees ? 'ok' : 'drifted';
  return { status, index: match.index, length: match.length };
}

/**
 * Re-anchoring by exact quote only (what shared/ can do without diff-match-patch): see realignmentOf, and `orphan`
 * when not found or ambiguous. The server chains fuzzy matching after it (server/modules/anchors/realign.ts).
 */
export function realignByQuote(text: string, anchor: { quote: AnchorQuote; alinea: number }): Realignment {
  const match = matchQuote(text, anchor.quote, anchor.alinea);
  return 'problem' in match ? { status: 'orphan', index: 0, length: 0 } : realignmentOf(anchor.quote, match);
}
