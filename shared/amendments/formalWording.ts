/**
 * An amendment in official form (AMEND7): its header (« ARTICLE 3 », « ARTICLE ADDITIONNEL APRÈS L’ARTICLE 2 ») and
 * the dispositif as the Assemblée nationale and the Sénat word it (« À l’alinéa 3, substituer au mot : « X » le
 * mot : « Y ». »), generated from the two sides of the amendment's diff, so it always says what the diff shows and
 * follows the live text the same way. Pure and isomorphic: the server presents it, a browser could preview it.
 */
import type { FormalWording } from '../api/amendments.ts';
import { type AlineaBlock, alineaBlocks, alineasOf, occurrences, type WordChange, wordChanges } from './textChanges.ts';
import {
  APOSTROPHE,
  NBSP,
  capitalised,
  countWord,
  labelled,
  nounOf,
  ofTheNoun,
  ordinal,
  partPrefix,
  quotedBlock,
  theNoun,
  toTheNoun,
  wordCount,
} from './typography.ts';

export type { FormalWording };

/** Where an amendment stands in the text: what its header names. */
export interface FormalPlacement {
  /** replace | insert | delete | rewrite_article | delete_article | add_article | sub_amendment */
  kind: string;
  /** The number of the article it changes (null for add_article and sous-amendements). */
  articleNumber: string | null;
  /** add_article: the number of the article the new one follows; null when it goes first. */
  afterArticleNumber: string | null;
  /** add_article going first: the number of the article it goes before (null when the text has none). */
  beforeArticleNumber: string | null;
}

/** What the formal wording is made from: the placement and the two sides of the amendment's diff. */
export interface FormalAmendment extends FormalPlacement {
  /** add_article: the number of the article it adds. */
  newArticleNumber: string | null;
  /** The diff's sides: the article (a sous-amendement: its parent's dispositif) before and after the change. */
  before: string;
  after: string;
  /** A sous-amendement's parent: its number (null until deposited) and placement. */
  parent: { number: string | null; placement: FormalPlacement } | null;
}

/**
 * An alinéa whose changes would be more than this many separate quotes is given a new wording whole (« Rédiger
 * ainsi l’alinéa 3 »): the Sénat's and the Assemblée's drafters do so rather than stack substitutions.
 */
const MAX_CHANGES_PER_ALINEA = 3;

/** One change of the dispositif, in the numbering of the text as it stands (1-based alinéas). */
type Part =
  | { type: 'words'; alinea: number; text: string; change: WordChange }
  | { type: 'rewrite' | 'delete'; from: number; to: number; lines: string[] }
  | { type: 'replace'; from: number; to: number; lines: string[] }
  | { type: 'insert'; after: number; lines: string[] };

/** How the parts name the text they change: an article (« cet article ») or the parent of a sous-amendement. */
interface Scope {
  /** The text has one alinéa: word changes need no alinéa (« Substituer au mot… »), as the assemblies write. */
  single: boolean;
  /** The whole text: « cet article », « l’amendement n° 12 ». */
  whole: string;
  /** What follows an alinéa's number: « » or « de l’amendement n° 12 ». */
  of: string;
  /** How many alinéas the text has. */
  count: number;
}

const article = (number: string) => `l${APOSTROPHE}article${NBSP}${number}`;
const upper = (number: string) => (number === '1er' ? 'PREMIER' : number.toLocaleUpperCase('fr'));

/** The header line: « ARTICLE 3 », « ARTICLE ADDITIONNEL APRÈS L’ARTICLE 2 ». */
export function formalHeader(placement: FormalPlacement): string {
  if (placement.kind === 'add_article') {
    if (placement.afterArticleNumber !== null) return `ARTICLE ADDITIONNEL APRÈS L${APOSTROPHE}ARTICLE ${upper(placement.afterArticleNumber)}`;
    if (placement.beforeArticleNumber !== null) return `ARTICLE ADDITIONNEL AVANT L${APOSTROPHE}ARTICLE ${upper(placement.beforeArticleNumber)}`;
    return 'ARTICLE ADDITIONNEL';
  }
  return placement.articleNumber === null ? 'ARTICLE' : `ARTICLE ${upper(placement.articleNumber)}`;
}

/** The amendment in official form: its header and its dispositif, one string per paragraph. */
export function formalWording(amendment: FormalAmendment): FormalWording {
  if (amendment.kind === 'sub_amendment') {
    const parent = amendment.parent;
    const name = `l${APOSTROPHE}amendement${parent?.number ? ` n°${NBSP}${parent.number}` : ''}`;
    const count = alineasOf(amendment.before).length;
    const scope: Scope = { single: count === 1, whole: name, of: ` de ${name}`, count };
    return { header: parent ? formalHeader(parent.placement) : 'SOUS-AMENDEMENT', dispositif: changesDispositif(amendment, scope) };
  }
  return { header: formalHeader(amendment), dispositif: articleDispositif(amendment) };
}

