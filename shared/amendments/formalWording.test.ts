import { describe, expect, it } from 'vitest';
import { type FormalAmendment, formalHeader, formalWording } from './formalWording.ts';
import { alineaBlocks, occurrences, wordChanges } from './textChanges.ts';
import { nounOf, ordinal, roman, wordCount } from './typography.ts';

/** Expected wording with `~` for the no-break spaces (inside « », before colons, after « alinéa » and « n° »). */
const nb = (text: string) => text.replaceAll('~', '\u00a0');

// Our own example article (four alinéas); "bibliothèque" occurs twice in alinéa 3, "la bibliothèque" once (case counts).
const ARTICLE = [
  'Chaque commune peut ouvrir une bibliothèque.',
  'Le conseil municipal fixe les horaires pour une durée de trois ans.',
  'La bibliothèque prête des livres et la bibliothèque organise des lectures.',
  'Un décret précise les modalités.',
].join('\n');

const placement = { articleNumber: '4', afterArticleNumber: null, beforeArticleNumber: null };

function wording(kind: string, before: string, after: string, extra: Partial<FormalAmendment> = {}) {
  return formalWording({ kind, ...placement, newArticleNumber: null, before, after, parent: null, ...extra });
}
/** The dispositif of a change to ARTICLE, written as `edit(ARTICLE)`. */
const dispositif = (kind: string, edit: (text: string) => string) => wording(kind, ARTICLE, edit(ARTICLE)).dispositif;

