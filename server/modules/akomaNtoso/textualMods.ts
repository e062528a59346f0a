/**
 * What an amendment does to the text, as Akoma Ntoso's `textualMod` says it: its type by kind (substitution for
 * replace, rewrite_article and sous-amendements; insertion for insert and add_article; repeal for delete and
 * delete_article), where it applies (the eId of the alinéa, the article, or the article a new one follows) and the old
 * and new text, read from the same diff readers are shown (AMEND2), so the markup says what the diff says.
 */
import type { Amendment } from '../../../shared/api/amendments.ts';
import { wordChanges } from '../../../shared/amendments/textChanges.ts';
import { alineaEId, articleEId } from './eIds.ts';

/** Akoma Ntoso's types of textual modification that amendments make. */
export const TextualModType = { substitution: 'substitution', insertion: 'insertion', repeal: 'repeal' } as const;
export type TextualModType = (typeof TextualModType)[keyof typeof TextualModType];

/** The textualMod type of each kind of amendment proposed here (imported amendments have no kind, and none). */
export const TEXTUAL_MOD_TYPES: Record<string, TextualModType> = {
  replace: TextualModType.substitution,
  rewrite_article: TextualModType.substitution,
  sub_amendment: TextualModType.substitution,
  insert: TextualModType.insertion,
  add_article: TextualModType.insertion,
  delete: TextualModType.repeal,
  delete_article: TextualModType.repeal,
};

/** Akoma Ntoso's `pos`: where, relative to the destination, the change applies. */
export type Position = 'start' | 'end' | 'inside' | 'before' | 'after';

/** A destination: an eId of the reference version (or `null`: the text as a whole), and a position. */
export interface Destination {
  eId: string | null;
  pos?: Position;
}

/**
 * Old or new text: words inside one alinéa (`quotedText`), whole alinéas (`quotedStructure` of alinéas), or a whole
 * new article (`quotedStructure` holding an article with its number).
 */
export type Quoted = { form: 'words'; text: string } | { form: 'alineas'; alineas: string[] } | { form: 'article'; number: string; alineas: string[] };

/** One amendment's modification. */
export interface TextualModification {
  type: TextualModType;
  destinations: Destination[];
  old: Quoted | null;
  new: Quoted | null;
}

/** Where the amendment applies when no diff tells more: its article (or alinéa hint), or the text as a whole. */
export interface TargetNumbers {
  /** The number of the article it targets, as the text reads now. */
  articleNumber: string | null;
  /** add_article: the number of the article the new one follows, or, placed first, of the article it precedes. */
  afterArticleNumber: string | null;
  firstArticleNumber: string | null;
}

const lines = (text: string) => (text === '' ? [] : text.split('\n'));

/** The smallest run of whole words that changed, in both texts (null when they are equal). */
function changedSpan(before: string, after: string): { start: number; end: number; old: string; now: string } | null {
  const changes = wordChanges(before, after);
  const first = changes[0];
  const last = changes.at(-1);
  if (!first || !last) return null;
  // Outside the span both texts are equal, so the new text's span ends as far from its end as the old one's.
  const afterEnd = after.length - (before.length - last.end);
  return { start: first.start, end: last.end, old: before.slice(first.start, last.end), now: after.slice(first.start, afterEnd) };
}

/** The alinéas that changed, by the lines left equal at both ends: from 0-based `from`, `old` became `now`. */
function changedAlineas(before: string, after: string): { from: number; old: string[]; now: string[] } {
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  return { from: head, old: a.slice(head, a.length - tail), now: b.slice(head, b.length - tail) };
}

/** Where inside its alinéa an insertion point lies. */
function insertionPosition(text: string, at: number): Position {
  const startOfAlinea = at === 0 || text[at - 1] === '\n';
  const endOfAlinea = at === text.length || text[at] === '\n';
  if (startOfAlinea && !endOfAlinea) return 'start';
  if (endOfAlinea && !startOfAlinea) return 'end';
  return 'inside';
}

/**
 * A change to a text of alinéas (an article, or a parent amendment's dispositif): words inside one alinéa when that is
 * all that changed, else the alinéas replaced, inserted or deleted. `eIdOf` names an alinéa (1-based).
 */
function rangeModification(before: string, after: string, eIdOf: (alinea: number) => string | null): Omit<TextualModification, 'type'> | null {
  const span = changedSpan(before, after);
  if (span === null) return null;
  if (!span.old.includes('\n') && !span.now.includes('\n')) {
    const alinea = before.slice(0, span.start).split('\n').length;
    const old = span.old.trim();
    const now = span.now.trim();
    return {
      destinations: [{ eId: eIdOf(alinea), ...(old === '' ? { pos: insertionPosition(before, span.start) } : {}) }],
      old: old === '' ? null : { form: 'words', text: old },
      new: now === '' ? null : { form: 'words', text: now },
    };
  }
  const { from, old, now } = changedAlineas(before, after);
  const destinations: Destination[] =
    old.length > 0
      ? old.map((_, index) => ({ eId: eIdOf(from + index + 1) }))
      : from > 0
        ? [{ eId: eIdOf(from), pos: 'after' }]
        : [{ eId: lines(before).length > 0 ? eIdOf(1) : null, pos: 'before' }];
  return { destinations, old: old.length > 0 ? { form: 'alineas', alineas: old } : null, new: now.length > 0 ? { form: 'alineas', alineas: now } : null };
}

/**
 * The amendment's modification, or null when it has none to state (an imported amendment, with no kind). Without a
 * diff (hidden, or its target gone) the destination is still given, the old and new text are not.
 */
export function textualModificationOf(amendment: Pick<Amendment, 'kind' | 'diff' | 'newArticleNumber'>, target: TargetNumbers, anchorAlinea: number | null): TextualModification | null {
  const type = TEXTUAL_MOD_TYPES[amendment.kind];
  if (type === undefined) return null;
  const diff = amendment.diff;
  const article = target.articleNumber === null ? null : articleEId(target.articleNumber);
  switch (amendment.kind) {
    case 'add_article': {
      const destination: Destination =
        target.afterArticleNumber !== null
          ? { eId: articleEId(target.afterArticleNumber), pos: 'after' }
          : { eId: target.firstArticleNumber === null ? null : articleEId(target.firstArticleNumber), pos: target.firstArticleNumber === null ? 'inside' : 'before' };
      const added = diff ? lines(diff.after) : [];
      return { type, destinations: [destination], old: null, new: diff ? { form: 'article', number: amendment.newArticleNumber ?? '', alineas: added } : null };
    }
    case 'rewrite_article':
    case 'delete_article':
      return {
        type,
        destinations: [{ eId: article }],
        old: diff && diff.before !== '' ? { form: 'alineas', alineas: lines(diff.before) } : null,
        new: diff && diff.after !== '' ? { form: 'alineas', alineas: lines(diff.after) } : null,
      };
    case 'sub_amendment': {
      // The parent's dispositif is the text changed: its alinéas are not elements of the bill.
      const change = diff ? rangeModification(diff.before, diff.after, () => null) : null;
      return { type, destinations: change?.destinations ?? [{ eId: null }], old: change?.old ?? null, new: change?.new ?? null };
    }
    default: {
      const alineaOf = (alinea: number) => (article === null ? null : alineaEId(article, alinea));
      const change = diff ? rangeModification(diff.before, diff.after, alineaOf) : null;
      if (change) return { type, ...change };
      return { type, destinations: [{ eId: anchorAlinea === null ? article : alineaOf(anchorAlinea) }], old: null, new: null };
    }
  }
}
