/**
 * Seeded random edits on two syncing replicas, checked against a plain-string model of where the range must be.
 * A failing seed replays exactly (mulberry32).
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { mulberry32, randomInt } from '../../test/helpers/random.ts';
import type { Anchor } from './anchorSchema.ts';
import { createAnchor, resolveAnchor } from './anchors.ts';
import { articleId, billDoc, replaceArticle, replicaOf, syncReplicas, textOf } from '../../test/helpers/anchorDocs.ts';
import { alineaAt, splitsSurrogatePair } from './textContext.ts';

const WORDS = ['le', 'décret', "d'État", 'à', 'œuvre', '«', '»', 'alinéa', '😀', '🇫🇷', 'où', 'n°', '1er', 'été'];
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
const STEPS = 30;

type Random = () => number;
/** The range [start, end) in `text` where the anchor must be. */
interface Model {
  text: string;
  start: number;
  end: number;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[randomInt(random, items.length)]!;
const words = (random: Random, count: number) =>
  Array.from({ length: count }, () => pick(random, WORDS) + (random() < 0.1 ? '\n' : ' ')).join('');
/** A random offset in [from, to], moved off the middle of an emoji, as an editor's cursor would be. */
const offset = (random: Random, text: string, from: number, to: number) => {
  const at = from + randomInt(random, to - from + 1);
  return splitsSurrogatePair(text, at) ? at - 1 : at;
};

function setUp(seed: number) {
  const random = mulberry32(seed);
  const text = words(random, 40);
  const local = billDoc({ a1: text });
  const remote = replicaOf(local);
  let start = offset(random, text, 0, text.length - 2);
  let end = offset(random, text, start + 2, Math.min(text.length, start + 40));
  if (end <= start) [start, end] = [start, start + 2];
  const anchor = createAnchor(local, articleId('a1'), start, end - start);
  return { random, replicas: [local, remote] as const, anchor, model: { text, start, end } };
}

/** Applies an insertion to a replica and to the model; `inside` says whether it lands within the range. */
function insertAt(doc: Y.Doc, model: Model, at: number, inserted: string, inside: boolean) {
  textOf(doc, 'a1').insert(at, inserted);
  model.text = model.text.slice(0, at) + inserted + model.text.slice(at);
  if (at <= model.start && !inside) model.start += inserted.length;
  if (at < model.end || (at === model.end && inside)) model.end += inserted.length;
}

/** Applies a deletion of [from, to) to a replica and to the model. */
function deleteRange(doc: Y.Doc, model: Model, from: number, to: number) {
  textOf(doc, 'a1').delete(from, to - from);
  model.text = model.text.slice(0, from) + model.text.slice(to);
  const map = (at: number) => (at < from ? at : at >= to ? at - (to - from) : from);
  model.start = map(model.start);
  model.end = map(model.end);
}

/**
 * One random edit outside the range; unless `strict`, insertions may touch its edges. Strict is for ranges whose edge
 * characters may be deleted: Yjs inserts after deleted items, so typing at the edge of a range that lost its first
 * character lands inside it (the range is drifted anyway).
 */
function editOutside(random: Random, doc: Y.Doc, model: Model, strict = false) {
  const { text, start, end } = model;
  const before = random() < 0.5;
  const margin = strict ? 1 : 0;
  if (random() < 0.6) {
    if (before ? start - margin < 0 : end + margin > text.length) return;
    const at = before ? offset(random, text, 0, start - margin) : offset(random, text, end + margin, text.length);
    if (strict && at === end) return;
    insertAt(doc, model, at, words(random, 1 + randomInt(random, 3)), false);
  } else {
    const [from, to] = before ? [0, start] : [end, text.length];
    if (to - from < 2) return;
    const a = offset(random, text, from, to - 1);
    deleteRange(doc, model, a, offset(random, text, a + 1, Math.min(to, a + 12)));
  }
}

function expectOnModel(doc: Y.Doc, anchor: Anchor, model: Model) {
  expect(textOf(doc, 'a1').toJSON()).toBe(model.text);
  const covered = model.text.slice(model.start, model.end);
  const status = covered === anchor.quote.exact ? 'ok' : 'drifted';
  expect(resolveAnchor(doc, anchor)).toEqual({
    status,
    index: model.start,
    length: model.end - model.start,
    text: covered,
    alinea: alineaAt(model.text, model.start),
    realigned: false,
  });
}

describe('random edits on two replicas', () => {
  it.each(SEEDS)('ANCHOR2 seed %i: edits outside a range, local or remote, never change the covered text', (seed) => {
    const { random, replicas, anchor, model } = setUp(seed);
    for (let step = 0; step < STEPS; step += 1) {
      editOutside(random, pick(random, replicas), model);
      syncReplicas(...replicas);
      for (const doc of replicas) expectOnModel(doc, anchor, model);
      expect(resolveAnchor(replicas[1], anchor).text).toBe(anchor.quote.exact);
    }
  });

  it.each(SEEDS)('ANCHOR3 seed %i: edits inside a range only make it drifted, on the edited words', (seed) => {
    const { random, replicas, anchor, model } = setUp(seed);
    for (let step = 0; step < STEPS; step += 1) {
      const doc = pick(random, replicas);
      const { text, start, end } = model;
      if (random() < 0.3) {
        editOutside(random, doc, model, true);
      } else if (random() < 0.5 && end - start >= 2) {
        const at = offset(random, text, start + 1, end - 1);
        if (at > start) insertAt(doc, model, at, words(random, 1), true);
      } else if (end - start >= 2) {
        // Keep at least one covered character: deleting them all is ANCHOR3's orphan case below.
        const from = offset(random, text, start, end - 1);
        const to = offset(random, text, from + 1, end);
        if (to > from && to - from < end - start) deleteRange(doc, model, from, to);
      }
      syncReplicas(...replicas);
      for (const replica of replicas) expectOnModel(replica, anchor, model);
    }
    expect(resolveAnchor(replicas[0], anchor).status).not.toBe('orphan');
  });

  it.each(SEEDS)('ANCHOR3 seed %i: deleting the whole range makes it orphan, and it stays so', (seed) => {
    const { random, replicas, anchor, model } = setUp(seed);
    for (let step = 0; step < 5; step += 1) {
      editOutside(random, pick(random, replicas), model);
      syncReplicas(...replicas);
    }
    const from = offset(random, model.text, Math.max(0, model.start - 3), model.start);
    const to = offset(random, model.text, model.end, Math.min(model.text.length, model.end + 3));
    deleteRange(pick(random, replicas), model, from, to);
    syncReplicas(...replicas);
    for (let step = 0; step < 10; step += 1) {
      const doc = pick(random, replicas);
      const text = textOf(doc, 'a1').toJSON();
      insertAt(doc, model, offset(random, text, 0, text.length), words(random, 2), false);
      syncReplicas(...replicas);
      for (const replica of replicas) {
        expect(resolveAnchor(replica, anchor)).toMatchObject({ status: 'orphan', length: 0, text: '' });
      }
    }
  });
});

describe('random re-seeding', () => {
  it.each(SEEDS)('ANCHOR6 seed %i: a re-import with a change elsewhere re-anchors the same words, ok', (seed) => {
    const random = mulberry32(seed);
    const head = words(random, 20);
    const exact = `mesure ${words(random, 5)}prise`;
    const tail = words(random, 20);
    const doc = billDoc({ a1: head + exact + tail });
    const anchor = createAnchor(doc, articleId('a1'), head.length, exact.length);
    const changedHead = random() < 0.5 ? `Nouvel alinéa.\n${head}` : head.slice(0, randomInt(random, 10));
    const changedTail = tail + words(random, 3);
    replaceArticle(doc, 'a1', changedHead + exact + changedTail);
    expect(resolveAnchor(doc, anchor)).toEqual({
      status: 'ok',
      index: changedHead.length,
      length: exact.length,
      text: exact,
      alinea: alineaAt(changedHead, changedHead.length),
      realigned: true,
    });
  });
});
