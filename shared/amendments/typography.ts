/**
 * French legislative typography for amendments' formal wording, as the Assemblée nationale and the Sénat print it:
 * quotes « » and a colon with a non-breaking space inside / before them, « n° 12 » and « l’alinéa 3 » kept on one
 * line, typographic apostrophes, numbered parts « I. – », ordinals (« la deuxième occurrence »), and how quoted words
 * are named (« le mot », « les mots », « le nombre », « le signe »).
 */

/** No-break space: inside « », before a colon, after « n° », between « alinéa » and its number. */
export const NBSP = '\u00a0';
/** The apostrophe of printed texts. */
export const APOSTROPHE = '’';

/** `text` in French quotes: « text ». */
export function quoted(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

/** A label and its quotation, the way dispositifs quote words: `le mot : « X »`. */
export function labelled(label: string, text: string): string {
  return `${label}${NBSP}: ${quoted(text)}`;
}

/**
 * Paragraphs quoted as a block: each opens with « and only the last closes with », the French convention for a
 * quotation of several paragraphs. No final full stop: the quoted text carries its own.
 */
export function quotedBlock(paragraphs: readonly string[]): string[] {
  return paragraphs.map((paragraph, index) => `«${NBSP}${paragraph}${index === paragraphs.length - 1 ? `${NBSP}»` : ''}`);
}

/** The first letter in upper case (the dispositif's sentences start with their verb or locator). */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** `n` (≥ 1) in Roman numerals, for the parts « I. – », « II. – » of an amendment making several changes. */
export function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, digits] of ROMAN) {
    for (; rest >= value; rest -= value) out += digits;
  }
  return out;
}

/** The prefix of part `n` (1-based) of a numbered dispositif: « I. – ». */
export function partPrefix(n: number): string {
  return `${roman(n)}.${NBSP}–${NBSP}`;
}

const ORDINALS = ['première', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'sixième', 'septième', 'huitième', 'neuvième', 'dixième'];

/** The feminine ordinal of `n` among `total` (« occurrence » is feminine): « seconde » when there are only two. */
export function ordinal(n: number, total: number): string {
  if (n === 2 && total === 2) return 'seconde';
  return ORDINALS[n - 1] ?? `${n}e`;
}

const COUNTS = ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];

/** A small count in words (« deux alinéas »), larger ones in figures. */
export function countWord(n: number): string {
  return COUNTS[n - 1] ?? String(n);
}

/** Letters, digits, apostrophes and hyphens: what a word is made of, so a quote never cuts one in half. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{M}\p{N}'’\-‑]/u.test(char);
}

/** How many words a quote holds; an elision counts as its own word, as in « les mots : « l’État » ». */
export function wordCount(text: string): number {
  return text
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token))
    .reduce((sum, token) => sum + 1 + (token.match(/\p{L}['’](?=\p{L})/gu)?.length ?? 0), 0);
}

/** What quoted words are called, and whether there are several. */
export interface Noun {
  name: 'mot' | 'nombre' | 'signe';
  plural: boolean;
}

/** Figures are « le nombre », punctuation alone « le signe », anything else « le mot » or « les mots ». */
export function nounOf(text: string): Noun {
  const tokens = text.split(/\s+/).filter(Boolean);
  if (!/[\p{L}\p{N}]/u.test(text)) return { name: 'signe', plural: tokens.join('').length > 1 };
  if (tokens.every((token) => /^[\d.,]+$/.test(token))) return { name: 'nombre', plural: tokens.length > 1 };
  return { name: 'mot', plural: wordCount(text) > 1 };
}

const nounText = (noun: Noun) => (noun.plural ? `${noun.name}s` : noun.name);

/** « le mot », « les mots ». */
export const theNoun = (noun: Noun) => `${noun.plural ? 'les' : 'le'} ${nounText(noun)}`;
/** « au mot », « aux mots ». */
export const toTheNoun = (noun: Noun) => `${noun.plural ? 'aux' : 'au'} ${nounText(noun)}`;
/** « du mot », « des mots ». */
export const ofTheNoun = (noun: Noun) => `${noun.plural ? 'des' : 'du'} ${nounText(noun)}`;
