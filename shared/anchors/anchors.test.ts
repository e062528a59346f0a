import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AnchorError, createAnchor, findArticleText, resolveAnchor } from './anchors.ts';
import { articleId, billDoc, replaceArticle, replicaOf, syncReplicas, textOf } from '../../test/helpers/anchorDocs.ts';

const ARTICLE =
  'Les administrations publient chaque année la liste des traitements algorithmiques.\n' +
  'Cette liste précise « les règles » et les finalités 😀 du traitement.\n' +
  "Un décret en Conseil d'État fixe les modalités d'application du présent article.";
const A1 = articleId('a1');

function docWithAnchorOn(words: string, article = ARTICLE) {
  const doc = billDoc({ a1: article, a2: 'Le présent article entre en vigueur.' });
  const index = article.indexOf(words);
  return { doc, text: textOf(doc, 'a1'), index, anchor: createAnchor(doc, A1, index, words.length) };
}

const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AnchorError ? error.reason : 'other error';
  }
  return 'no error';
};

describe('creating anchors', () => {
  it('ANCHOR1 records the quote, 32 units of context each side, and the alinéa', () => {
    const { anchor, index } = docWithAnchorOn('« les règles »');
    const end = index + '« les règles »'.length;
    expect(anchor.quote).toEqual({
      exact: '« les règles »',
      prefix: ARTICLE.slice(index - 32, index),
      suffix: ARTICLE.slice(end, end + 32),
    });
    expect(anchor.quote.prefix).toContain('\n');
    expect(anchor.alinea).toBe(2);
    expect(anchor.articleId).toBe('a1');
    expect(anchor.start).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('ANCHOR1 context is shorter at the edges of the text and never cuts an emoji in half', () => {
    expect(docWithAnchorOn('Les').anchor.quote.prefix).toBe('');
    expect(docWithAnchorOn('article.').anchor.quote.suffix).toBe('');
    const article = `😀${'a'.repeat(31)}MOT${'b'.repeat(31)}😀`;
    const { anchor } = docWithAnchorOn('MOT', article);
    expect(anchor.quote.prefix).toBe('a'.repeat(31));
    expect(anchor.quote.suffix).toBe('b'.repeat(31));
  });

  it('ANCHOR1 refuses ranges outside the text, inside an emoji, too long, or in a missing article', () => {
    const { doc } = docWithAnchorOn('Les');
    const emoji = ARTICLE.indexOf('😀');
    expect(reasonOf(() => createAnchor(doc, A1, ARTICLE.length, 1))).toBe('out_of_range');
    expect(reasonOf(() => createAnchor(doc, A1, -1, 2))).toBe('out_of_range');
    expect(reasonOf(() => createAnchor(doc, A1, 0.5, 2))).toBe('out_of_range');
    expect(reasonOf(() => createAnchor(doc, A1, emoji + 1, 3))).toBe('splits_surrogate_pair');
    expect(reasonOf(() => createAnchor(doc, A1, emoji - 2, 3))).toBe('splits_surrogate_pair');
    expect(reasonOf(() => createAnchor(doc, articleId('nope'), 0, 1))).toBe('article_not_found');
    const long = billDoc({ a1: 'x'.repeat(10_001) });
    expect(reasonOf(() => createAnchor(long, A1, 0, 10_001))).toBe('too_long');
    expect(createAnchor(doc, A1, emoji, 2).quote.exact).toBe('😀');
    expect(createAnchor(doc, A1, ARTICLE.length, 0).quote).toMatchObject({ exact: '', suffix: '' });
  });

  it('ANCHOR1 findArticleText finds an article without creating roots in foreign documents', () => {
    const { doc, text } = docWithAnchorOn('Les');
    expect(findArticleText(doc, 'a1')).toBe(text);
    expect(findArticleText(doc, 'a9')).toBeNull();
    const empty = new Y.Doc();
    expect(findArticleText(empty, 'a1')).toBeNull();
    expect([...empty.share.keys()]).toEqual([]);
    const foreign = new Y.Doc();
    foreign.getMap('articles').set('id', 'a1');
    expect(findArticleText(foreign, 'a1')).toBeNull();
  });
});

describe('resolving anchors after edits', () => {
  it('ANCHOR2 edits before, after and right at the edges of a range keep it on the same words', () => {
    const { doc, text, anchor } = docWithAnchorOn('la liste des traitements');
    text.insert(0, 'Désormais, ');
    text.insert(text.toJSON().indexOf('la liste'), 'toujours ');
    text.insert(text.toJSON().indexOf(' algorithmiques'), ' publics');
    text.delete(text.toJSON().indexOf('Cette'), 5);
    const resolved = resolveAnchor(doc, anchor);
    expect(resolved).toMatchObject({ status: 'ok', text: 'la liste des traitements', alinea: 1, realigned: false });
    expect(text.toJSON().slice(resolved.index, resolved.index + resolved.length)).toBe('la liste des traitements');
  });

  it('ANCHOR2 a remote edit arriving from another replica keeps the range on the same words', () => {
    const { doc, anchor } = docWithAnchorOn('les finalités 😀');
    const remote = replicaOf(doc);
    const remoteText = textOf(remote, 'a1');
    remoteText.insert(0, 'Premier alinéa inséré.\n');
    remoteText.insert(remoteText.toJSON().indexOf(' du traitement'), ' 🎉');
    syncReplicas(remote, doc);
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'ok', text: 'les finalités 😀', alinea: 3 });
  });

  it('ANCHOR2 concurrent edits on two replicas around a range converge on the same covered words', () => {
    const { doc, anchor } = docWithAnchorOn('chaque année');
    const other = replicaOf(doc);
    textOf(doc, 'a1').insert(ARTICLE.indexOf('chaque'), 'désormais ');
    textOf(other, 'a1').insert(ARTICLE.indexOf(' la liste'), ' civile');
    syncReplicas(doc, other);
    expect(textOf(doc, 'a1').toJSON()).toContain('publient désormais chaque année civile la liste');
    for (const replica of [doc, other]) {
      expect(resolveAnchor(replica, anchor)).toMatchObject({ status: 'ok', text: 'chaque année' });
    }
  });

  it('ANCHOR2 an insertion point stays between the same two characters', () => {
    const { doc, text } = docWithAnchorOn('Les');
    const at = ARTICLE.indexOf(' algorithmiques');
    const point = createAnchor(doc, A1, at, 0);
    text.insert(0, 'Au 1er janvier, ');
    text.insert(text.toJSON().indexOf('algorithmiques.') + 'algorithmiques.'.length, ' Fin.');
    let resolved = resolveAnchor(doc, point);
    expect(resolved).toMatchObject({ status: 'ok', length: 0, text: '' });
    expect(text.toJSON().slice(resolved.index - 'traitements'.length, resolved.index + 3)).toBe('traitements al');
    text.insert(resolved.index, ' publics');
    resolved = resolveAnchor(doc, point);
    expect(text.toJSON().slice(resolved.index - 'traitements'.length, resolved.index + 3)).toBe('traitements pu');
  });

  it('ANCHOR3 an edit inside a range makes it drifted, still covering the edited words', () => {
    const { doc, text, index, anchor } = docWithAnchorOn("décret en Conseil d'État");
    text.insert(index + 'décret'.length, ' simple');
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'drifted', text: "décret simple en Conseil d'État" });
    text.delete(index + 'décret'.length, ' simple en Conseil'.length);
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'drifted', text: "décret d'État" });
  });

  it('ANCHOR3 deleting all the covered words makes it orphan, even if text is typed there again', () => {
    const { doc, text, index, anchor } = docWithAnchorOn('chaque année');
    text.delete(index, 'chaque année'.length);
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'orphan', length: 0, text: '', index });
    text.insert(index, 'tous les ans');
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'orphan', length: 0, text: '' });
  });

  it('ANCHOR3 a deleted article makes its anchors orphan', () => {
    const { doc, anchor } = docWithAnchorOn('chaque année');
    doc.getArray('articles').delete(0, 1);
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'orphan', length: 0, alinea: 1, realigned: false });
  });

  it('ANCHOR3 an insertion point is ok as long as it resolves', () => {
    const { doc, text } = docWithAnchorOn('Les');
    const point = createAnchor(doc, A1, ARTICLE.indexOf('chaque'), 0);
    text.delete(ARTICLE.indexOf('publient'), 'publient chaque'.length);
    expect(resolveAnchor(doc, point)).toMatchObject({ status: 'ok', length: 0 });
  });
});

