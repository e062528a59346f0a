import { describe, expect, it } from 'vitest';
import {
  cleanTextForDiff,
  codePointLength,
  computeSimilarity,
  computeSimilarityByArticles,
  countWords,
  pyStrip,
  stripText,
} from './normalize.ts';

describe('NORM1 stripText (La Fabrique strip_text)', () => {
  it('removes tags, collapses whitespace and trims', () => {
    expect(stripText('<p>Le  maire\n est <b>informé</b>.</p> ')).toBe('Le maire est informé.');
  });
  it('drops a trailing (Supprimé) / (Censuré) mark', () => {
    expect(stripText('Le présent article est abrogé. (Supprimé)')).toBe('Le présent article est abrogé.');
    expect(stripText('(Censuré)')).toBe('');
  });
  it('treats non-breaking spaces and tabs as Python whitespace', () => {
    expect(stripText('\u00a0Les mots : « à titre gratuit »\tsont supprimés ;')).toBe('Les mots : « à titre gratuit » sont supprimés ;');
  });
  it('pyStrip strips Python whitespace (U+001F, U+0085) but keeps U+FEFF', () => {
    expect(pyStrip('\u001f\u0085texte\u00a0')).toBe('texte');
    expect(pyStrip('\ufefftexte')).toBe('\ufefftexte');
  });
});

describe('NORM2 cleanTextForDiff (La Fabrique clean_text_for_diff)', () => {
  it('removes alinéa numbering, deleted marks and tags, folds accents, keeps [a-z0-9]', () => {
    const alineas = [
      'I. – Le code de la voirie routière est ainsi modifié :',
      '1° À la fin du premier alinéa, le mot : « commune » est remplacé par le mot : « intercommunalité » ;',
      '',
      '2° bis (Supprimé)',
      "<i>a)</i> Le <b>second</b> alinéa est complété par les mots : « ou de l'Élysée ».",
    ];
    expect(cleanTextForDiff(alineas)).toBe(
      'lecodedelavoirieroutiereestainsimodifie' +
        'lafindupremieralinealemotcommuneestremplaceparlemotintercommunalite' +
        // "a)" is not at the very start (a tag precedes it), so it stays.
        'alesecondalineaestcompleteparlesmotsoudelelysee',
    );
  });
  it('eats an accented capital after the numbering, like an unaccented one', () => {
    expect(cleanTextForDiff(['1° A la fin du premier alinéa'])).toBe(cleanTextForDiff(['1° À la fin du premier alinéa']));
    expect(cleanTextForDiff(['1° À la fin du premier alinéa'])).toBe('lafindupremieralinea');
  });
  it('removes composite numbering such as "III bis A. –"', () => {
    expect(cleanTextForDiff(['III bis A. – Les deux dernières phrases sont supprimées.'])).toBe('lesdeuxdernieresphrasessontsupprimees');
  });
  it('accepts a single string too', () => {
    expect(cleanTextForDiff('2° Le Sénat est saisi. (Censuré)')).toBe('lesenatestsaisi');
  });
});

describe('NORM3 countWords (La Fabrique count_words)', () => {
  it('splits on apostrophes and ignores punctuation', () => {
    expect(countWords("L'État transmet au Parlement, chaque année, un rapport.")).toBe(9);
  });
  it('glues hyphenated references ("321-3" is one word) and drops dots ("L." is "L")', () => {
    expect(countWords('Les articles L. 321-3 et L. 321-4 sont abrogés.')).toBe(9);
  });
  it('counts French quotation marks as words but not colons or exclamation marks', () => {
    expect(countWords('<p>Ceci : « voilà ! »</p>')).toBe(4);
  });
  it('returns 0 for blank text', () => {
    expect(countWords('  \n ')).toBe(0);
  });
});

describe('NORM4 similarity (diff-match-patch, no timeout)', () => {
  it('is equal characters over the longer length', () => {
    expect(computeSimilarity('abcdef', 'abcxef')).toBeCloseTo(5 / 6, 15);
    expect(computeSimilarity('lemaire', 'lemaire')).toBe(1);
    expect(computeSimilarity('', 'ajout')).toBe(0);
  });
  it('matches articles by title; unmatched articles only add to the denominator', () => {
    const first = new Map([['1', 'abcdef'], ['2', 'xyz']]);
    const last = new Map([['1', 'abcxef'], ['3', 'uvwx']]);
    expect(computeSimilarityByArticles(first, last)).toBeCloseTo(5 / 13, 15);
  });
  it('counts lengths in code points, as Python does', () => {
    expect(codePointLength('loi 🇫🇷')).toBe(6);
    expect(codePointLength('élu')).toBe(3);
  });
});
