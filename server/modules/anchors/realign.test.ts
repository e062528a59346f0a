import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, contextAround, type AnchorQuote } from '../../../shared/anchors/index.ts';
import { mulberry32, randomInt } from '../../../test/helpers/random.ts';
import { FuzzyMatcher, similarityBound } from './fuzzyMatch.ts';
import { MIN_SIMILARITY, realignAnchor } from './realign.ts';

/** The quote and alinéa an anchor on `exact` in `text` would have had. */
function quoteIn(text: string, exact: string, occurrence = 0): { quote: AnchorQuote; alinea: number } {
  let index = text.indexOf(exact);
  for (let skip = 0; skip < occurrence; skip += 1) index = text.indexOf(exact, index + 1);
  return {
    quote: { exact, ...contextAround(text, index, index + exact.length) },
    alinea: text.slice(0, index).split('\n').length,
  };
}

const covered = (text: string, found: { index: number; length: number }) =>
  text.slice(found.index, found.index + found.length);

const BEFORE =
  "I. – Les administrations publient les règles définissant les principaux traitements algorithmiques.\n" +
  'II. – Elles informent les usagers de la finalité du traitement ' +
  'et des données personnelles des usagers utilisées.\n' +
  "III. – Un décret en Conseil d'État précise les modalités d'application du présent article.";

describe('realignment by exact quote', () => {
  it('ANCHOR6 finds the exact quote wherever it moved, ok', () => {
    const anchor = quoteIn(BEFORE, 'finalité du traitement');
    const after = `Alinéa ajouté.\n${BEFORE}`;
    const found = realignAnchor(after, anchor);
    expect(found.status).toBe('ok');
    expect(covered(after, found)).toBe('finalité du traitement');
  });

  it('ANCHOR6 a quote repeated with no telling context is orphan, not guessed', () => {
    const text = 'Le ministre chargé de la santé. Le ministre chargé de la santé.';
    const anchor = { quote: { exact: 'ministre chargé', prefix: '', suffix: '' }, alinea: 1 };
    expect(realignAnchor(text, anchor)).toEqual({ status: 'orphan', index: 0, length: 0 });
  });
});

describe('realignment by fuzzy match', () => {
  it(`ANCHOR6 a passage with a word or two changed is found, drifted (similarity ≥ ${MIN_SIMILARITY})`, () => {
    const anchor = quoteIn(BEFORE, 'des données personnelles des usagers');
    const after = BEFORE.replace('données personnelles', 'données à caractère personnel');
    const found = realignAnchor(after, anchor);
    expect(found.status).toBe('drifted');
    expect(covered(after, found)).toBe('des données à caractère personnel des usagers');
  });

  it('ANCHOR6 changes at the start or the end of the quote still give whole words', () => {
    const anchor = quoteIn(BEFORE, 'les principaux traitements algorithmiques');
    const atStart = BEFORE.replace('les principaux traitements', 'des principaux traitements');
    expect(covered(atStart, realignAnchor(atStart, anchor))).toBe('des principaux traitements algorithmiques');
    const atEnd = BEFORE.replace('traitements algorithmiques', 'traitements automatisés');
    expect(covered(atEnd, realignAnchor(atEnd, anchor))).toBe('les principaux traitements automatisés');
  });

  it('ANCHOR6 a long quote edited in several places is found with its new edges', () => {
    const exact = BEFORE.slice(BEFORE.indexOf('Elles'), BEFORE.indexOf(' utilisées'));
    const anchor = quoteIn(BEFORE, exact);
    const after = BEFORE.replace('informent', 'doivent informer')
      .replace('finalité', 'finalité précise')
      .replace('personnelles des usagers', 'personnelles des personnes');
    const found = realignAnchor(after, anchor);
    expect(found.status).toBe('drifted');
    expect(covered(after, found)).toBe(
      'Elles doivent informer les usagers de la finalité précise du traitement ' +
        'et des données personnelles des personnes',
    );
  });

  it('ANCHOR6 never cuts an emoji, with emoji and « » around the edges', () => {
    const text = 'Le logo 😀 « officiel » est affiché 🇫🇷 sur les documents.';
    const anchor = quoteIn(text, '😀 « officiel » est affiché 🇫🇷');
    const after = text.replace('est affiché', 'sera affiché');
    const found = realignAnchor(after, anchor);
    expect(found.status).toBe('drifted');
    expect(covered(after, found)).toBe('😀 « officiel » sera affiché 🇫🇷');
  });

  it('ANCHOR6 rewritten or vanished passages are orphan', () => {
    const anchor = quoteIn(BEFORE, 'des données personnelles des usagers');
    const rewritten = BEFORE.replace('des données personnelles des usagers', 'de tout élément les concernant');
    expect(realignAnchor(rewritten, anchor).status).toBe('orphan');
    expect(realignAnchor('Article abrogé.', anchor).status).toBe('orphan');
    expect(realignAnchor('', anchor).status).toBe('orphan');
    const short = quoteIn(BEFORE, 'Elles');
    expect(realignAnchor(BEFORE.replace('Elles', 'Ils'), short).status).toBe('orphan');
  });

  it('ANCHOR6 an insertion point whose context changed a little is placed at the same junction', () => {
    const point = BEFORE.indexOf(' du présent article');
    const anchor = { quote: { exact: '', ...contextAround(BEFORE, point, point) }, alinea: 3 };
    const after = BEFORE.replace("d'application", "d'exécution").replace('article.', 'article, après avis.');
    const found = realignAnchor(after, anchor);
    expect(found).toMatchObject({ status: 'drifted', length: 0 });
    expect(after.slice(found.index)).toBe(' du présent article, après avis.');
    expect(realignAnchor('Rien à voir.', anchor).status).toBe('orphan');
  });
});

