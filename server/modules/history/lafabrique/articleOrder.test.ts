import { describe, expect, it } from 'vitest';
import { compareArticleNumbers, quantifyBis, splitArticleNumber } from './articleOrder.ts';

// La Fabrique's own sorted reference list (tlfp/tools/sort_articles.py self-test).
const SORTED = [
  'liminaire', 'wrong name 1', 'wrong name 2', '1er A', '1er A bis AA', '1er A bis A', '1er A bis', '1er B',
  "Après l'article 1er B", "Avant l'article 1er C", '1er C', "Après l'article 1er D", "avant l'article 1er", '1er',
  "Avant l'article 10 quater", '13', '14 AAA', '14 AA', '14 AB', '14 A', '14 A bis A', '14 A ter', '14 B', '14 CA',
  '14 C', '14', '14 bis A', '14 bis', '14 ter', '14 quater', '14 duodecies CA', '14 duodecies CC', '14 duodecies C',
  '14 duodecies G', '14 duodecies ZY', '14 duodecies ZZ', '14 duodecies Z', '14 duodecies',
];

const MULTIPLICATIVES = [
  'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies', 'undecies', 'duodecies',
  'terdecies', 'quaterdecies', 'quindecies', 'sexdecies', 'septdecies', 'octodecies', 'novodecies', 'vicies',
  'unvicies', 'duovicies', 'tervicies', 'quatervicies', 'quinvicies', 'sexvicies', 'septvicies', 'duodetrecies',
  'undetricies', 'tricies',
];

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('HIST1 splitArticleNumber / quantifyBis', () => {
  it('splits capitals letter by letter and keeps multiplicatives whole', () => {
    expect(splitArticleNumber('1er A bis AA')).toEqual([1, 'A', 'bis', 'A', 'A']);
    expect(splitArticleNumber('1er A duodetrecies AA')).toEqual([1, 'A', 'duodetrecies', 'A', 'A']);
    expect(splitArticleNumber("Après l'article 7 ter")).toEqual([7, 'ter']);
    expect(splitArticleNumber('liminaire')).toEqual([0, 'liminaire']);
  });
  it('quantifies bis … tricies as 2 … 30', () => {
    expect(MULTIPLICATIVES.map(quantifyBis)).toEqual(MULTIPLICATIVES.map((_, i) => i + 2));
  });
});

describe('HIST2 compareArticleNumbers', () => {
  it.each([1, 7, 42, 1234, 99_999])('sorts a shuffled copy (seed %i) back into La Fabrique order', (seed) => {
    expect(shuffled(SORTED, seed).sort(compareArticleNumbers)).toEqual(SORTED);
  });
  it('sorts the reversed list back', () => {
    expect([...SORTED].reverse().sort(compareArticleNumbers)).toEqual(SORTED);
  });
  it('puts letters before the bare number and multiplicatives after it', () => {
    const titles = ['3 ter', '3', '3 A', '2', '3 bis', "Avant l'article 3", '4'];
    expect(titles.sort(compareArticleNumbers)).toEqual(['2', '3 A', "Avant l'article 3", '3', '3 bis', '3 ter', '4']);
  });
  it('is antisymmetric on the reference list', () => {
    for (const a of SORTED) for (const b of SORTED) expect(Math.sign(compareArticleNumbers(a, b))).toBe(-Math.sign(compareArticleNumbers(b, a)) || 0);
  });
});
