/**
 * Where each word of a text came from, walking a bill's versions in procedure order (BLAME1, BLAME3): each article
 * is word-diffed with the article it continues in the previous version; kept words keep their origin, inserted
 * words get this version's step and, where the version was published from the live text, the writer whose
 * characters they are. Everything is kept as runs of characters, so a long article costs a few runs, not a record
 * per character. Pure: the caller loads the versions and supplies the diff.
 */
import type { DiffPart } from '../../../shared/text/wordDiff.ts';
import type { StoredSpan } from '../../storage/schema/attribution.ts';

/** Who wrote a stretch of text: a user (a live edit), or an amendment (with the rapporteur who applied it). */
export interface Writer {
  kind: 'user' | 'amendment';
  id: string;
  actorId: string | null;
}

/** Where a stretch of text came from: the index of the step that introduced it and, when known, its writer. */
export interface Origin {
  step: number;
  writer: Writer | null;
}

/** Consecutive characters of one origin. */
export interface Run {
  length: number;
  origin: Origin;
}

/** An article as one version holds it, for the lineage walk. */
export interface LineageArticle {
  articleId: string;
  /** The live document's id of the article, when the version was published from it: its identity across renumbering. */
  lineageId: string | null;
  /** The text (alinéas joined by line breaks); empty for a deleted article. */
  text: string;
  /** The characters known writers hold in this text (versions published from the live text), else null. */
  spans: readonly StoredSpan[] | null;
}

/** A text with the origin of every character. */
export interface AttributedText {
  text: string;
  runs: Run[];
}

/**
 * A version's articles, attributed, and how the next version finds the article each of its own continues: the last
 * state of every article seen so far, so an article a text leaves out (a CMP text listing only what it changed)
 * is found again where it last stood.
 */
export interface AttributedVersion {
  articles: AttributedText[];
  byLineageId: Map<string, AttributedText>;
  byArticleId: Map<string, AttributedText>;
}

/** The word diffs the walk uses: a version's articles, each before and after, diffed together (one shared budget). */
export type DiffAll = (pairs: readonly (readonly [string, string])[]) => Promise<DiffPart[][]>;

/** One origin object per step and writer, so runs compare origins by identity. */
export class Origins {
  readonly #known = new Map<string, Origin>();

  /** The origin of this step and writer. */
  of(step: number, writer: Writer | null): Origin {
    const key = writer === null ? `${step}` : `${step}\u0000${writer.kind}\u0000${writer.id}\u0000${writer.actorId ?? ''}`;
    let origin = this.#known.get(key);
    if (origin === undefined) {
      origin = { step, writer };
      this.#known.set(key, origin);
    }
    return origin;
  }
}

/** Appends to a run list, extending the last run when the origin is the same. */
function pushRun(runs: Run[], length: number, origin: Origin): void {
  if (length <= 0) return;
  const last = runs.at(-1);
  if (last?.origin === origin) last.length += length;
  else runs.push({ length, origin });
}

/** Reads a run list from the start, a number of characters at a time. */
class RunCursor {
  #index = 0;
  #offset = 0;

  constructor(private readonly runs: readonly Run[]) {}

  /** Copies the next `length` characters' runs into `into`. */
  copy(length: number, into: Run[]): void {
    this.#walk(length, (n, origin) => pushRun(into, n, origin));
  }

  /** Skips the next `length` characters. */
  skip(length: number): void {
    this.#walk(length, () => undefined);
  }

