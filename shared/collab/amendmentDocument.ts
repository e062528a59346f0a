/**
 * The shape of an `amendment:<id>` Yjs document, where co-authors write a draft together: two root texts, the
 * proposed text (dispositif) and the rationale (exposé sommaire). The draft's row is seeded into it when it is first
 * opened, and read back from it when the draft is deposited.
 */
import * as Y from 'yjs';

/** Root text holding the dispositif. */
export const draftTextKey = 'text';
/** Root text holding the exposé sommaire. */
export const draftExposeKey = 'expose';

/** What a draft's document holds. */
export interface DraftContent {
  text: string;
  expose: string;
}

/** Reads the draft's texts. */
export function readDraftDocument(doc: Y.Doc): DraftContent {
  return { text: doc.getText(draftTextKey).toJSON(), expose: doc.getText(draftExposeKey).toJSON() };
}

/** A Yjs update holding a new draft's texts. */
export function draftSeedUpdate(content: DraftContent): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getText(draftTextKey).insert(0, content.text);
    doc.getText(draftExposeKey).insert(0, content.expose);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
