import { diffWordsWithSpace } from 'diff';
import { describe, expect, it } from 'vitest';
import { billText, editAlinea, editBill, generateBill, mulberry32, randomInt } from '../../test/history/generatedBill.ts';
import { coarseDiff, type DiffPart, sideOf, wordDiff, wordDiffAll, wordDiffUntil } from './wordDiff.ts';

// diffWordsWithSpace's tokens (diff 9), to count how much a diff changes.
const WORD = 'a-zA-Z0-9_\\u00AD\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02C6\\u02C8-\\u02D7\\u02DE-\\u02FF\\u1E00-\\u1EFF';
const TOKEN = new RegExp(`(\\r?\\n)|[${WORD}]+|[^\\S\\n\\r]+|[^${WORD}]`, 'gu');
const tokensChanged = (parts: readonly DiffPart[]) => parts.filter((p) => p.op !== 'equal').reduce((n, p) => n + (p.text.match(TOKEN)?.length ?? 0), 0);

/** diffWordsWithSpace's answer as parts (neighbours of one kind merged, as ours are). */
function plainDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = parts.at(-1);
    if (last?.op === op) last.text += change.value;
    else if (change.value !== '') parts.push({ op, text: change.value });
  }
  return parts;
}

const expectRebuilds = (parts: readonly DiffPart[], before: string, after: string) => {
  expect(sideOf(parts, 'before')).toBe(before);
  expect(sideOf(parts, 'after')).toBe(after);
  for (const [i, part] of parts.entries()) {
    expect(part.text).not.toBe('');
    expect(part.op).not.toBe(parts[i + 1]?.op);
  }
};

// Characters that make tokenizing hard: line breaks of both kinds and a lone CR, blanks that are not spaces, accents,
// punctuation, characters outside the BMP (two UTF-16 units).
const PIECES = ['a', 'b', 'é', 'ï', ' ', '  ', '\u00a0', '\u202f', '\n', '\r\n', '\r', '.', ',', '«', '»', '–', '😀', 'de la', 'L. 123-4', 'alinéa'];

function randomText(random: () => number, length: number): string {
  return Array.from({ length }, () => PIECES[randomInt(random, PIECES.length)]).join('');
}

