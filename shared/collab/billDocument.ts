/**
 * The shape of a `bill:<id>` Yjs document (shared: the server seeds and checks it, browsers edit it): one root array
 * of articles, each a map whose `text` is a single Y.Text
 * holding the alinéas joined with '\n', so an amendment can anchor to a relative position inside one article's text.
 * Only rapporteurs write it, through clients that keep this shape; checkBillDocument guards what matters: a text is
 * published as a version only when the document has this shape.
 */
import * as Y from 'yjs';
import type { ArticleId } from '../ids.ts';

/** Name of the root array holding the articles, in order. */
export const articlesKey = 'articles';
/**
 * Name of the root map recording which amendments were applied to the text (amendment id → true). Adopting writes
 * it in the same Yjs transaction as the change, so applying an amendment twice (a retry after a crash) does nothing.
 */
export const adoptionsKey = 'adoptions';
/** Transaction origin of seeding, so observers (persistence, ledger) can tell it from a client's edit. */
export const seedOrigin = 'seed';

/** The keys every article map holds, and nothing else. */
const articleKeys = ['id', 'number', 'sectionKey', 'status', 'text'] as const;
/** Same charset as document ids: article ids travel in paths and anchors. */
const idPattern = /^[A-Za-z0-9_-]{1,100}$/;

/** An article as seeded into and read back from a bill document. */
export interface BillDocumentArticle {
  articleId: ArticleId;
  number: string;
  sectionKey: string | null;
  status: string | null;
  alineas: string[];
}

/** One way a document departs from the bill shape; `at` says where (e.g. `articles[2].number`). */
export interface BillShapeProblem {
  at: string;
  problem: string;
}

/** The document's articles array (creating the root type if the document is new). */
export function articlesOf(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(articlesKey);
}

/**
 * Fills an empty document with a bill's articles, in one transaction. Alinéas must not contain '\n' (the separator);
 * an article with no alinéas has an empty text, and an empty text reads back as no alinéas.
 */
export function seedBillDocument(doc: Y.Doc, articles: readonly BillDocumentArticle[]): void {
  for (const article of articles) {
    if (!idPattern.test(article.articleId)) throw new Error(`seedBillDocument: invalid article id ${article.articleId}`);
    if (article.alineas.some((alinea) => alinea.includes('\n'))) {
      throw new Error(`seedBillDocument: an alinéa of article ${article.number} contains a line break`);
    }
  }
  // Even creating the root type opens a transaction, so everything happens inside the one tagged 'seed'.
  doc.transact(() => {
    const array = articlesOf(doc);
    if (array.length > 0) throw new Error('seedBillDocument: the document already holds articles');
    array.push(
      articles.map((article) => {
        const map = new Y.Map<unknown>();
        map.set('id', article.articleId);
        map.set('number', article.number);
        map.set('sectionKey', article.sectionKey);
        map.set('status', article.status);
        map.set('text', new Y.Text(article.alineas.join('\n')));
        return map;
      }),
    );
  }, seedOrigin);
}

/** The document's record of applied amendments. */
export function adoptionsOf(doc: Y.Doc): Y.Map<boolean> {
  return doc.getMap<boolean>(adoptionsKey);
}

/** Reads the articles back; throws if the document is not bill-shaped (call checkBillDocument first to know why). */
export function readBillDocument(doc: Y.Doc): BillDocumentArticle[] {
  const problems = checkBillDocument(doc);
  if (problems.length > 0) {
    throw new Error(`readBillDocument: ${problems.map((p) => `${p.at}: ${p.problem}`).join('; ')}`);
  }
  return articlesOf(doc)
    .toArray()
    .map((map) => {
      const text = (map.get('text') as Y.Text).toJSON();
      return {
        articleId: map.get('id') as ArticleId,
        number: map.get('number') as string,
        sectionKey: map.get('sectionKey') as string | null,
        status: map.get('status') as string | null,
        alineas: text === '' ? [] : text.split('\n'),
      };
    });
}

const isStringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';

function checkArticle(map: Y.Map<unknown>, at: string, problems: BillShapeProblem[]): void {
  const report = (key: string, problem: string) => problems.push({ at: `${at}.${key}`, problem });
  for (const key of map.keys()) if (!(articleKeys as readonly string[]).includes(key)) report(key, 'unexpected key');
  const id = map.get('id');
  if (typeof id !== 'string' || !idPattern.test(id)) report('id', 'missing or invalid article id');
  const number = map.get('number');
  if (typeof number !== 'string' || number.trim() === '') report('number', 'missing or empty number');
  for (const key of ['sectionKey', 'status'] as const) {
    if (!map.has(key)) report(key, 'missing');
    else if (!isStringOrNull(map.get(key))) report(key, 'must be a string or null');
  }
  const text = map.get('text');
  if (!(text instanceof Y.Text)) {
    problems.push({ at: `${at}.text`, problem: 'missing or not a Y.Text' });
  } else if ((text.toDelta() as { insert?: unknown }[]).some((op) => typeof op.insert !== 'string')) {
    // Embeds would be invisible in the alinéas and lost on save.
    problems.push({ at: `${at}.text`, problem: 'contains embeds' });
  }
}

/**
 * Lists every way the document departs from the bill shape (empty when it conforms): foreign root types, articles
 * that are not maps, missing or mistyped fields, unexpected keys, duplicate article ids or numbers. Concurrent edits
 * can produce duplicates even when each client checked locally, so the server checks after merging too.
 */
export function checkBillDocument(doc: Y.Doc): BillShapeProblem[] {
  const problems: BillShapeProblem[] = [];
  for (const name of doc.share.keys()) {
    if (name !== articlesKey && name !== adoptionsKey) problems.push({ at: name, problem: 'unexpected root type' });
  }
  const root = doc.share.get(articlesKey);
  if (root === undefined) return problems;
  // Roots arriving in updates are untyped until first read; one already typed otherwise cannot become an array.
  if (!(root instanceof Y.Array) && root.constructor !== Y.AbstractType) {
    problems.push({ at: articlesKey, problem: 'root is not an array' });
    return problems;
  }
  // An update may have used the root name as a map; it must only ever hold array items.
  if (root._map.size > 0) problems.push({ at: articlesKey, problem: 'root holds map entries' });
  const ids = new Map<unknown, number>();
  const numbers = new Map<unknown, number>();
  articlesOf(doc).forEach((item: unknown, index) => {
    const at = `${articlesKey}[${index}]`;
    if (!(item instanceof Y.Map)) {
      problems.push({ at, problem: 'article is not a Y.Map' });
      return;
    }
    const map = item as Y.Map<unknown>;
    checkArticle(map, at, problems);
    for (const [key, seen] of [
      ['id', ids],
      ['number', numbers],
    ] as const) {
      const value = map.get(key);
      if (typeof value !== 'string') continue;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else problems.push({ at: `${at}.${key}`, problem: `duplicate ${key} ${value} (also at ${articlesKey}[${first}])` });
    }
  });
  return problems;
}