  #walk(length: number, visit: (n: number, origin: Origin) => void): void {
    let left = length;
    while (left > 0) {
      const run = this.runs[this.#index];
      if (run === undefined) throw new Error('lineage: a diff covers more text than its earlier side');
      const n = Math.min(left, run.length - this.#offset);
      visit(n, run.origin);
      left -= n;
      this.#offset += n;
      if (this.#offset === run.length) {
        this.#index += 1;
        this.#offset = 0;
      }
    }
  }
}

/** For each character of a text, the index of its writer in `writers` (-1: unknown). */
function writerIndex(length: number, spans: readonly StoredSpan[] | null, writers: Writer[]): Int32Array | null {
  if (spans === null || spans.length === 0) return null;
  const index = new Int32Array(length).fill(-1);
  const keys = new Map<string, number>();
  for (const span of spans) {
    const key = `${span.kind}\u0000${span.id}\u0000${span.actorId ?? ''}`;
    let at = keys.get(key);
    if (at === undefined) {
      at = writers.push({ kind: span.kind, id: span.id, actorId: span.actorId }) - 1;
      keys.set(key, at);
    }
    index.fill(at, Math.max(0, span.from), Math.min(length, span.to));
  }
  return index;
}

/** The writer of most of the characters in [from, to) (the first of them on a tie), or -1 when none is known. */
function mainWriter(index: Int32Array, from: number, to: number): number {
  const counts = new Map<number, number>();
  let best = -1;
  let bestCount = 0;
  for (let i = from; i < to; i++) {
    const writer = index[i] as number;
    if (writer < 0) continue;
    const count = (counts.get(writer) ?? 0) + 1;
    counts.set(writer, count);
    if (count > bestCount) {
      best = writer;
      bestCount = count;
    }
  }
  return best;
}

// Words and the blanks between them, in an inserted stretch.
const SEGMENTS = /\s+|\S+/gu;

/**
 * Origins of an inserted stretch [from, to) of `text`: this step, and per word the writer of most of its characters.
 * Blanks go with the word before them (or after, at the start), so a run never breaks on a space.
 */
function insertRuns(runs: Run[], text: string, from: number, to: number, step: number, index: Int32Array | null, writers: Writer[], origins: Origins): void {
  if (index === null) {
    pushRun(runs, to - from, origins.of(step, null));
    return;
  }
  const segments = [...text.slice(from, to).matchAll(SEGMENTS)].map((match) => {
    const start = from + (match.index ?? 0);
    const end = start + match[0].length;
    return { start, end, blank: /^\s/u.test(match[0]), writer: mainWriter(index, start, end) };
  });
  segments.forEach((segment, i) => {
    let writer = segment.writer;
    if (segment.blank) {
      const neighbour = segments[i - 1] ?? segments[i + 1];
      if (neighbour && !neighbour.blank) writer = neighbour.writer;
    }
    pushRun(runs, segment.end - segment.start, origins.of(step, writer < 0 ? null : (writers[writer] as Writer)));
  });
}

/**
 * Attributes one article's text given the attributed text it continues (or null: all of it is new) and the word
 * diff from that text to this one.
 */
export function attributeArticle(previous: AttributedText | null, article: LineageArticle, step: number, parts: readonly DiffPart[], origins: Origins): AttributedText {
  const { text } = article;
  if (previous !== null && previous.text === text) return { text, runs: previous.runs };
  const writers: Writer[] = [];
  const index = writerIndex(text.length, article.spans, writers);
  const runs: Run[] = [];
  if (previous === null || previous.text === '') {
    insertRuns(runs, text, 0, text.length, step, index, writers, origins);
    return { text, runs };
  }
  const cursor = new RunCursor(previous.runs);
  let at = 0;
  for (const part of parts) {
    const length = part.text.length;
    if (part.op === 'delete') cursor.skip(length);
    else if (part.op === 'equal') {
      cursor.copy(length, runs);
      at += length;
    } else {
      insertRuns(runs, text, at, at + length, step, index, writers, origins);
      at += length;
    }
  }
  return { text, runs };
}

/**
 * Attributes a version's articles from the previous versions' (null for the first version). An article continues
 * the article with the same live-document id, else the same article id (La Fabrique's identity, by working
 * number), as it last stood; a deleted article's text is empty, so words it gets back count as new.
 */
export async function attributeVersion(
  previous: AttributedVersion | null,
  articles: readonly LineageArticle[],
  step: number,
  diffAll: DiffAll,
  origins: Origins,
): Promise<AttributedVersion> {
  const befores = articles.map((article) =>
    previous === null
      ? null
      : article.lineageId === null
        ? (previous.byArticleId.get(article.articleId) ?? null)
        : (previous.byLineageId.get(article.lineageId) ?? previous.byArticleId.get(article.lineageId) ?? null),
  );
  // An article with nothing before it is all new: its pair is left equal, which costs the diff nothing.
  const diffs = await diffAll(articles.map((article, i) => [befores[i]?.text || article.text, article.text]));
  const attributed = articles.map((article, i) => attributeArticle(befores[i] ?? null, article, step, diffs[i] ?? [], origins));
  const byLineageId = new Map(previous?.byLineageId);
  const byArticleId = new Map(previous?.byArticleId);
  articles.forEach((article, i) => {
    const text = attributed[i] as AttributedText;
    if (article.lineageId !== null) byLineageId.set(article.lineageId, text);
    byArticleId.set(article.articleId, text);
  });
  return { articles: attributed, byLineageId, byArticleId };
}