describe('word diff', () => {
  it('DIFF1 marks replaced words and keeps the rest', () => {
    const before = 'Les administrations publient la liste des traitements.';
    const after = 'Les administrations publient chaque année la liste des traitements algorithmiques.';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['chaque année', 'algorithmiques']);
    expect(parts.filter((p) => p.op === 'delete')).toEqual([]);
    expect(sideOf(parts, 'before')).toBe(before);
    expect(sideOf(parts, 'after')).toBe(after);
  });

  it('DIFF1 identical and empty texts', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('même texte', 'même texte')).toEqual([{ op: 'equal', text: 'même texte' }]);
    expect(wordDiff('', 'nouveau')).toEqual([{ op: 'insert', text: 'nouveau' }]);
    expect(wordDiff('ancien', '')).toEqual([{ op: 'delete', text: 'ancien' }]);
  });

  it('DIFF1 random texts (seeded): both sides rebuild exactly, and as few tokens change as with diffWordsWithSpace', () => {
    const random = mulberry32(20_261_122);
    for (let i = 0; i < 1_000; i += 1) {
      const before = randomText(random, randomInt(random, 40));
      const after =
        random() < 0.3
          ? randomText(random, randomInt(random, 40))
          : before.slice(0, randomInt(random, before.length + 1)) + randomText(random, randomInt(random, 8)) + before.slice(randomInt(random, before.length + 1));
      const parts = wordDiff(before, after);
      expectRebuilds(parts, before, after);
      expect(tokensChanged(parts), JSON.stringify([before, after])).toBe(tokensChanged(plainDiff(before, after)));
    }
  });

  it('DIFF1 articles with seeded edits: the same minimal diff as diffWordsWithSpace, most often the very same parts', () => {
    const random = mulberry32(7);
    let same = 0;
    const cases = 300;
    for (let i = 0; i < cases; i += 1) {
      const alineas = (generateBill(i, 1_200)[0] as { alineas: string[] }).alineas;
      const before = alineas.join('\n');
      const edited = [...alineas];
      for (let k = 0; k <= randomInt(random, 3); k += 1) {
        const at = randomInt(random, edited.length);
        edited[at] = editAlinea(random, edited[at] as string);
      }
      const after = edited.join('\n');
      const parts = wordDiff(before, after);
      const plain = plainDiff(before, after);
      expectRebuilds(parts, before, after);
      expect(tokensChanged(parts)).toBe(tokensChanged(plain));
      if (JSON.stringify(parts) === JSON.stringify(plain)) same += 1;
    }
    // Where several minimal diffs exist, setting the common end aside first may pick another one.
    expect(same).toBeGreaterThan(cases / 2);
  });

  it('DIFF4 a long bill is diffed by alinéa, then word by word inside the changed ones: exact, complete, close to minimal', () => {
    for (let seed = 1; seed <= 12; seed += 1) {
      const bill = generateBill(seed, 40_000);
      const before = billText(bill);
      const after = billText(editBill(mulberry32(seed * 31), bill, 2 + seed * 3));
      const { parts, complete } = wordDiffUntil(before, after, Date.now() + 60_000);
      expect(complete).toBe(true);
      expectRebuilds(parts, before, after);
      // The line pass is patience-style, not minimal: it may change a few more tokens than the whole-text search.
      expect(tokensChanged(parts)).toBeLessThanOrEqual(Math.ceil(tokensChanged(plainDiff(before, after)) * 1.25));
      // Untouched alinéas are kept whole: no change reaches into a line both versions hold.
      const unchanged = new Set(before.split('\n').filter((line) => after.split('\n').includes(line)));
      const changedLines = parts.filter((p) => p.op !== 'equal').flatMap((p) => p.text.split('\n'));
      expect(changedLines.filter((line) => line.length > 40 && unchanged.has(line))).toEqual([]);
    }
  });

  it('DIFF4 a bill of 300 KB with 60 edits: each edit is found, in its alinéa', () => {
    const bill = generateBill(99, 300_000);
    const edited = editBill(mulberry32(5), bill, 60);
    const [before, after] = [billText(bill), billText(edited)];
    const { parts, complete } = wordDiffUntil(before, after, Date.now() + 60_000);
    expect(complete).toBe(true);
    expectRebuilds(parts, before, after);
    const changedAlineas = bill.flatMap((article, i) => article.alineas.filter((a) => !edited[i]?.alineas.includes(a))).length;
    expect(changedAlineas).toBeGreaterThan(0);
    expect(parts.filter((p) => p.op !== 'equal').length).toBeLessThan(changedAlineas * 6);
  });

  it('DIFF2 falls back to a coarse diff when the search exceeds its time budget', () => {
    const words = (seed: number) => Array.from({ length: 20_000 }, (_, i) => `m${(i * seed) % 9973}`).join(' ');
    const before = words(7);
    const after = words(13);
    const parts = wordDiff(before, after, 1);
    // Only the common start ("m0 ") is kept; the rest is shown deleted, then inserted.
    expect(parts).toEqual([
      { op: 'equal', text: 'm0 ' },
      { op: 'delete', text: before.slice(3) },
      { op: 'insert', text: after.slice(3) },
    ]);
    expect(wordDiffUntil(before, after, Date.now() + 1).complete).toBe(false);
  });

  it('DIFF2 the coarse form keeps the common start and end, cut at word boundaries', () => {
    expect(coarseDiff('Le maire publie la liste.', 'Le maire transmet la liste.')).toEqual([
      { op: 'equal', text: 'Le maire ' },
      { op: 'delete', text: 'publie' },
      { op: 'insert', text: 'transmet' },
      { op: 'equal', text: ' la liste.' },
    ]);
    expect(coarseDiff('publication', 'publier')).toEqual([
      { op: 'delete', text: 'publication' },
      { op: 'insert', text: 'publier' },
    ]);
  });

  it('DIFF2 diffs of many articles share one budget: once spent, the rest are coarse but still exact', () => {
    const random = mulberry32(3);
    const pairs = Array.from({ length: 20 }, () => [randomText(random, 30), randomText(random, 30)] as const);
    const spent = wordDiffAll(pairs, 0);
    spent.forEach(({ parts }, i) => {
      const [before, after] = pairs[i] as readonly [string, string];
      expectRebuilds(parts, before, after);
    });
    expect(spent.some((result) => !result.complete)).toBe(true);
    expect(wordDiffAll(pairs, 60_000).every((result) => result.complete)).toBe(true);
  });
});
