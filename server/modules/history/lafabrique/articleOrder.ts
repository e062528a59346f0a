// Article ordering of La Fabrique de la loi (behaviour of tlfp/tools/sort_articles.py,
// re-implemented): number first, then the suffixes, where capital letters (inserted *before*)
// sort before the bare number, and bis/ter/quater… (inserted *after*) sort after it.
import { BISTER, PY_SPACE } from './patterns.ts';

type Detail = string | null;

// `\d` is kept ASCII here: French article numbers never use other digit systems.
const ARTICLE = `(\\d+)e?r?(( ([A-Z]+|${BISTER}))*)`;
const ARTICLE_AT_START = new RegExp(`^${ARTICLE}`, 'u');
const ARTICLE_ANYWHERE = new RegExp(ARTICLE, 'u');
const BEFORE_AFTER = new RegExp(`^(a(vant|près)[${PY_SPACE}]*l'|article[${PY_SPACE}]*)+`, 'iu');
const CAPITAL = new RegExp(`([A-Z])[${PY_SPACE}]*`, 'gu');
const BISTER_AT_START = new RegExp(`^${BISTER}`, 'u');
const EDGE_SPACES = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'gu');

// Value of the prefix of a multiplicative adverb: 'b'is = 2, 't'er = 3, 'qua'ter = 4, 'un'decies = 1 + 10…
const PREFIX_VALUE: Record<string, number> = {
  u: 1, b: 2, t: 3, o: 8, n: 9, qua: 4, qui: 5, sex: 6, sep: 7, du: 2, de: 0, tri: 0, v: 0,
};
const TENS: [string[], number][] = [
  [['decies'], 10], [['vicies', 'vecies'], 20], [['tricies', 'trecies'], 30], [['quadragies'], 40],
  [['quinquagies'], 50], [['sexagies'], 60], [['septuagies'], 70], [['octogies'], 80], [['nonagies'], 90],
];

/** Numeric value of a Latin multiplicative ('bis' → 2, 'duodecies' → 12, 'duodetrecies' → 28). */
export function quantifyBis(word: string): number {
  let units = 0;
  // 'unde-' / 'duode-' mean "minus one / minus two" (undetricies = 29), except in undecies / duodecies.
  if (word.startsWith('und') && word !== 'undecies') units = -1;
  else if (word.startsWith('duode') && word !== 'duodecies') units = -2;
  else {
    for (const size of [3, 2, 1]) {
      const value = PREFIX_VALUE[word.slice(0, size)];
      if (value !== undefined) {
        units = value;
        break;
      }
    }
  }
  const tens = TENS.find(([names]) => names.some((n) => word.includes(n)));
  return units + (tens ? tens[1] : 0);
}

/** Split a title into its number and suffixes: '1er A bis AA' → [1, 'A', 'bis', 'A', 'A']; unnumbered → [0, title]. */
export function splitArticleNumber(title: string): [number, ...Detail[]] {
  if (!ARTICLE_AT_START.test(title.replace(BEFORE_AFTER, ''))) return [0, title];
  // As La Fabrique does, the number is then searched in the *original* title ("Avant l'article 3" → 3).
  const m = ARTICLE_ANYWHERE.exec(title)!;
  const details = m[2] ? m[2].replace(CAPITAL, '$1 ').replace(EDGE_SPACES, '').split(' ') : [];
  return [Number(m[1]), ...details];
}

function detailType(d: Detail): number {
  if (!d) return 0; // nothing: the bare number
  if (d.length === 1) return -1; // capital letter
  if (BISTER_AT_START.test(d)) return 1; // bis, ter…
  return -2; // junk text
}

function compareDetails(a: Detail[], b: Detail[]): number {
  if (a.length === b.length && a.every((d, i) => d === b[i])) return 0;
  if (a[0] === b[0]) return compareDetails(a.slice(1), b.slice(1));
  const ta = detailType(a[0] ?? null);
  const tb = detailType(b[0] ?? null);
  if (ta !== tb) return ta - tb;
  if (ta < 0) return (a[0] as string) < (b[0] as string) ? -1 : 1;
  // Two different spellings of the same adverb compare equal here, and La Fabrique stops there too.
  return quantifyBis(a[0] as string) - quantifyBis(b[0] as string);
}

function beforeAfterShift(title: string): number {
  const lower = title.toLowerCase();
  if (lower.includes('avant')) return -1;
  if (lower.includes('après')) return 1;
  return 0;
}

/** Comparator of article titles in La Fabrique's order ('1er A' < '1er' < '1er bis'; "Avant l'article 2" just before '2'). */
export function compareArticleNumbers(a: string, b: string): number {
  if (a === b) return 0;
  const [na, ...da] = splitArticleNumber(a);
  const [nb, ...db] = splitArticleNumber(b);
  if (na !== nb) return na - nb;
  while (da.length < db.length) da.push(null);
  while (db.length < da.length) db.push(null);
  const res = compareDetails(da, db);
  if (res !== 0) return res;
  return na + beforeAfterShift(a) - (nb + beforeAfterShift(b));
}
