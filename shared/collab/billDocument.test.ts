import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ArticleId } from '../ids.ts';
import type { BillDocumentArticle } from './billDocument.ts';
import { articlesOf, checkBillDocument, readBillDocument, seedBillDocument, seedOrigin } from './billDocument.ts';

const articles: BillDocumentArticle[] = [
  {
    articleId: 'art-1' as ArticleId,
    number: '1er',
    sectionKey: 'T1',
    status: null,
    alineas: ['Le code est ainsi modifié :', '1° Après le mot « public », sont insérés les mots « et ouvert » ;'],
  },
  { articleId: 'art-3bisA' as ArticleId, number: '3 bis A', sectionKey: null, status: 'nouveau', alineas: ['Texte.'] },
  { articleId: 'art-4' as ArticleId, number: '4', sectionKey: 'T1', status: 'supprimé', alineas: [] },
];

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  seedBillDocument(doc, articles);
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Sends each document's missing changes to the other, as the server relays them. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

function textOf(doc: Y.Doc, index: number): Y.Text {
  return articlesOf(doc).get(index).get('text') as Y.Text;
}

describe('bill collaborative document', () => {
  it('COLLAB6 seeds in one transaction and round-trips through an encoded state', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    seedBillDocument(doc, articles);
    expect(origins).toEqual([seedOrigin]);
    expect(checkBillDocument(doc)).toEqual([]);
    expect(readBillDocument(doc)).toEqual(articles);
    const copy = copyOf(doc);
    expect(checkBillDocument(copy)).toEqual([]);
    expect(readBillDocument(copy)).toEqual(articles);
  });

  it('COLLAB6 refuses to seed twice or to seed text that would not read back', () => {
    expect(() => seedBillDocument(seeded(), articles)).toThrow(/already/);
    const withBreak = [{ ...articles[0]!, alineas: ['un\ndeux'] }];
    expect(() => seedBillDocument(new Y.Doc(), withBreak)).toThrow(/line break/);
    const badId = [{ ...articles[0]!, articleId: 'a/b' as ArticleId }];
    expect(() => seedBillDocument(new Y.Doc(), badId)).toThrow(/article id/);
  });

  it('COLLAB7 concurrent edits on two replicas converge and still read as articles', () => {
    const a = seeded();
    const b = copyOf(a);
    textOf(a, 0).insert(textOf(a, 0).length, '\n2° Un nouvel alinéa ;');
    textOf(b, 1).insert(0, 'Premier ');
    b.transact(() => {
      const map = new Y.Map<unknown>();
      map.set('id', 'art-5');
      map.set('number', '5');
      map.set('sectionKey', null);
      map.set('status', 'nouveau');
      map.set('text', new Y.Text('Inséré.'));
      articlesOf(b).push([map]);
    });
    exchange(a, b);
    expect(readBillDocument(a)).toEqual(readBillDocument(b));
    const merged = readBillDocument(a);
    expect(merged.map((article) => article.number)).toEqual(['1er', '3 bis A', '4', '5']);
    expect(merged[0]!.alineas).toHaveLength(3);
    expect(merged[1]!.alineas).toEqual(['Premier Texte.']);
    expect(checkBillDocument(a)).toEqual([]);
  });

  it('COLLAB7 concurrently adding the same article number is caught after merging', () => {
    const a = seeded();
    const b = copyOf(a);
    for (const [doc, id] of [
      [a, 'art-6a'],
      [b, 'art-6b'],
    ] as const) {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ id, number: '6', sectionKey: null, status: null })) map.set(key, value);
      map.set('text', new Y.Text(''));
      articlesOf(doc).push([map]);
      expect(checkBillDocument(doc)).toEqual([]);
    }
    exchange(a, b);
    expect(checkBillDocument(a)).toEqual([
      { at: 'articles[4].number', problem: 'duplicate number 6 (also at articles[3])' },
    ]);
    expect(() => readBillDocument(a)).toThrow(/duplicate number/);
  });

  it('COLLAB8 finds every kind of broken shape', () => {
    const doc = seeded();
    const list = articlesOf(doc);
    doc.transact(() => {
      list.get(0).set('number', 42);
      list.get(0).set('extra', true);
      list.get(1).delete('status');
      list.get(1).set('text', 'plain string');
      list.get(2).set('id', 'art-1');
      (list.get(2).get('text') as Y.Text).insertEmbed(0, { image: 'x' });
      (list as Y.Array<unknown>).push(['not a map']);
      doc.getMap('intruder').set('k', 1);
    });
    expect(checkBillDocument(doc)).toEqual(
      expect.arrayContaining([
        { at: 'intruder', problem: 'unexpected root type' },
        { at: 'articles[0].extra', problem: 'unexpected key' },
        { at: 'articles[0].number', problem: 'missing or empty number' },
        { at: 'articles[1].status', problem: 'missing' },
        { at: 'articles[1].text', problem: 'missing or not a Y.Text' },
        { at: 'articles[2].id', problem: 'duplicate id art-1 (also at articles[0])' },
        { at: 'articles[2].text', problem: 'contains embeds' },
        { at: 'articles[3]', problem: 'article is not a Y.Map' },
      ]),
    );
    expect(checkBillDocument(doc)).toHaveLength(8);
  });

  it('COLLAB8 a root arriving in an update with the wrong type is reported, not thrown', () => {
    const sender = new Y.Doc();
    sender.getMap('articles').set('id', 'x');
    const receiver = new Y.Doc();
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender));
    expect(checkBillDocument(receiver)).toEqual([{ at: 'articles', problem: 'root holds map entries' }]);
    const typed = new Y.Doc();
    typed.getMap('articles');
    expect(checkBillDocument(typed)).toEqual([{ at: 'articles', problem: 'root is not an array' }]);
  });
});
