/**
 * The first content of a bill's shared document: its latest version, article by article.
 */
import * as Y from 'yjs';
import type { Version } from '../../shared/api/bills.ts';
import type { ArticleId } from '../../shared/ids.ts';
import { seedBillDocument } from '../../shared/collab/billDocument.ts';

/** A Yjs update holding the version's articles in the bill document's shape. */
export function billSeedUpdate(version: Version): Uint8Array {
  const doc = new Y.Doc();
  seedBillDocument(
    doc,
    version.articles.map((article) => ({
      articleId: article.articleId as ArticleId,
      number: article.number,
      sectionKey: article.sectionKey,
      status: article.status,
      alineas: article.alineas,
    })),
  );
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
