/** Finds a passage typed by hand (the keyboard way to target words) in an article's text. */

/** Where the passage is, or why it cannot be used. */
export type PassageMatch = { index: number; length: number } | { problem: 'empty' | 'not_found' | 'ambiguous' };

/** The one occurrence of `passage` in `text`. */
export function locatePassage(text: string, passage: string): PassageMatch {
  if (passage === '') return { problem: 'empty' };
  const first = text.indexOf(passage);
  if (first < 0) return { problem: 'not_found' };
  if (text.indexOf(passage, first + 1) >= 0) return { problem: 'ambiguous' };
  return { index: first, length: passage.length };
}