function articleDispositif(amendment: FormalAmendment): string[] {
  const { before, after } = amendment;
  switch (amendment.kind) {
    case 'delete_article':
      return ['Supprimer cet article.'];
    // An amendment rewriting the article is a « rédaction globale », whatever its diff: it is discussed first and
    // makes the others on the article fall (AMEND6), so its wording says so even when few words change.
    case 'rewrite_article':
      return after === '' ? ['Supprimer cet article.'] : [`Rédiger ainsi cet article${NBSP}:`, ...quotedBlock(alineasOf(after))];
    case 'add_article':
      return [addArticleIntro(amendment), ...quotedBlock([...(amendment.newArticleNumber ? [`Article ${amendment.newArticleNumber}`] : []), ...alineasOf(after)])];
    default: {
      const count = alineasOf(before).length;
      return changesDispositif(amendment, { single: count === 1, whole: 'cet article', of: '', count });
    }
  }
}

function addArticleIntro(amendment: FormalAmendment): string {
  const where =
    amendment.afterArticleNumber !== null
      ? `Après ${article(amendment.afterArticleNumber)}, insérer`
      : amendment.beforeArticleNumber !== null
        ? `Avant ${article(amendment.beforeArticleNumber)}, insérer`
        : 'Insérer';
  return `${where} un article ainsi rédigé${NBSP}:`;
}

/**
 * The parts of a change to some alinéas, numbered « I. – », « II. – »… when there are several: each part names its
 * own alinéa, in the numbering of the text as it stands, which is how the assemblies number the parts of one
 * amendment (rather than « 1° », « 2° » under one alinéa, which only suits changes to a single alinéa).
 */
function changesDispositif(amendment: FormalAmendment, scope: Scope): string[] {
  const parts = partsOf(amendment.before, amendment.after);
  return parts.flatMap((part, index) => {
    const lines = renderPart(part, scope);
    if (parts.length === 1) return lines;
    const [first = '', ...rest] = lines;
    return [partPrefix(index + 1) + first, ...rest];
  });
}

/** The changes from `before` to `after`, whole alinéas first, then words inside the alinéas kept. */
function partsOf(before: string, after: string): Part[] {
  const parts: Part[] = [];
  for (const block of alineaBlocks(alineasOf(before), alineasOf(after))) parts.push(...blockParts(block));
  return joinRanges(parts);
}

function blockParts(block: AlineaBlock): Part[] {
  const from = block.from + 1;
  const to = block.from + block.removed.length;
  if (block.removed.length === 0) return [{ type: 'insert', after: block.from, lines: block.added }];
  if (block.added.length === 0) return [{ type: 'delete', from, to, lines: [] }];
  if (block.removed.length !== block.added.length) return [{ type: 'replace', from, to, lines: block.added }];
  return block.removed.flatMap((old, index) => alineaParts(from + index, old, block.added[index] ?? ''));
}

/** The changes inside one alinéa: its words, or a new wording of it when that reads more clearly. */
function alineaParts(alinea: number, old: string, now: string): Part[] {
  if (now.trim() === '') return [{ type: 'delete', from: alinea, to: alinea, lines: [] }];
  const rewrite: Part[] = [{ type: 'rewrite', from: alinea, to: alinea, lines: [now] }];
  if (old.trim() === '') return rewrite;
  const changes = wordChanges(old, now).filter((change) => change.deleted.trim() !== '' || change.inserted.trim() !== '');
  const quotedWords = changes.reduce((sum, change) => sum + wordCount(change.deleted), 0);
  // Quoting more words than the change leaves untouched says less clearly what the alinéa becomes than its new wording.
  if (changes.length > MAX_CHANGES_PER_ALINEA || wordCount(old) - quotedWords < quotedWords) return rewrite;
  return changes.map((change) => ({ type: 'words', alinea, text: old, change }));
}

/** Consecutive alinéas rewritten (or deleted) one by one read as one range: « Rédiger ainsi les alinéas 2 et 3 ». */
function joinRanges(parts: Part[]): Part[] {
  const joined: Part[] = [];
  for (const part of parts) {
    const previous = joined.at(-1);
    if (previous && (part.type === 'rewrite' || part.type === 'delete') && previous.type === part.type && previous.to + 1 === part.from) {
      joined[joined.length - 1] = { ...previous, to: part.to, lines: [...previous.lines, ...part.lines] };
    } else {
      joined.push(part);
    }
  }
  return joined;
}

const alineaName = (scope: Scope, n: number) => `l${APOSTROPHE}alinéa${NBSP}${n}${scope.of}`;

function alineasName(scope: Scope, from: number, to: number): string {
  if (from === to) return alineaName(scope, from);
  return `les alinéas${NBSP}${from} ${to === from + 1 ? 'et' : 'à'} ${to}${scope.of}`;
}

const newAlineas = (count: number) => (count === 1 ? 'un alinéa ainsi rédigé' : `${countWord(count)} alinéas ainsi rédigés`);

