import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../shared/text/wordDiff.ts';
import { presenceOf, wordsStillPresent } from './wordsPresence.ts';

const presence = (before: string, adoptedText: string, now: string) => {
  const count = wordsStillPresent(wordDiff(before, adoptedText), wordDiff(adoptedText, now));
  return { ...count, ...presenceOf(count) };
};

describe('words still present', () => {
  it('TRACE3 counts the words a change inserted that the text still holds', () => {
    const before = 'Premier alinéa.\nSecond alinéa.';
    const adopted = 'Premier alinéa.\nDeuxième et nouvel alinéa.';
    expect(presence(before, adopted, adopted)).toEqual({ inserted: 3, present: 3, presence: 'still_present', share: 1 });
    // Edits elsewhere in the article leave them present.
    expect(presence(before, adopted, 'Tout premier alinéa.\nDeuxième et nouvel alinéa.')).toMatchObject({ present: 3, presence: 'still_present' });
    expect(presence(before, adopted, 'Premier alinéa.\nDeuxième et alinéa.')).toMatchObject({ inserted: 3, present: 2, presence: 'partly_present' });
    expect(presence(before, adopted, 'Premier alinéa.\nalinéa.')).toMatchObject({ present: 0, presence: 'gone', share: 0 });
    expect(presence(before, adopted, '')).toMatchObject({ present: 0, presence: 'gone' });
  });

  it('TRACE3 a change that inserts no word is not applicable; a word partly rewritten is gone', () => {
    expect(presence('Premier alinéa.', 'alinéa.', 'alinéa.')).toEqual({ inserted: 0, present: 0, presence: 'not_applicable', share: null });
    expect(presence('Un texte.', 'Un texte révisé.', 'Un texte révisée.')).toMatchObject({ inserted: 1, present: 0, presence: 'gone' });
  });
});
