/**
 * The line pass of the word diff: which lines (alinéas) two texts share, so that the word search only runs inside
 * the blocks of lines that changed. A bill of thousands of alinéas with a few hundred edits then costs a linear
 * pass plus a few hundred small word searches, instead of one search over hundreds of thousands of tokens.
 *
 * Patience-style: lines that occur exactly once on each side are matched in their longest common order; between
 * two such anchors, common first and last lines are kept and what remains, if both sides still hold several lines,
 * goes through npm `diff`'s `diffArrays` (a minimal line diff), bounded by the same deadline.
 */
import { diffArrays } from 'diff';

/** A run of lines both texts hold, or a block of lines that differ (either side may be empty). */
export type LineBlock = { equal: string } | { before: string; after: string };

/** A text cut into lines: where each starts (and, last, the text's length); a line keeps its line break. */
class Lines {
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let end = text.indexOf('\n'); end !== -1 && end + 1 < text.length; end = text.indexOf('\n', end + 1)) this.starts.push(end + 1);
    if (text.length > 0) this.starts.push(text.length);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /** Lines `from` to `to` (excluded), as one string. */
  slice(from: number, to: number): string {
    return this.text.slice(this.starts[from], this.starts[to]);
  }
}

/** Collects blocks, joining neighbouring equal lines and neighbouring changed ones. */
class Blocks {
  readonly list: LineBlock[] = [];
  // The pending run: equal lines [equalFrom, oldAt), or changed lines [oldFrom, oldAt) → [newFrom, newAt).
  #equalFrom = -1;
  #changedFrom: [number, number] | null = null;
  #oldAt = 0;
  #newAt = 0;

  constructor(
    private readonly oldLines: Lines,
    private readonly newLines: Lines,
  ) {}

  /** The next `count` lines are the same on both sides. */
  equal(count: number): void {
    if (count === 0) return;
    this.#flushChanged();
    if (this.#equalFrom === -1) this.#equalFrom = this.#oldAt;
    this.#oldAt += count;
    this.#newAt += count;
  }

  /** The next `removed` old lines became the next `added` new ones. */
  changed(removed: number, added: number): void {
    if (removed === 0 && added === 0) return;
    this.#flushEqual();
    this.#changedFrom ??= [this.#oldAt, this.#newAt];
    this.#oldAt += removed;
    this.#newAt += added;
  }

  done(): LineBlock[] {
    this.#flushEqual();
    this.#flushChanged();
    return this.list;
  }

  #flushEqual(): void {
    if (this.#equalFrom !== -1) this.list.push({ equal: this.oldLines.slice(this.#equalFrom, this.#oldAt) });
    this.#equalFrom = -1;
  }

  #flushChanged(): void {
    if (this.#changedFrom === null) return;
    const [oldFrom, newFrom] = this.#changedFrom;
    this.list.push({ before: this.oldLines.slice(oldFrom, this.#oldAt), after: this.newLines.slice(newFrom, this.#newAt) });
    this.#changedFrom = null;
  }
}

/**
 * Pairs of positions (old, new) of the lines found exactly once on each side, in the longest order both sides
 * agree on (patience sorting: O(n log n)).
 */
function uniqueAnchors(oldIds: Int32Array, newIds: Int32Array, idCount: number): Array<[number, number]> {
  const oldCount = new Int32Array(idCount);
  const newCount = new Int32Array(idCount);
  const newAt = new Int32Array(idCount);
  for (const id of oldIds) oldCount[id] = (oldCount[id] as number) + 1;
  newIds.forEach((id, j) => {
    newCount[id] = (newCount[id] as number) + 1;
    newAt[id] = j;
  });
  const pairs: Array<[number, number]> = [];
  oldIds.forEach((id, i) => {
    if (oldCount[id] === 1 && newCount[id] === 1) pairs.push([i, newAt[id] as number]);
  });
  // Longest increasing subsequence of the new positions, in old order.
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((pairs[tails[middle] as number] as [number, number])[1] < j) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[k] = tails[low - 1] as number;
    tails[low] = k;
  });
  const anchors: Array<[number, number]> = [];
  for (let k = tails.at(-1) ?? -1; k !== -1; k = previous[k] as number) anchors.push(pairs[k] as [number, number]);
  return anchors.reverse();
}

/**
 * The blocks of equal and changed lines turning `before` into `after`, or null when they could not be found before
 * `deadline` (a `Date.now()` time). Line breaks stay with the line they end.
 */
export function lineBlocks(before: string, after: string, deadline: number): LineBlock[] | null {
  const oldLines = new Lines(before);
  const newLines = new Lines(after);
  // Lines compared as small integers: never long strings twice.
  const ids = new Map<string, number>();
  const idsOf = (lines: Lines) => {
    const result = new Int32Array(lines.count);
    for (let i = 0; i < lines.count; i += 1) {
      const line = lines.slice(i, i + 1);
      let id = ids.get(line);
      if (id === undefined) ids.set(line, (id = ids.size));
      result[i] = id;
    }
    return result;
  };
  const oldIds = idsOf(oldLines);
  const newIds = idsOf(newLines);
  const blocks = new Blocks(oldLines, newLines);
  let oldAt = 0;
  let newAt = 0;
  for (const [i, j] of [...uniqueAnchors(oldIds, newIds, ids.size), [oldLines.count, newLines.count] as [number, number]]) {
    if (!gap(blocks, oldIds.subarray(oldAt, i), newIds.subarray(newAt, j), deadline)) return null;
    if (i < oldLines.count) blocks.equal(1);
    oldAt = i + 1;
    newAt = j + 1;
  }
  return blocks.done();
}

/** The lines between two anchors: common ends kept, the rest diffed line by line if both sides hold several. */
function gap(blocks: Blocks, oldIds: Int32Array, newIds: Int32Array, deadline: number): boolean {
  let start = 0;
  while (start < oldIds.length && start < newIds.length && oldIds[start] === newIds[start]) start += 1;
  let end = 0;
  while (end < oldIds.length - start && end < newIds.length - start && oldIds[oldIds.length - 1 - end] === newIds[newIds.length - 1 - end]) end += 1;
  blocks.equal(start);
  const [removed, added] = [oldIds.length - start - end, newIds.length - start - end];
  if (removed <= 1 || added <= 1) blocks.changed(removed, added);
  else {
    const timeout = deadline - Date.now();
    const changes =
      timeout > 0 ? diffArrays(Array.from(oldIds.subarray(start, start + removed)), Array.from(newIds.subarray(start, start + added)), { timeout }) : undefined;
    if (changes === undefined) return false;
    for (const change of changes) {
      if (change.removed) blocks.changed(change.count, 0);
      else if (change.added) blocks.changed(0, change.count);
      else blocks.equal(change.count);
    }
  }
  blocks.equal(end);
  return true;
}
