import { fromBase64, toBase64 } from 'lib0/buffer';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AnchorInputSchema, AnchorSchema } from './anchorSchema.ts';
import { anchorFromQuote, checkAnchorInput, createAnchor, resolveAnchor } from './anchors.ts';
import { articleId, billDoc, replicaOf, syncReplicas, textOf } from '../../test/helpers/anchorDocs.ts';

const ARTICLE =
  'I. – Le ministre chargé de la santé publie un rapport.\n' +
  'II. – Le rapport est transmis au Parlement.\n' +
  'III. – Le rapport est rendu public.';
const A1 = articleId('a1');
const encode = (position: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(position));

function positionsFromClient(doc: Y.Doc, index: number, length: number, assoc = 0) {
  const text = textOf(doc, 'a1');
  return {
    start: encode(Y.createRelativePositionFromTypeIndex(text, index, assoc)),
    end: encode(Y.createRelativePositionFromTypeIndex(text, index + length, assoc)),
  };
}

describe('anchoring a quote (clients without Yjs)', () => {
  it('ANCHOR4 a quote occurring once is anchored where it is', () => {
    const doc = billDoc({ a1: ARTICLE });
    const outcome = anchorFromQuote(doc, A1, { exact: 'transmis au Parlement' });
    expect(outcome).toMatchObject({ anchor: { quote: { exact: 'transmis au Parlement' }, alinea: 2 } });
  });

  it('ANCHOR4 a repeated quote is chosen by prefix/suffix agreement, then by the alinéa hint', () => {
    const doc = billDoc({ a1: ARTICLE });
    const byContext = anchorFromQuote(doc, A1, { exact: 'Le rapport est', suffix: ' rendu' });
    expect(byContext).toMatchObject({ anchor: { alinea: 3 } });
    const byPrefix = anchorFromQuote(doc, A1, { exact: 'Le rapport est', prefix: '\nII. – ' }, 3);
    expect(byPrefix).toMatchObject({ anchor: { alinea: 2 } });
    expect(anchorFromQuote(doc, A1, { exact: 'Le rapport est' }, 2)).toMatchObject({ anchor: { alinea: 2 } });
    expect(anchorFromQuote(doc, A1, { exact: 'Le rapport est' })).toEqual({ problem: 'ambiguous' });
    expect(anchorFromQuote(doc, A1, { exact: 'rapport' }, 2)).toMatchObject({ anchor: { alinea: 2 } });
    expect(anchorFromQuote(doc, A1, { exact: 'e' }, 2)).toEqual({ problem: 'ambiguous' });
  });

  it('ANCHOR4 a missing quote, article or context is reported', () => {
    const doc = billDoc({ a1: ARTICLE });
    expect(anchorFromQuote(doc, A1, { exact: 'le Sénat' })).toEqual({ problem: 'not_found' });
    expect(anchorFromQuote(doc, articleId('a2'), { exact: 'rapport' })).toEqual({ problem: 'article_not_found' });
    expect(anchorFromQuote(doc, A1, { exact: '' })).toEqual({ problem: 'ambiguous' });
  });

  it('ANCHOR4 an insertion point is placed by its context', () => {
    const doc = billDoc({ a1: ARTICLE });
    const outcome = anchorFromQuote(doc, A1, { exact: '', prefix: 'Le rapport est ', suffix: 'rendu' });
    expect(outcome).toMatchObject({ anchor: { quote: { exact: '' }, alinea: 3 } });
    if (!('anchor' in outcome)) throw new Error('expected an anchor');
    expect(resolveAnchor(doc, outcome.anchor).index).toBe(ARTICLE.indexOf('rendu'));
  });
});

