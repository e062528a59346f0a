/**
 * The DraftTexts port (server/modules/contributions/draftTexts.ts) over this node's live documents: an amendment
 * draft's wording is read from, and REST edits written to, its `amendment:<id>` document.
 */
import { draftExposeKey, draftTextKey, readDraftDocument } from '../../shared/collab/amendmentDocument.ts';
import { formatDocumentName } from '../../shared/collab/documentName.ts';
import type { AmendmentId } from '../../shared/ids.ts';
import { rewriteText } from '../../shared/text/rewriteText.ts';
import type { DraftTexts } from '../modules/contributions/index.ts';
import type { DocumentRegistry } from './registry.ts';

const draftDocument = (amendmentId: string) => ({ kind: 'amendment' as const, amendmentId: amendmentId as AmendmentId });

/** DraftTexts served by the registry; `announce` tells every node the document's writers changed. */
export function createDraftTexts(registry: DocumentRegistry, announce: (document: string) => Promise<void>): DraftTexts {
  return {
    read: (amendmentId) => registry.use(draftDocument(amendmentId), (document) => readDraftDocument(document.doc)),
    async write(amendmentId, content) {
      await registry.use(draftDocument(amendmentId), (document) =>
        document.applyServerEdit((doc) => {
          if (content.text !== undefined) rewriteText(doc.getText(draftTextKey), content.text);
          if (content.expose !== undefined) rewriteText(doc.getText(draftExposeKey), content.expose);
        }),
      );
    },
    seal: (amendmentId) => announce(formatDocumentName(draftDocument(amendmentId))),
  };
}
