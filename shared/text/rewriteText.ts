/**
 * Turning a Y.Text into a new wording by word-level inserts and deletes (the same diff readers see), so the words
 * that stay keep their identity: anchors on them stay attached and concurrent edits elsewhere merge. A whole-text
 * replacement would orphan every anchor.
 */
import type * as Y from 'yjs';
import { wordDiff } from './wordDiff.ts';

export function rewriteText(text: Y.Text, after: string): void {
  let at = 0;
  for (const part of wordDiff(text.toJSON(), after)) {
    if (part.op === 'equal') at += part.text.length;
    else if (part.op === 'delete') text.delete(at, part.text.length);
    else {
      text.insert(at, part.text);
      at += part.text.length;
    }
  }
}
