import { describe, expect, it } from 'vitest';
import { formalWording } from '../../../shared/amendments/formalWording.ts';
import type { Amendment } from '../../../shared/api/amendments.ts';
import type { Version } from '../../../shared/api/bills.ts';
import { byEId, childrenNamed, findAll, findOne, parseXml, textOf } from '../../../test/helpers/xmlTree.ts';
import { renderAmendment } from './amendmentDocument.ts';
import { textualModificationOf } from './textualMods.ts';

const ARTICLE_1 = 'Chaque commune peut ouvrir une bibliothèque.\nLe conseil fixe les horaires pour trois ans.\nUn décret précise les modalités.';

const reference: Version = {
  id: 'v1',
  stepId: 's1',
  stepKey: '00_depot',
  stage: '1ère lecture',
  institution: 'assemblee',
  kind: 'depot',
  date: '2026-01-15',
  title: 'Texte déposé',
  articleCount: 2,
  sourceUrl: null,
  expose: '',
  sections: [],
  articles: [
    { articleId: 'a1', number: '1er', position: 0, sectionKey: null, status: null, alineas: ARTICLE_1.split('\n'), newNumber: null },
    { articleId: 'a2', number: '2', position: 1, sectionKey: null, status: null, alineas: ['Article deux.'], newNumber: null },
  ],
};

const bill = { id: 'b1', sourceRef: null, shortTitle: 'Bibliothèques', beginning: null, steps: [] };

/** An amendment of `kind` whose diff turns `before` into `after` on article 1er (or adds article 2 bis after 2). */
function amendment(kind: string, before: string, after: string, extra: Partial<Amendment> = {}): Amendment {
  const articleNumber = kind === 'add_article' ? null : '1er';
  const placement = { kind, articleNumber, afterArticleNumber: kind === 'add_article' ? '2' : null, beforeArticleNumber: null };
  return {
    id: `am-${kind}`,
    billId: 'b1',
    number: '7',
    status: 'deposited',
    kind,
    origin: 'citizen',
    groupCode: null,
    authors: [
      { user: { id: 'u1', displayName: 'Alice Martin', kind: 'citizen', role: 'citizen', organisationRegister: null }, status: 'author' },
      { user: { id: 'u2', displayName: 'Bob Durand', kind: 'citizen', role: 'citizen', organisationRegister: null }, status: 'coauthor' },
      { user: { id: 'u3', displayName: 'Invitée', kind: 'citizen', role: 'citizen', organisationRegister: null }, status: 'invited' },
    ],
    target: { articleId: articleNumber ? 'a1' : null, articleNumber, afterArticleId: kind === 'add_article' ? 'a2' : null, anchor: null, anchorStatus: null },
    parentId: null,
    newArticleNumber: kind === 'add_article' ? '2 bis' : null,
    text: after,
    expose: 'Parce que.\nEt aussi.',
    diff: { before, after, parts: [] },
    parentDiff: null,
    formalWording: formalWording({ ...placement, newArticleNumber: kind === 'add_article' ? '2 bis' : null, before, after, parent: null }),
    collisions: [],
    needsRebase: false,
    tombstone: null,
    createdAt: '2026-02-01T10:00:00.000Z',
    depositedAt: '2026-02-02T10:00:00.000Z',
    decidedAt: null,
    appliedCommitId: null,
    ...extra,
  };
}

const targets = { articleNumber: '1er', afterArticleNumber: '2', firstArticleNumber: '1er' };