describe('checking a client anchor with relative positions', () => {
  it('ANCHOR5 positions from a client replica are accepted and the context is recomputed', () => {
    const server = billDoc({ a1: ARTICLE });
    const client = replicaOf(server);
    const index = ARTICLE.indexOf('un rapport');
    const input = {
      articleId: A1,
      ...positionsFromClient(client, index, 'un rapport'.length),
      quote: { exact: 'un rapport', prefix: 'faux contexte', suffix: 'faux' },
    };
    const outcome = checkAnchorInput(server, AnchorInputSchema.parse(input));
    expect(outcome).toEqual({ anchor: createAnchor(server, A1, index, 'un rapport'.length) });
  });

  it('ANCHOR5 positions are normalised to our association: typing after the range does not extend it', () => {
    const server = billDoc({ a1: ARTICLE });
    const index = ARTICLE.indexOf('un rapport');
    const input = { articleId: A1, ...positionsFromClient(server, index, 10), quote: { exact: 'un rapport' } };
    const outcome = checkAnchorInput(server, input);
    if (!('anchor' in outcome)) throw new Error('expected an anchor');
    textOf(server, 'a1').insert(index + 10, ' annuel');
    expect(resolveAnchor(server, outcome.anchor)).toMatchObject({ status: 'ok', text: 'un rapport' });
  });

  it('ANCHOR5 a quote that is not what the positions cover is refused', () => {
    const server = billDoc({ a1: ARTICLE });
    const index = ARTICLE.indexOf('un rapport');
    const input = { articleId: A1, ...positionsFromClient(server, index, 10), quote: { exact: 'un rapporT' } };
    expect(checkAnchorInput(server, input)).toEqual({ problem: 'quote_mismatch' });
  });

  it('ANCHOR5 a client edit the server has not seen makes its positions invalid', () => {
    const server = billDoc({ a1: ARTICLE });
    const client = replicaOf(server);
    textOf(client, 'a1').insert(0, 'Nouveau. ');
    const input = { articleId: A1, ...positionsFromClient(client, 0, 8), quote: { exact: 'Nouveau.' } };
    expect(checkAnchorInput(server, input)).toEqual({ problem: 'invalid_position' });
    syncReplicas(client, server);
    expect(checkAnchorInput(server, input)).toMatchObject({ anchor: { quote: { exact: 'Nouveau.' } } });
  });

  it('ANCHOR5 positions into another article, a root type or garbage are refused without side effects', () => {
    const server = billDoc({ a1: ARTICLE, a2: ARTICLE });
    const other = textOf(server, 'a2');
    const intoOther = {
      start: encode(Y.createRelativePositionFromTypeIndex(other, 0)),
      end: encode(Y.createRelativePositionFromTypeIndex(other, 2)),
    };
    expect(checkAnchorInput(server, { articleId: A1, ...intoOther, quote: { exact: 'I.' } })).toEqual({
      problem: 'invalid_position',
    });
    const root = encode(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('intrus'), 0));
    expect(checkAnchorInput(server, { articleId: A1, start: root, end: root, quote: { exact: '' } })).toEqual({
      problem: 'invalid_position',
    });
    expect([...server.share.keys()]).toEqual(['articles']);
    const garbage = toBase64(fromBase64('AAAA').map(() => 255));
    expect(checkAnchorInput(server, { articleId: A1, start: garbage, end: garbage, quote: { exact: '' } })).toEqual({
      problem: 'invalid_position',
    });
    const missing = { articleId: articleId('a9'), ...intoOther, quote: { exact: 'I.' } };
    expect(checkAnchorInput(server, missing)).toEqual({ problem: 'article_not_found' });
  });

  it('ANCHOR5 quote-only input goes through quote matching with its alinéa hint', () => {
    const server = billDoc({ a1: ARTICLE });
    const input = AnchorInputSchema.parse({ articleId: 'a1', quote: { exact: 'Le rapport est' }, alinea: 3 });
    expect(checkAnchorInput(server, input)).toMatchObject({ anchor: { alinea: 3 } });
  });
});

describe('schemas', () => {
  it('ANCHOR9 stored anchors and client inputs are bounded', () => {
    const doc = billDoc({ a1: ARTICLE });
    const anchor = createAnchor(doc, A1, 0, 5);
    expect(AnchorSchema.parse(anchor)).toEqual(anchor);
    const invalid = [
      { ...anchor, start: 'A'.repeat(204) },
      { ...anchor, end: 'pas du base64 !' },
      { ...anchor, quote: { ...anchor.quote, exact: 'x'.repeat(10_001) } },
      { ...anchor, quote: { ...anchor.quote, prefix: 'x'.repeat(33) } },
      { ...anchor, alinea: 0 },
      { ...anchor, alinea: 1.5 },
      { ...anchor, articleId: 'a/1' },
      { ...anchor, extra: true },
    ];
    for (const value of invalid) expect(AnchorSchema.safeParse(value).success).toBe(false);
    expect(AnchorInputSchema.safeParse({ articleId: 'a1', quote: { exact: 'x' } }).success).toBe(true);
    expect(AnchorInputSchema.safeParse({ articleId: 'a1', start: anchor.start, quote: { exact: 'x' } }).success).toBe(
      false,
    );
    expect(AnchorInputSchema.safeParse({ articleId: 'a1', quote: { exact: 'x' }, alinea: -1 }).success).toBe(false);
  });
});
