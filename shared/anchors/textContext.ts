/**
 * Plain-string helpers for anchors: context around a range, alinéa numbers, surrogate-pair boundaries. Y.Text
 * indexes are UTF-16 code units, so an emoji is two units and a careless slice would cut it in half.
 */
import { CONTEXT_LENGTH } from './anchorSchema.ts';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `index` falls between the two halves of a surrogate pair (inside an emoji, say). */
export function splitsSurrogatePair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  );
}

/** Up to CONTEXT_LENGTH units before `start` and after `end`, one shorter rather than cut a surrogate pair. */
export function contextAround(text: string, start: number, end: number): { prefix: string; suffix: string } {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, from)) from += 1;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, to)) to -= 1;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** The 1-based alinéa (line of the article text) that offset `index` falls in. */
export function alineaAt(text: string, index: number): number {
  let alinea = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) alinea += 1;
  return alinea;
}

/** Offset where each alinéa starts (`[0]` is alinéa 1), for many lookups in one text. */
export function alineaStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** alineaAt with the starts precomputed: a binary search instead of a scan. */
export function alineaIn(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= index) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