describe('AMEND7 formal wording of an amendment', () => {
  it('AMEND7 a replacement substitutes « au mot » one word and « aux mots » several, with French quotes and no-break spaces', () => {
    expect(dispositif('replace', (t) => t.replace('trois', 'cinq'))).toEqual([nb('À l’alinéa~2, substituer au mot~: «~trois~» le mot~: «~cinq~».')]);
    expect(dispositif('replace', (t) => t.replace('trois ans', 'six mois'))).toEqual([
      nb('À l’alinéa~2, substituer aux mots~: «~trois ans~» les mots~: «~six mois~».'),
    ]);
    expect(dispositif('replace', (t) => t.replace('trois', 'deux ou trois'))[0]).toBe(nb('À l’alinéa~2, après le mot~: «~de~», insérer les mots~: «~deux ou~».'));
    const [line] = dispositif('replace', (t) => t.replace('trois', 'cinq'));
    expect(line).toContain('\u00ab\u00a0trois\u00a0\u00bb');
    expect(line).toContain('mot\u00a0:');
  });

  it('AMEND7 numbers are « le nombre », an elision is two words, a quote never cuts a word', () => {
    expect(wording('replace', 'Le délai est de 30 jours.', 'Le délai est de 45 jours.').dispositif).toEqual([nb('Substituer au nombre~: «~30~» le nombre~: «~45~».')]);
    expect(wording('replace', 'Le rapport de l’État est public.', 'Le rapport de l’Agence est public.').dispositif).toEqual([
      nb('Substituer aux mots~: «~l’État~» les mots~: «~l’Agence~».'),
    ]);
  });

  it('AMEND7 an insertion names the word it follows, at the start of an alinéa « Au début de », at its end « Compléter »', () => {
    expect(dispositif('insert', (t) => t.replace('fixe les horaires', 'fixe chaque année les horaires'))).toEqual([
      nb('À l’alinéa~2, après le mot~: «~fixe~», insérer les mots~: «~chaque année~».'),
    ]);
    expect(dispositif('insert', (t) => t.replace('Un décret', 'Au besoin, un décret'))).toEqual([
      nb('À l’alinéa~4, substituer au mot~: «~Un~» les mots~: «~Au besoin, un~».'),
    ]);
    expect(dispositif('insert', (t) => t.replace('Chaque commune', 'Désormais Chaque commune'))).toEqual([
      nb('Au début de l’alinéa~1, insérer le mot~: «~Désormais~».'),
    ]);
    expect(dispositif('insert', (t) => t.replace('les modalités.', 'les modalités. Il est pris après concertation.'))).toEqual([
      nb('Compléter l’alinéa~4 par une phrase ainsi rédigée~: «~Il est pris après concertation.~»'),
    ]);
    expect(wording('insert', 'Le maire décide', 'Le maire décide seul').dispositif).toEqual([nb('Compléter cet article par le mot~: «~seul~».')]);
  });

  it('AMEND7 repeated words: an insertion quotes enough words to be unique, a replacement names its occurrence', () => {
    expect(dispositif('insert', (t) => t.replace('et la bibliothèque', 'et la bibliothèque municipale'))).toEqual([
      nb('À l’alinéa~3, après les mots~: «~la bibliothèque~», insérer le mot~: «~municipale~».'),
    ]);
    expect(dispositif('replace', (t) => t.replace('et la bibliothèque', 'et la médiathèque'))).toEqual([
      nb('À l’alinéa~3, substituer à la seconde occurrence du mot~: «~bibliothèque~» le mot~: «~médiathèque~».'),
    ]);
    expect(dispositif('delete', (t) => t.replace('La bibliothèque prête', 'La prête'))).toEqual([
      nb('À l’alinéa~3, supprimer la première occurrence du mot~: «~bibliothèque~».'),
    ]);
    // Up to three words to be unique; beyond, the last word and its occurrence.
    expect(wording('insert', 'a b a b c', 'a b a b x c').dispositif).toEqual([nb('Après les mots~: «~b a b~», insérer le mot~: «~x~».')]);
    expect(wording('insert', 'b b b b c', 'b b b b x c').dispositif).toEqual([nb('Après la quatrième occurrence du mot~: «~b~», insérer le mot~: «~x~».')]);
    // "mot" inside "mots" is not an occurrence of it.
    expect(wording('replace', 'Les mots et le mot.', 'Les mots et le terme.').dispositif).toEqual([nb('Substituer au mot~: «~mot~» le mot~: «~terme~».')]);
  });

  it('AMEND7 deletions: « supprimer les mots », and « Supprimer l’alinéa 3. » when the whole alinéa goes', () => {
    expect(dispositif('delete', (t) => t.replace(' pour une durée de trois ans', ''))).toEqual([
      nb('À l’alinéa~2, supprimer les mots~: «~pour une durée de trois ans~».'),
    ]);
    expect(dispositif('delete', (t) => t.replace('La bibliothèque prête des livres et la bibliothèque organise des lectures.\n', ''))).toEqual([
      nb('Supprimer l’alinéa~3.'),
    ]);
    expect(dispositif('delete', (t) => t.split('\n').slice(0, 1).join('\n'))).toEqual([nb('Supprimer les alinéas~2 à 4.')]);
    expect(dispositif('delete', (t) => t.split('\n').slice(0, 2).join('\n'))).toEqual([nb('Supprimer les alinéas~3 et 4.')]);
  });

  it('AMEND7 a new wording of an alinéa « Rédiger ainsi », new alinéas « insérer un alinéa ainsi rédigé »', () => {
    expect(dispositif('replace', (t) => t.replace('Le conseil municipal fixe les horaires pour une durée de trois ans.', 'Les horaires sont affichés.'))).toEqual([
      nb('Rédiger ainsi l’alinéa~2~:'),
      nb('«~Les horaires sont affichés.~»'),
    ]);
    expect(dispositif('insert', (t) => t.replace('\nUn décret', '\nLe prêt est gratuit.\nUn décret'))).toEqual([
      nb('Après l’alinéa~3, insérer un alinéa ainsi rédigé~:'),
      nb('«~Le prêt est gratuit.~»'),
    ]);
    expect(dispositif('insert', (t) => `${t}\nLe prêt est gratuit.\nL’inscription aussi.`)).toEqual([
      nb('Compléter cet article par deux alinéas ainsi rédigés~:'),
      nb('«~Le prêt est gratuit.'),
      nb('«~L’inscription aussi.~»'),
    ]);
    expect(dispositif('insert', (t) => `I. – Dispositions générales.\n${t}`)).toEqual([
      nb('Avant l’alinéa~1, insérer un alinéa ainsi rédigé~:'),
      nb('«~I. – Dispositions générales.~»'),
    ]);
    expect(dispositif('replace', (t) => t.replace('Un décret précise les modalités.', 'Un décret fixe la liste.\nUn arrêté fixe le reste.'))).toEqual([
      nb('Remplacer l’alinéa~4 par deux alinéas ainsi rédigés~:'),
      nb('«~Un décret fixe la liste.'),
      nb('«~Un arrêté fixe le reste.~»'),
    ]);
  });

  it('AMEND7 several changes are numbered « I. – », « II. – », each naming its alinéa in the numbering of the text as it stands', () => {
    const edit = (t: string) => t.replace('trois ans', 'cinq ans').replace('Un décret précise les modalités.\n', '').replace('Chaque commune', 'Chaque intercommunalité');
    const text = `${ARTICLE}\nLe présent article entre en vigueur en 2030.`;
    expect(wording('replace', text, edit(text)).dispositif).toEqual([
      nb('I.~–~À l’alinéa~1, substituer au mot~: «~commune~» le mot~: «~intercommunalité~».'),
      nb('II.~–~À l’alinéa~2, substituer au mot~: «~trois~» le mot~: «~cinq~».'),
      nb('III.~–~Supprimer l’alinéa~4.'),
    ]);
    // Changes a couple of words apart are quoted as one.
    expect(dispositif('replace', (t) => t.replace('Le conseil municipal fixe', 'Le maire seul fixe'))).toEqual([
      nb('À l’alinéa~2, substituer aux mots~: «~conseil municipal~» les mots~: «~maire seul~».'),
    ]);
    // More than three separate changes in one alinéa: its new wording reads more clearly.
    const many = ARTICLE.replace('Le conseil municipal fixe les horaires pour une durée de trois ans.', 'Un conseil local fixe des horaires pendant une durée de cinq mois.');
    expect(wording('replace', ARTICLE, many).dispositif).toEqual([nb('Rédiger ainsi l’alinéa~2~:'), nb('«~Un conseil local fixe des horaires pendant une durée de cinq mois.~»')]);
  });

  it('AMEND7 a rewritten article « Rédiger ainsi cet article », a deleted one « Supprimer cet article. »', () => {
    expect(wording('rewrite_article', ARTICLE, 'Les communes ouvrent une bibliothèque.\nUn décret précise les modalités.')).toEqual({
      header: 'ARTICLE 4',
      dispositif: [nb('Rédiger ainsi cet article~:'), nb('«~Les communes ouvrent une bibliothèque.'), nb('«~Un décret précise les modalités.~»')],
    });
    // A rédaction globale stays one, however few words change (it makes the others on the article fall).
    expect(wording('rewrite_article', 'Le délai est de trois ans.', 'Le délai est de cinq ans.').dispositif).toEqual([
      nb('Rédiger ainsi cet article~:'),
      nb('«~Le délai est de cinq ans.~»'),
    ]);
    expect(wording('delete_article', ARTICLE, '')).toEqual({ header: 'ARTICLE 4', dispositif: ['Supprimer cet article.'] });
  });

  it('AMEND7 an additional article: its header names where it goes and its text starts with its number', () => {
    const added = { articleNumber: null, afterArticleNumber: '2', newArticleNumber: '2 bis' };
    expect(wording('add_article', '', 'Les bibliothèques sont gratuites.\nUn décret fixe les exceptions.', added)).toEqual({
      header: 'ARTICLE ADDITIONNEL APRÈS L’ARTICLE 2',
      dispositif: [
        nb('Après l’article~2, insérer un article ainsi rédigé~:'),
        nb('«~Article 2 bis'),
        nb('«~Les bibliothèques sont gratuites.'),
        nb('«~Un décret fixe les exceptions.~»'),
      ],
    });
    const first = { articleNumber: null, afterArticleNumber: null, beforeArticleNumber: '1er', newArticleNumber: '1er A' };
    expect(wording('add_article', '', 'Texte.', first)).toEqual({
      header: 'ARTICLE ADDITIONNEL AVANT L’ARTICLE PREMIER',
      dispositif: [nb('Avant l’article~1er, insérer un article ainsi rédigé~:'), nb('«~Article 1er A'), nb('«~Texte.~»')],
    });
  });

  it('AMEND7 headers: « ARTICLE 3 », « ARTICLE PREMIER », « ARTICLE 2 BIS »', () => {
    expect(formalHeader({ kind: 'replace', articleNumber: '3', afterArticleNumber: null, beforeArticleNumber: null })).toBe('ARTICLE 3');
    expect(formalHeader({ kind: 'delete', articleNumber: '1er', afterArticleNumber: null, beforeArticleNumber: null })).toBe('ARTICLE PREMIER');
    expect(formalHeader({ kind: 'insert', articleNumber: '2 bis', afterArticleNumber: null, beforeArticleNumber: null })).toBe('ARTICLE 2 BIS');
    expect(formalHeader({ kind: 'add_article', articleNumber: null, afterArticleNumber: null, beforeArticleNumber: null })).toBe('ARTICLE ADDITIONNEL');
  });

  it('AMEND7 a sous-amendement words its change to the parent’s dispositif « de l’amendement n° 12 », under the parent’s header', () => {
    const parent = { number: '12', placement: { kind: 'replace', articleNumber: '3', afterArticleNumber: null, beforeArticleNumber: null } };
    const sub = (before: string, after: string) => wording('sub_amendment', before, after, { articleNumber: null, parent });
    expect(sub('dans un délai de six mois', 'dans un délai raisonnable')).toEqual({
      header: 'ARTICLE 3',
      dispositif: [nb('À l’amendement n°~12, substituer aux mots~: «~de six mois~» le mot~: «~raisonnable~».')],
    });
    expect(sub('Premier alinéa proposé.\nSecond alinéa proposé.', 'Premier alinéa proposé.\nSecond alinéa proposé et amendé.').dispositif).toEqual([
      nb('À l’alinéa~2 de l’amendement n°~12, après le mot~: «~proposé~», insérer les mots~: «~et amendé~».'),
    ]);
    expect(sub('Premier.\nSecond.\nTroisième.', 'Premier.\nTroisième.').dispositif).toEqual([nb('Supprimer l’alinéa~2 de l’amendement n°~12.')]);
    expect(sub('Premier.', 'Premier.\nAjouté.').dispositif).toEqual([nb('Compléter l’amendement n°~12 par un alinéa ainsi rédigé~:'), nb('«~Ajouté.~»')]);
    const added = { number: '7', placement: { kind: 'add_article', articleNumber: null, afterArticleNumber: '2', beforeArticleNumber: null } };
    expect(wording('sub_amendment', 'Texte.', 'Texte modifié.', { parent: added }).header).toBe('ARTICLE ADDITIONNEL APRÈS L’ARTICLE 2');
  });

  it('AMEND7 no change, no dispositif', () => {
    expect(wording('replace', ARTICLE, ARTICLE).dispositif).toEqual([]);
  });
});