describe('re-anchoring when the positions no longer apply (exact quote, shared part)', () => {
  it('ANCHOR6 a re-seeded article with the same words re-anchors them ok', () => {
    const { doc, anchor } = docWithAnchorOn('les modalités');
    replaceArticle(doc, 'a1', `Alinéa nouveau en tête.\n${ARTICLE.replace('chaque année', 'tous les ans')}`);
    const resolved = resolveAnchor(doc, anchor);
    expect(resolved).toMatchObject({ status: 'ok', text: 'les modalités', alinea: 4, realigned: true });
  });

  it('ANCHOR6 a document re-seeded from scratch (new Y.Doc) re-anchors by quote', () => {
    const { anchor } = docWithAnchorOn('« les règles »');
    const reseeded = billDoc({ a1: ARTICLE });
    expect(resolveAnchor(reseeded, anchor)).toMatchObject({ status: 'ok', text: '« les règles »', realigned: true });
  });

  it('ANCHOR6 a repeated quote re-anchors on the occurrence whose context agrees', () => {
    const article = 'le ministre chargé du budget.\nLe rapport du ministre chargé de la santé.';
    const { doc, anchor } = docWithAnchorOn('ministre chargé de la', article);
    replaceArticle(doc, 'a1', `Le ministre chargé de la culture.\n${article}`);
    const resolved = resolveAnchor(doc, anchor);
    expect(resolved).toMatchObject({ status: 'ok', alinea: 3 });
  });

  it('ANCHOR6 without fuzzy matching, changed words re-anchor as orphan in shared/', () => {
    const { doc, anchor } = docWithAnchorOn('la liste des traitements');
    replaceArticle(doc, 'a1', ARTICLE.replace('la liste des traitements', 'la liste de ces traitements'));
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: 'orphan', length: 0, realigned: true, alinea: 1 });
  });

  it('ANCHOR6 an insertion point re-anchors by its context', () => {
    const { doc } = docWithAnchorOn('Les');
    const point = createAnchor(doc, A1, ARTICLE.indexOf(' du présent'), 0);
    replaceArticle(doc, 'a1', `En tête.\n${ARTICLE}`);
    const resolved = resolveAnchor(doc, point);
    expect(resolved).toMatchObject({ status: 'ok', length: 0, alinea: 4 });
    expect(textOf(doc, 'a1').toJSON().slice(resolved.index)).toBe(' du présent article.');
  });
});
