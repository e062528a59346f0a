/**
 * Test fixtures for the anchors suites: bill documents seeded as the server seeds them, article
 * replacement (a re-import), and replica syncing.
 */
import * as Y from 'yjs';
import { articlesOf, seedBillDocument } from '../../shared/collab/billDocument.ts';
import type { ArticleId } from '../../shared/ids.ts';

/** A seeded bill document holding one article per entry, in order; each text is the alinéas joined with '\n'. */
export function billDoc(articles: Record<string, string>): Y.Doc {
  const doc = new Y.Doc();
  seedBillDocument(
    doc,
    Object.entries(articles).map(([id, text]) => ({
      articleId: id as ArticleId,
      number: id,
      sectionKey: null,
      status: null,
      alineas: text === '' ? [] : text.split('\n'),
    })),
  );
  return doc;
}

function articleMap(id: string, text: string): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', id);
  map.set('number', id);
  map.set('sectionKey', null);
  map.set('status', null);
  map.set('text', new Y.Text(text));
  return map;
}

/** Deletes an article's map and inserts a new one with the same id and `text` at the same place (a re-import). */
export function replaceArticle(doc: Y.Doc, articleId: string, text: string): void {
  const articles = articlesOf(doc);
  const at = articles.toArray().findIndex((map) => map.get('id') === articleId);
  if (at < 0) throw new Error(`replaceArticle: no article ${articleId}`);
  doc.transact(() => {
    articles.delete(at, 1);
    articles.insert(at, [articleMap(articleId, text)]);
  });
}

/** The article's Y.Text (the fixture knows it exists). */
export function textOf(doc: Y.Doc, articleId: string): Y.Text {
  const map = articlesOf(doc)
    .toArray()
    .find((article) => article.get('id') === articleId);
  const text = map?.get('text');
  if (!(text instanceof Y.Text)) throw new Error(`textOf: no article ${articleId}`);
  return text;
}

/** Sends each replica what the other lacks, as a network round trip would. */
export function syncReplicas(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

/** A replica of `doc` with its own client id, fully synced. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  syncReplicas(doc, replica);
  return replica;
}

/** Article id as the anchor functions type it. */
export const articleId = (id: string) => id as ArticleId;
