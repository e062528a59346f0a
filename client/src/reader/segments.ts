/**
 * Cuts an article's text (alinéas joined by '\n', as in the bill document) into alinéas and, within each, into
 * segments covered by the same highlights. Every segment keeps its offset in the article text, so a selection in
 * the page maps back to exact offsets for anchors.
 */

/** A highlighted range of the article text. */
export interface Highlight {
  id: string;
  index: number;
  length: number;
}

/** A run of text covered by the same highlights. */
export interface Segment {
  text: string;
  /** Offset of the segment in the article text. */
  start: number;
  highlights: string[];
}

/** One alinéa (1-based number) and its segments. */
export interface Alinea {
  number: number;
  start: number;
  segments: Segment[];
}

/** The alinéas of a text, each cut at highlight boundaries. An empty text has no alinéa. */
export function segmentArticle(text: string, highlights: readonly Highlight[]): Alinea[] {
  if (text === '') return [];
  const alineas: Alinea[] = [];
  let start = 0;
  for (const [i, line] of text.split('\n').entries()) {
    const end = start + line.length;
    const cuts = new Set([start, end]);
    for (const h of highlights) {
      for (const at of [h.index, h.index + h.length]) if (at > start && at < end) cuts.add(at);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let k = 0; k < points.length - 1; k += 1) {
      const from = points[k] as number;
      const to = points[k + 1] as number;
      const covering = highlights.filter((h) => h.length > 0 && h.index <= from && h.index + h.length >= to).map((h) => h.id);
      segments.push({ text: text.slice(from, to), start: from, highlights: covering });
    }
    alineas.push({ number: i + 1, start, segments });
    start = end + 1;
  }
  return alineas;
}
