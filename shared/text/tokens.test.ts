import { describe, expect, it } from 'vitest';
import { mulberry32, randomInt } from '../../test/history/generatedBill.ts';
import { commonEnds, isTokenBoundary } from './tokens.ts';

// diffWordsWithSpace's tokenizer (diff 9, lib/diff/word.js), the reference for where tokens end.
const WORD = 'a-zA-Z0-9_\\u00AD\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02C6\\u02C8-\\u02D7\\u02DE-\\u02FF\\u1E00-\\u1EFF';
const tokens = (text: string) => text.match(new RegExp(`(\\r?\\n)|[${WORD}]+|[^\\S\\n\\r]+|[^${WORD}]`, 'gu')) ?? [];
const PIECES = ['a', 'É', 'ß', '_', '7', ' ', '\t', '\u00a0', '\n', '\r\n', '\r', '.', '’', '«', '😀', 'ǅ', 'ˇ'];

describe('token boundaries', () => {
  it('DIFF1 isTokenBoundary agrees with diffWordsWithSpace’s tokenizer at every position of random texts', () => {
    const random = mulberry32(11);
    for (let n = 0; n < 500; n += 1) {
      const text = Array.from({ length: randomInt(random, 25) }, () => PIECES[randomInt(random, PIECES.length)]).join('');
      const ends = new Set([0]);
      let at = 0;
      for (const token of tokens(text)) ends.add((at += token.length));
      for (let i = 0; i <= text.length; i += 1) expect(isTokenBoundary(text, i), `${JSON.stringify(text)} at ${i}`).toBe(ends.has(i));
    }
  });

  it('DIFF1 the common start and end are whole tokens of both texts, and never overlap', () => {
    const random = mulberry32(12);
    for (let n = 0; n < 1_000; n += 1) {
      const piece = () => Array.from({ length: randomInt(random, 12) }, () => PIECES[randomInt(random, PIECES.length)]).join('');
      const [start, end] = [piece(), piece()];
      const [a, b] = [start + piece() + end, start + piece() + end];
      const { prefix, suffix } = commonEnds(a, b);
      expect(prefix + suffix).toBeLessThanOrEqual(Math.min(a.length, b.length));
      expect(a.slice(0, prefix)).toBe(b.slice(0, prefix));
      expect(a.slice(a.length - suffix)).toBe(b.slice(b.length - suffix));
      for (const text of [a, b]) {
        const cut = [text.slice(0, prefix), text.slice(prefix, text.length - suffix), text.slice(text.length - suffix)];
        expect(cut.flatMap(tokens), JSON.stringify(text)).toEqual(tokens(text));
      }
    }
  });
});