describe('textual modifications of amendments', () => {
  it('EXPORT7 replace is a substitution of the words in their alinéa', () => {
    const mod = textualModificationOf(amendment('replace', ARTICLE_1, ARTICLE_1.replace('trois', 'cinq')), targets, null);
    expect(mod).toEqual({ type: 'substitution', destinations: [{ eId: 'art_1er__al_2' }], old: { form: 'words', text: 'trois' }, new: { form: 'words', text: 'cinq' } });
  });

  it('EXPORT7 insert is an insertion at its point, delete a repeal, of words or of whole alinéas', () => {
    const atStart = textualModificationOf(amendment('insert', ARTICLE_1, ARTICLE_1.replace('Un décret', 'Au besoin, un décret')), targets, null);
    expect(atStart).toMatchObject({ type: 'insertion', destinations: [{ eId: 'art_1er__al_3' }] });
    const inside = textualModificationOf(amendment('insert', ARTICLE_1, ARTICLE_1.replace('horaires', 'horaires d’ouverture')), targets, null);
    expect(inside).toEqual({ type: 'insertion', destinations: [{ eId: 'art_1er__al_2', pos: 'inside' }], old: null, new: { form: 'words', text: 'd’ouverture' } });
    const words = textualModificationOf(amendment('delete', ARTICLE_1, ARTICLE_1.replace(' pour trois ans', '')), targets, null);
    expect(words).toEqual({ type: 'repeal', destinations: [{ eId: 'art_1er__al_2' }], old: { form: 'words', text: 'pour trois ans' }, new: null });
    const alinea = textualModificationOf(amendment('delete', ARTICLE_1, ARTICLE_1.replace('\nUn décret précise les modalités.', '')), targets, null);
    expect(alinea).toEqual({ type: 'repeal', destinations: [{ eId: 'art_1er__al_3' }], old: { form: 'alineas', alineas: ['Un décret précise les modalités.'] }, new: null });
    const added = textualModificationOf(amendment('insert', ARTICLE_1, `${ARTICLE_1}\nUn nouvel alinéa.`), targets, null);
    expect(added).toEqual({ type: 'insertion', destinations: [{ eId: 'art_1er__al_3', pos: 'after' }], old: null, new: { form: 'alineas', alineas: ['Un nouvel alinéa.'] } });
  });

  it('EXPORT7 whole-article kinds: rewrite substitutes the article, delete repeals it, add inserts after its place', () => {
    expect(textualModificationOf(amendment('rewrite_article', ARTICLE_1, 'Nouvelle rédaction.'), targets, null)).toEqual({
      type: 'substitution',
      destinations: [{ eId: 'art_1er' }],
      old: { form: 'alineas', alineas: ARTICLE_1.split('\n') },
      new: { form: 'alineas', alineas: ['Nouvelle rédaction.'] },
    });
    expect(textualModificationOf(amendment('delete_article', ARTICLE_1, ''), targets, null)).toMatchObject({ type: 'repeal', destinations: [{ eId: 'art_1er' }], new: null });
    expect(textualModificationOf(amendment('add_article', '', 'Premier.\nSecond.'), targets, null)).toEqual({
      type: 'insertion',
      destinations: [{ eId: 'art_2', pos: 'after' }],
      old: null,
      new: { form: 'article', number: '2 bis', alineas: ['Premier.', 'Second.'] },
    });
    expect(textualModificationOf(amendment('add_article', '', 'Premier.'), { ...targets, afterArticleNumber: null }, null)).toMatchObject({ destinations: [{ eId: 'art_1er', pos: 'before' }] });
  });

  it('EXPORT7 a sous-amendement substitutes words of its parent; an imported amendment states no modification', () => {
    expect(textualModificationOf({ kind: 'sub_amendment', diff: { before: 'dix jours', after: 'vingt jours', parts: [] }, newArticleNumber: null }, targets, null)).toEqual({
      type: 'substitution',
      destinations: [{ eId: null }],
      old: { form: 'words', text: 'dix' },
      new: { form: 'words', text: 'vingt' },
    });
    expect(textualModificationOf({ kind: 'imported', diff: null, newArticleNumber: null }, targets, null)).toBeNull();
    // No diff (hidden, target gone): the destination still, from the anchor's alinéa.
    expect(textualModificationOf({ kind: 'replace', diff: null, newArticleNumber: null }, targets, 2)).toEqual({ type: 'substitution', destinations: [{ eId: 'art_1er__al_2' }], old: null, new: null });
  });
});

