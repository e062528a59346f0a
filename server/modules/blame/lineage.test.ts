import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedBillDocument } from '../../../shared/collab/billDocument.ts';
import type { ArticleId } from '../../../shared/ids.ts';
import { wordDiff } from '../../../shared/text/wordDiff.ts';
import { type AttributedText, type AttributedVersion, attributeVersion, type LineageArticle, Origins, type Writer } from './lineage.ts';
import { attributeLiveText } from './liveAttribution.ts';

const diff = (pairs: readonly (readonly [string, string])[]) => Promise.resolve(pairs.map(([before, after]) => wordDiff(before, after, 1_000)));
const alice: Writer = { kind: 'user', id: 'alice', actorId: null };
const bob: Writer = { kind: 'user', id: 'bob', actorId: null };

/** Each word of an attributed text (blanks left out) with its step and writer. */
function words(attributed: AttributedText): [string, number, string | null][] {
  const out: [string, number, string | null][] = [];
  let at = 0;
  for (const { length, origin } of attributed.runs) {
    for (const word of attributed.text.slice(at, at + length).split(/\s+/u)) if (word !== '') out.push([word, origin.step, origin.writer?.id ?? null]);
    at += length;
  }
  return out;
}

const article = (articleId: string, text: string, extra: Partial<LineageArticle> = {}): LineageArticle => ({ articleId, lineageId: null, text, spans: null, ...extra });

describe('blame lineage', () => {
  it('BLAME1 kept words keep their step, inserted words get the new one; runs rebuild the text', async () => {
    const origins = new Origins();
    const first = await attributeVersion(null, [article('a', 'Le texte initial')], 0, diff, origins);
    const second = await attributeVersion(first, [article('a', 'Le texte initial modifié')], 1, diff, origins);
    const third = await attributeVersion(second, [article('a', 'Le nouveau texte initial modifié')], 2, diff, origins);
    const [result] = third.articles as [AttributedText];
    expect(words(result)).toEqual([
      ['Le', 0, null],
      ['nouveau', 2, null],
      ['texte', 0, null],
      ['initial', 0, null],
      ['modifié', 1, null],
    ]);
    expect(result.runs.reduce((n, run) => n + run.length, 0)).toBe(result.text.length);
  });

  it('BLAME3 words new at a version take the writer of most of their characters, blanks follow their word', async () => {
    const origins = new Origins();
    const first = await attributeVersion(null, [article('a', 'Un deux trois')], 0, diff, origins);
    const text = 'Un deux quatre trois cinq';
    // "quatre " typed by alice; "cinq" typed by bob except its last letter, which nobody known typed.
    const spans = [
      { from: 8, to: 15, ...alice },
      { from: 21, to: 24, ...bob },
    ];
    const second = await attributeVersion(first, [article('a', text, { spans })], 1, diff, origins);
    expect(words(second.articles[0] as AttributedText)).toEqual([
      ['Un', 0, null],
      ['deux', 0, null],
      ['quatre', 1, 'alice'],
      ['trois', 0, null],
      ['cinq', 1, 'bob'],
    ]);
  });

  it('BLAME3 an article keeps its attribution when renumbered (found by its live-document id), and an article a text leaves out is found again', async () => {
    const origins = new Origins();
    const first = await attributeVersion(null, [article('n2', 'Deuxième article.'), article('n3', 'Troisième article')], 0, diff, origins);
    // Version 2 only lists article n3, renumbered: its id by number is now n4, its live-document id still n3.
    const second = await attributeVersion(first, [article('n4', 'Troisième article', { lineageId: 'n3' })], 1, diff, origins);
    const third: AttributedVersion = await attributeVersion(second, [article('n2', 'Deuxième article.'), article('n4', 'Troisième article complété', { lineageId: 'n3' })], 2, diff, origins);
    expect(words(third.articles[0] as AttributedText).map(([, step]) => step)).toEqual([0, 0]);
    expect(words(third.articles[1] as AttributedText)).toEqual([
      ['Troisième', 0, null],
      ['article', 0, null],
      ['complété', 2, null],
    ]);
  });

  it('BLAME4 a deleted article that comes back counts as new at the step that restored it', async () => {
    const origins = new Origins();
    const first = await attributeVersion(null, [article('a', 'Texte.')], 0, diff, origins);
    const second = await attributeVersion(first, [article('a', '')], 1, diff, origins);
    const third = await attributeVersion(second, [article('a', 'Texte.')], 2, diff, origins);
    expect(words(third.articles[0] as AttributedText)).toEqual([['Texte.', 2, null]]);
  });

  it('BLAME2 the live text gives each known client id its spans; unknown clients none', () => {
    const doc = new Y.Doc();
    seedBillDocument(doc, [{ articleId: 'a1' as ArticleId, number: '1er', sectionKey: null, status: null, alineas: ['Texte initial.'] }]);
    const text = doc.getArray<Y.Map<unknown>>('articles').get(0).get('text') as Y.Text;
    const typist = new Y.Doc();
    Y.applyUpdate(typist, Y.encodeStateAsUpdate(doc));
    const typed = typist.getArray<Y.Map<unknown>>('articles').get(0).get('text') as Y.Text;
    typed.insert(6, 'très ');
    typed.delete(0, 1);
    typed.insert(0, 'T');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(typist));
    expect(text.toJSON()).toBe('Texte très initial.');
    const [attribution] = attributeLiveText(doc, new Map([[typist.clientID, alice]]));
    expect(attribution).toEqual({
      docArticleId: 'a1',
      textLength: 19,
      spans: [
        { from: 0, to: 1, ...alice },
        { from: 6, to: 11, ...alice },
      ],
    });
  });
});