describe('AMEND7 building blocks', () => {
  it('AMEND7 alinéas align on those left as they were; word changes widen to whole words and join across a couple of words', () => {
    expect(alineaBlocks(['a', 'b', 'c'], ['a', 'x', 'y', 'c'])).toEqual([{ from: 1, removed: ['b'], added: ['x', 'y'] }]);
    expect(wordChanges('de l’État et', 'de l’Union et')).toEqual([{ start: 3, end: 9, deleted: 'l’État', inserted: 'l’Union' }]);
    expect(wordChanges('les uns et les autres', 'les unes et les autres ici').map((c) => c.deleted)).toEqual(['uns', '']);
    expect(occurrences('mot, mots, mot', 'mot')).toEqual([0, 11]);
  });

  it('AMEND7 typography: nouns, counts, ordinals, Roman numerals', () => {
    expect([nounOf('loi'), nounOf('la loi'), nounOf('l’État'), nounOf('12'), nounOf(',')]).toEqual([
      { name: 'mot', plural: false },
      { name: 'mot', plural: true },
      { name: 'mot', plural: true },
      { name: 'nombre', plural: false },
      { name: 'signe', plural: false },
    ]);
    expect(wordCount('d’un État, à l’ouest')).toBe(6);
    expect([ordinal(1, 3), ordinal(2, 2), ordinal(2, 3), ordinal(12, 12)]).toEqual(['première', 'seconde', 'deuxième', '12e']);
    expect([1, 4, 9, 14, 40].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
  });
});