describe('Akoma Ntoso document of an amendment', () => {
  const render = (a: Amendment, parent: Amendment | null = null) =>
    parseXml(renderAmendment({ bill, versions: [reference], reference, amendment: a, parent, generated: '2026-03-01T00:00:00.000Z' }));

  it('EXPORT7 carries number, authors, formal wording and a textualMod whose old and new point at the quoted words', () => {
    const doc = render(amendment('replace', ARTICLE_1, ARTICLE_1.replace('trois', 'cinq')));
    expect(doc.name).toBe('akomaNtoso');
    expect(textOf(findOne(doc, 'docNumber'))).toBe('7');
    expect(findAll(doc, 'TLCPerson').map((p) => p.attributes.showAs)).toEqual(['Alice Martin', 'Bob Durand']);
    expect(findAll(doc, 'docProponent').map((p) => p.attributes.refersTo)).toEqual(['#person_u1', '#person_u2']);
    const content = findOne(doc, 'amendmentContent');
    expect(textOf(childrenNamed(content, 'p')[0]!)).toBe('À l’alinéa\u00a02, substituer au mot\u00a0: «\u00a0trois\u00a0» le mot\u00a0: «\u00a0cinq\u00a0».');
    expect(textOf(findOne(doc, 'amendmentHeading'))).toContain('ARTICLE PREMIER');
    expect(childrenNamed(findOne(doc, 'amendmentJustification'), 'p').map(textOf)).toEqual(['Parce que.', 'Et aussi.']);
    const mod = findOne(findOne(doc, 'activeModifications'), 'textualMod');
    expect(mod.attributes.type).toBe('substitution');
    expect(findOne(mod, 'source').attributes.href).toBe('#mod_1');
    expect(findOne(mod, 'destination').attributes.href).toBe('/akn/fr/bill/0001-01-01/b1/fra@2026-01-15/!main#art_1er__al_2');
    const eIds = byEId(doc);
    expect(textOf(eIds.get(findOne(mod, 'old').attributes.href!.slice(1))!)).toBe('trois');
    expect(textOf(eIds.get(findOne(mod, 'new').attributes.href!.slice(1))!)).toBe('cinq');
  });

  it('EXPORT7 a new article is quoted whole, with its number, in a quotedStructure', () => {
    const doc = render(amendment('add_article', '', 'Premier.\nSecond.'));
    const mod = findOne(doc, 'textualMod');
    expect(mod.attributes.type).toBe('insertion');
    expect(findOne(mod, 'destination').attributes).toMatchObject({ href: '/akn/fr/bill/0001-01-01/b1/fra@2026-01-15/!main#art_2', pos: 'after' });
    const quoted = byEId(doc).get(findOne(mod, 'new').attributes.href!.slice(1))!;
    expect(quoted.name).toBe('quotedStructure');
    const added = findOne(quoted, 'article');
    expect(textOf(findOne(added, 'num'))).toBe('Article 2 bis');
    expect(findAll(added, 'alinea').map((a) => textOf(findOne(a, 'p')))).toEqual(['Premier.', 'Second.']);
  });

  it('EXPORT7 a sous-amendement points at its parent’s modification; an imported amendment has no analysis', () => {
    const parent = amendment('rewrite_article', ARTICLE_1, 'dix jours');
    const child = amendment('sub_amendment', 'dix jours', 'vingt jours', { id: 'child', parentId: parent.id, number: '8', formalWording: null, text: 'vingt jours' });
    const mod = findOne(render(child, parent), 'textualMod');
    expect(findOne(mod, 'destination').attributes.href).toBe('/akn/fr/amendment/2026-02-02/b1-7/fra@2026-02-02/!main#mod_1');
    const imported = render(amendment('imported', '', '', { kind: 'imported', diff: null, formalWording: null, text: null, authors: [] }));
    expect(findAll(imported, 'analysis')).toHaveLength(0);
    expect(findAll(imported, 'amendmentContent')).toHaveLength(1);
  });
});