function renderPart(part: Part, scope: Scope): string[] {
  switch (part.type) {
    case 'words':
      return [wordsSentence(part, scope)];
    case 'delete':
      return [`Supprimer ${alineasName(scope, part.from, part.to)}.`];
    case 'rewrite':
      return [`Rédiger ainsi ${alineasName(scope, part.from, part.to)}${NBSP}:`, ...quotedBlock(part.lines)];
    case 'replace':
      return [`Remplacer ${alineasName(scope, part.from, part.to)} par ${newAlineas(part.lines.length)}${NBSP}:`, ...quotedBlock(part.lines)];
    case 'insert': {
      const what = `${newAlineas(part.lines.length)}${NBSP}:`;
      const intro =
        part.after === scope.count
          ? `Compléter ${scope.whole} par ${what}`
          : part.after === 0
            ? `Avant ${alineaName(scope, 1)}, insérer ${what}`
            : `Après ${alineaName(scope, part.after)}, insérer ${what}`;
      return [intro, ...quotedBlock(part.lines)];
    }
  }
}

/** « À l’alinéa 3, » before a word change; nothing in a one-alinéa article; « À l’amendement n° 12, » in a sous-amendement. */
function locator(scope: Scope, alinea: number): string {
  if (!scope.single) return `À ${alineaName(scope, alinea)}, `;
  return scope.of === '' ? '' : `À ${scope.whole}, `;
}

/** The alinéa, or the whole text when it has one alinéa: « Au début de l’alinéa 3 », « Compléter cet article ». */
const place = (scope: Scope, alinea: number) => (scope.single ? scope.whole : alineaName(scope, alinea));

/**
 * How quoted words are designated, « le mot : « X » » or, when they occur several times in the alinéa,
 * « la deuxième occurrence du mot : « X » », with `to` for « au mot » / « à la deuxième occurrence du mot ».
 */
function designation(text: string, words: string, start: number): { the: string; to: string } {
  const noun = nounOf(words);
  const found = occurrences(text, words);
  const nth = found.indexOf(start) + 1;
  if (found.length < 2 || nth === 0) return { the: theNoun(noun), to: toTheNoun(noun) };
  const occurrence = `la ${ordinal(nth, found.length)} occurrence ${ofTheNoun(noun)}`;
  return { the: occurrence, to: `à ${occurrence}` };
}

/** The full stop after a closing quote, left out when the quoted words end their own sentence (« … publié. »). */
const stop = (lastQuoted: string) => (/[.!?…]$/.test(lastQuoted) ? '' : '.');

/** A sentence ends with a full stop, so a phrase added at the end of an alinéa is « une phrase ». */
const isSentence = (words: string) => /^\p{Lu}/u.test(words) && /[.!?…]$/.test(words);

function wordsSentence(part: Extract<Part, { type: 'words' }>, scope: Scope): string {
  const { text, change } = part;
  const deleted = change.deleted.trim();
  const inserted = change.inserted.trim();
  if (deleted === '') return insertionSentence(part, scope, inserted);
  const where = locator(scope, part.alinea);
  const target = designation(text, deleted, change.start + change.deleted.length - change.deleted.trimStart().length);
  if (inserted === '') return capitalised(`${where}supprimer ${labelled(target.the, deleted)}${stop(deleted)}`);
  return capitalised(`${where}substituer ${labelled(target.to, deleted)} ${labelled(theNoun(nounOf(inserted)), inserted)}${stop(inserted)}`);
}

function insertionSentence(part: Extract<Part, { type: 'words' }>, scope: Scope, inserted: string): string {
  const { text, change } = part;
  const what = labelled(theNoun(nounOf(inserted)), inserted);
  const preceding = text.slice(0, change.start).trimEnd();
  if (preceding === '') return `Au début de ${place(scope, part.alinea)}, insérer ${what}${stop(inserted)}`;
  if (text.slice(change.end).trim() === '') {
    const added = isSentence(inserted) ? labelled('une phrase ainsi rédigée', inserted) : what;
    return `Compléter ${place(scope, part.alinea)} par ${added}${stop(inserted)}`;
  }
  const anchor = anchorWords(text, preceding);
  const target = designation(text, anchor.words, anchor.start);
  return capitalised(`${locator(scope, part.alinea)}après ${labelled(target.the, anchor.words)}, insérer ${what}${stop(inserted)}`);
}

/**
 * The words an insertion follows: the last word before it, or the last two or three when those alone occur once in
 * the alinéa (failing that, the last word and its occurrence number, see {@link designation}).
 */
function anchorWords(text: string, preceding: string): { words: string; start: number } {
  const starts = [...preceding.matchAll(/\S+/g)].map((match) => match.index);
  const candidate = (k: number) => {
    const start = starts[starts.length - k] ?? 0;
    return { words: preceding.slice(start), start };
  };
  for (let k = 1; k <= Math.min(3, starts.length); k += 1) {
    if (occurrences(text, candidate(k).words).length === 1) return candidate(k);
  }
  return candidate(1);
}
