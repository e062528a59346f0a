/**
 * Where the tokens of npm `diff`'s `diffWordsWithSpace` begin and end, found without tokenizing: a line break, a run
 * of word characters, a run of other blanks, or any other single character is one token. Knowing this lets the word
 * diff cut texts (common start and end, lines) at token boundaries, where tokenizing each piece gives exactly the
 * tokens the whole text would have given.
 */

// The same classes as diffWordsWithSpace's tokenizer (diff 9, lib/diff/word.js: extendedWordChars).
const WORD_CHAR = /[a-zA-Z0-9_\u00AD\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02C6\u02C8-\u02D7\u02DE-\u02FF\u1E00-\u1EFF]/;
const BLANK_CHAR = /[^\S\n\r]/;

/** True when a token of `text` ends at `index` (0 and the text's length are boundaries). */
export function isTokenBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  const before = text.charAt(index - 1);
  const after = text.charAt(index);
  if (WORD_CHAR.test(before) && WORD_CHAR.test(after)) return false;
  if (BLANK_CHAR.test(before) && BLANK_CHAR.test(after)) return false;
  if (before === '\r' && after === '\n') return false;
  // Never between the two halves of a character outside the BMP.
  const code = text.charCodeAt(index);
  return !(code >= 0xdc00 && code <= 0xdfff && text.charCodeAt(index - 1) >= 0xd800 && text.charCodeAt(index - 1) <= 0xdbff);
}

/** Characters `a` and `b` have in common at their start. */
export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  return i;
}

/** Characters `a` and `b` have in common at their end, at most `limit`. */
export function commonSuffixLength(a: string, b: string, limit: number): number {
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i += 1;
  return i;
}

/**
 * The common start and end of two texts, in characters, each cut back to a boundary of both texts' tokens; the
 * end is taken from what remains after the start, so the two never overlap.
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  let prefix = commonPrefixLength(a, b);
  // Before `prefix` both texts hold the same characters, so a boundary of one is a boundary of the other.
  while (prefix > 0 && !(isTokenBoundary(a, prefix) && isTokenBoundary(b, prefix))) prefix -= 1;
  let suffix = commonSuffixLength(a, b, Math.min(a.length, b.length) - prefix);
  while (suffix > 0 && !(isTokenBoundary(a, a.length - suffix) && isTokenBoundary(b, b.length - suffix))) suffix -= 1;
  return { prefix, suffix };
}
