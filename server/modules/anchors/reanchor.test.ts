import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ArticleId } from '../../../shared/ids.ts';
import { createAnchor, resolveAnchor, type Anchor } from '../../../shared/anchors/index.ts';
import { mulberry32, randomInt } from '../../../test/helpers/random.ts';
import { articlesOf, seedBillDocument, type BillDocumentArticle } from '../../../shared/collab/billDocument.ts';
import { reanchor, resolveAnchorOnServer } from './index.ts';

const A1 = 'a1' as ArticleId;
const ALINEAS = [
  'I. – Les administrations publient les règles définissant les principaux traitements algorithmiques.',
  'II. – Elles informent les usagers de la finalité du traitement et des données personnelles des usagers utilisées.',
  "III. – Un décret en Conseil d'État précise les modalités d'application du présent article.",
];

function seeded(alineas: string[]): Y.Doc {
  const doc = new Y.Doc();
  const article: BillDocumentArticle = { articleId: A1, number: '1er', sectionKey: null, status: null, alineas };
  seedBillDocument(doc, [article]);
  return doc;
}

function anchorOn(doc: Y.Doc, words: string): Anchor {
  const text = ALINEAS.join('\n');
  return createAnchor(doc, A1, text.indexOf(words), words.length);
}

/** Replaces the article's text by a new Y.Text, as re-seeding a version does. */
function reseedText(doc: Y.Doc, alineas: string[]) {
  articlesOf(doc).get(0).set('text', new Y.Text(alineas.join('\n')));
}

describe('resolving on the server', () => {
  it('ANCHOR6 a re-seeded document with edited words re-anchors them drifted (shared/ alone: orphan)', () => {
    const anchor = anchorOn(seeded(ALINEAS), 'des données personnelles des usagers');
    const reimported = seeded([ALINEAS[0]!, ALINEAS[1]!.replace('personnelles', 'à caractère personnel'), ALINEAS[2]!]);
    expect(resolveAnchor(reimported, anchor).status).toBe('orphan');
    expect(resolveAnchorOnServer(reimported, anchor)).toMatchObject({
      status: 'drifted',
      text: 'des données à caractère personnel des usagers',
      alinea: 2,
      realigned: true,
    });
  });

  it('ANCHOR6 while the positions apply they win over the quote, even if the words occur elsewhere', () => {
    const doc = seeded(ALINEAS);
    const anchor = anchorOn(doc, 'les usagers');
    const text = articlesOf(doc).get(0).get('text') as Y.Text;
    text.insert(0, 'Elles informent les usagers. ');
    expect(resolveAnchorOnServer(doc, anchor)).toMatchObject({ status: 'ok', alinea: 2, realigned: false });
  });
});

describe('reanchor', () => {
  it('ANCHOR8 gives fresh positions into the new text, keeping the words the author quoted', () => {
    const doc = seeded(ALINEAS);
    const anchor = anchorOn(doc, 'des données personnelles des usagers');
    reseedText(doc, [ALINEAS[0]!, ALINEAS[1]!.replace('personnelles', 'à caractère personnel'), ALINEAS[2]!]);
    const { anchor: fresh, resolved } = reanchor(doc, anchor);
    expect(resolved).toMatchObject({ status: 'drifted', realigned: true });
    expect(fresh.start).not.toBe(anchor.start);
    expect(fresh.quote.exact).toBe(anchor.quote.exact);
    expect(fresh.quote.prefix).toBe(anchor.quote.prefix);
    const again = resolveAnchorOnServer(doc, fresh);
    expect(again).toMatchObject({ status: 'drifted', index: resolved.index, length: resolved.length });
    expect(again.realigned).toBe(false);
    const text = articlesOf(doc).get(0).get('text') as Y.Text;
    text.insert(0, 'Alinéa inséré.\n');
    expect(resolveAnchorOnServer(doc, fresh)).toMatchObject({ text: resolved.text, alinea: 3, realigned: false });
  });

  it('ANCHOR8 an exact re-anchor becomes ok by positions, and anchors still attached are returned unchanged', () => {
    const doc = seeded(ALINEAS);
    const anchor = anchorOn(doc, "décret en Conseil d'État");
    expect(reanchor(doc, anchor).anchor).toBe(anchor);
    reseedText(doc, ['Nouvel alinéa.', ...ALINEAS]);
    const { anchor: fresh, resolved } = reanchor(doc, anchor);
    expect(resolved).toMatchObject({ status: 'ok', alinea: 4, realigned: true });
    expect(fresh).toEqual(createAnchor(doc, A1, resolved.index, resolved.length));
    expect(resolveAnchor(doc, fresh)).toMatchObject({ status: 'ok', realigned: false });
  });

  it('ANCHOR8 an orphan stays as it was', () => {
    const doc = seeded(ALINEAS);
    const anchor = anchorOn(doc, 'des données personnelles des usagers');
    reseedText(doc, ['Article abrogé.']);
    expect(reanchor(doc, anchor)).toMatchObject({ anchor, resolved: { status: 'orphan', realigned: true } });
    articlesOf(doc).delete(0, 1);
    expect(reanchor(doc, anchor)).toMatchObject({ anchor, resolved: { status: 'orphan', realigned: false } });
  });
});

const WORDS = ['règles', 'données', 'traitement', 'usagers', 'décret', '«', '»', 'État', 'œuvre', 'ministre', 'santé'];
const words = (random: () => number, count: number) =>
  Array.from({ length: count }, () => WORDS[randomInt(random, WORDS.length)]).join(' ');

describe('random re-seeding with a change inside the range', () => {
  it.each(Array.from({ length: 30 }, (_, i) => i + 1))(
    'ANCHOR6 seed %i: one word replaced inside a range re-anchors drifted on the edited words',
    (seed) => {
      const random = mulberry32(seed);
      const head = `${words(random, 15)} `;
      const inner = words(random, 8).split(' ');
      const tail = ` ${words(random, 15)}`;
      const exact = inner.join(' ');
      const doc = seeded([head + exact + tail]);
      const anchor = createAnchor(doc, A1, head.length, exact.length);
      const changed = [...inner];
      changed[1 + randomInt(random, inner.length - 2)] = 'modifié';
      const newExact = changed.join(' ');
      reseedText(doc, [head + newExact + tail]);
      const resolved = resolveAnchorOnServer(doc, anchor);
      expect(resolved.status).toBe(newExact === exact ? 'ok' : 'drifted');
      expect(resolved.text).toBe(newExact);
    },
  );
});