describe('realignment stays bounded on a 100 KB article', () => {
  const words = ['loi', 'décret', 'article', 'alinéa', 'État', 'commune', 'région', 'œuvre', '😀', 'santé', 'rapport'];
  const random = mulberry32(7);
  const bigText = Array.from({ length: 16_000 }, () => words[randomInt(random, words.length)]).join(' ');
  const quoted = (exact: string, suffix = '') => ({ quote: { exact, prefix: '', suffix }, alinea: 1 });
  const timed = (run: () => unknown) => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };

  it('ANCHOR7 fuzzy, orphan and degenerate cases each finish in well under a second', () => {
    expect(bigText.length).toBeGreaterThan(100_000);
    const passage = 'Le présent article entre en vigueur le premier jour du sixième mois suivant la promulgation.';
    const withPassage = `${bigText.slice(0, 90_000)} ${passage} ${bigText.slice(90_000)}`;
    const anchor = quoteIn(withPassage, passage);
    const edited = withPassage.replace('sixième mois', 'douzième mois');
    // A long passage (8,000 characters) with a word changed every 400 characters or so.
    const region = bigText.slice(50_000, 58_000);
    const editedRegion = region.replace(/(.{400}?)\bloi\b/gs, '$1lois');
    const rewrittenRegion = `${bigText.slice(0, 50_000)}${editedRegion}${bigText.slice(58_000)}`;
    const durations = [
      timed(() => {
        const found = realignAnchor(rewrittenRegion, quoteIn(bigText, region));
        expect(found.status).toBe('drifted');
        expect(Math.abs(found.index - 50_000)).toBeLessThan(10);
      }),
      timed(() => expect(realignAnchor(edited, { ...anchor, alinea: 1 }).status).toBe('drifted')),
      timed(() => expect(realignAnchor(bigText, anchor).status).toBe('orphan')),
      timed(() => realignAnchor('ab'.repeat(50_000), quoted('abba'.repeat(25)))),
      timed(() => realignAnchor('a'.repeat(100_000), quoted(`${'a'.repeat(5_000)}b`))),
      timed(() => realignAnchor(bigText, quoted(bigText.slice(0, 10_000).replace(/é/g, 'e')))),
      timed(() => realignAnchor(`${bigText}x`, quoted('e', 'x'.repeat(CONTEXT_LENGTH)))),
    ];
    for (const duration of durations) expect(duration).toBeLessThan(1_000);
  });
});

describe('similarity bound', () => {
  it('ANCHOR7 the linear screen never rejects what the diff would accept', () => {
    const random = mulberry32(3);
    const letters = 'aeiouéèç😀 «»';
    const word = (length: number) => Array.from({ length }, () => letters[randomInt(random, letters.length)]).join('');
    const matcher = new FuzzyMatcher('');
    const edit = (text: string) => text.replace(/[aeiou]/g, (c) => (random() < 0.3 ? 'x' : c));
    for (let round = 0; round < 200; round += 1) {
      // Short texts are compared character by character, long ones (≥ 1,000) word by word.
      const size = round % 2 === 0 ? 40 : 1_500;
      const a = word(1 + randomInt(random, size));
      const b = random() < 0.5 ? word(1 + randomInt(random, size)) : edit(a);
      expect(similarityBound(a, b)).toBeGreaterThanOrEqual(matcher.similarity(a, b) - 1e-9);
    }
  });
});
