import { describe, expect, it } from 'vitest';
import { packUpdates, unpackUpdates } from './packedUpdates.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('packed commit rows', () => {
  it('COLLAB-STORE10 a single update is stored unframed, several round-trip in order', () => {
    const one = bytes(1, 2, 3);
    expect(packUpdates([one])).toBe(one);
    expect(unpackUpdates(one, 1)).toEqual([one]);
    const many = [bytes(0), bytes(255, 0, 255), new Uint8Array(300).fill(7)];
    expect(unpackUpdates(packUpdates(many), many.length)).toEqual(many);
  });

  it('COLLAB-STORE10 a row whose bytes disagree with its count is refused', () => {
    const packed = packUpdates([bytes(1), bytes(2), bytes(3)]);
    expect(() => unpackUpdates(packed, 2)).toThrow(/more than its 2/);
    expect(() => unpackUpdates(packed, 4)).toThrow();
  });
});
