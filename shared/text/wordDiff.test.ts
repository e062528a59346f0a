import { describe, expect, it } from 'vitest';
import { sideOf, wordDiff } from './wordDiff.ts';

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

  it('DIFF2 falls back to a coarse diff when the search exceeds its time budget', () => {
    const words = (seed: number) => Array.from({ length: 20_000 }, (_, i) => `m${(i * seed) % 9973}`).join(' ');
    const before = words(7);
    const after = words(13);
    const parts = wordDiff(before, after, 1);
    expect(parts).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
  });
});
