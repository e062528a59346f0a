/**
 * Who wrote the characters of a live bill document (BLAME2, BLAME3). Yjs tags every inserted character with the id
 * of the client that inserted it; the collaboration store records who owns each client id. Walking an article's
 * Y.Text item by item thus gives, for its visible text, the spans each known writer holds.
 */
import type * as Y from 'yjs';
import { articlesOf } from '../../../shared/collab/billDocument.ts';
import type { StoredSpan } from '../../storage/schema/attribution.ts';
import type { Writer } from './lineage.ts';

/** One article of the live text: its document id, its text's length and its known writers' spans. */
export interface LiveArticleAttribution {
  docArticleId: string;
  textLength: number;
  spans: StoredSpan[];
}

const sameWriter = (span: StoredSpan, writer: Writer) => span.kind === writer.kind && span.id === writer.id && span.actorId === writer.actorId;

/** The spans of `text` whose client ids have a known owner in `owners`, in text order, neighbours merged. */
export function writerSpans(text: Y.Text, owners: ReadonlyMap<number, Writer>): StoredSpan[] {
  const spans: StoredSpan[] = [];
  let at = 0;
  for (let item = text._start; item !== null; item = item.right) {
    // Deleted items and formatting marks take no place in the text; embeds are refused by the bill shape.
    if (item.deleted || !item.countable) continue;
    const writer = owners.get(item.id.client);
    const last = spans.at(-1);
    if (writer !== undefined) {
      if (last !== undefined && last.to === at && sameWriter(last, writer)) last.to += item.length;
      else spans.push({ from: at, to: at + item.length, kind: writer.kind, id: writer.id, actorId: writer.actorId });
    }
    at += item.length;
  }
  return spans;
}

/** Every article of a bill document (checked to be bill-shaped), in order, with its writers' spans. */
export function attributeLiveText(doc: Y.Doc, owners: ReadonlyMap<number, Writer>): LiveArticleAttribution[] {
  return articlesOf(doc)
    .toArray()
    .map((map) => {
      const text = map.get('text') as Y.Text;
      return { docArticleId: map.get('id') as string, textLength: text.length, spans: writerSpans(text, owners) };
    });
}
