import { describe, expect, it } from 'vitest';
import type { Bill, Version, VersionSummary } from '../../../shared/api/bills.ts';
import { byEId, childrenNamed, findAll, findOne, parseXml, textOf } from '../../../test/helpers/xmlTree.ts';
import { placeSections, renderBillVersion } from './billDocument.ts';
import { eIdNumber, sectionHeading, sectionKind } from './eIds.ts';
import { expressionVersion } from './frbr.ts';
import { escapeAttribute, escapeText } from '../../common/xml.ts';

const step = (id: string, key: string, date: string | null): Bill['steps'][number] => ({
  id,
  position: 0,
  key,
  stage: '1ère lecture',
  institution: 'assemblee',
  kind: 'commission',
  date,
  endDate: date,
  echec: null,
  decision: null,
  debatsOrder: 0,
  sourceUrl: null,
  amendmentCount: null,
  versionId: null,
});

const bill = { id: 'bill-1', sourceRef: 'pjl15-034', title: 'Projet de loi pour une République numérique', shortTitle: 'République numérique', proposalType: 'PJL', beginning: '2015-07-31', steps: [step('s0', '00_depot', '2015-07-31')] };

const summary = (id: string, date: string | null): VersionSummary => ({ id, stepId: 's1', stepKey: '01_commission', stage: '1ère lecture', institution: 'assemblee', kind: 'commission', date, title: 'Texte de la commission', articleCount: 3 });

const article = (number: string, sectionKey: string | null, alineas: string[], status: string | null = null): Version['articles'][number] => ({
  articleId: `a-${number}`,
  number,
  position: 0,
  sectionKey,
  status,
  alineas,
  newNumber: null,
});

const version: Version = {
  ...summary('v1', '2015-09-29'),
  sourceUrl: null,
  expose: '',
  sections: [
    { key: 'T1', title: 'Dispositions générales', type: 'titre', newKey: null },
    { key: 'T1C1', title: 'Premier chapitre', type: 'chapitre', newKey: null },
    { key: 'T2', title: 'Autres dispositions', type: 'titre', newKey: null },
  ],
  articles: [
    article('1er', 'T1', ['Les mots : « De la » sont remplacés par <les> mots & autres.', 'Second alinéa.']),
    article('2 bis', 'T1C1', ['Alinéa unique.'], 'nouveau'),
    article('3', 'T2', [], 'supprimé'),
  ],
};

describe('Akoma Ntoso document of a version', () => {
  const xml = renderBillVersion({ bill, versions: [summary('v0', '2015-07-31'), summary('v1', '2015-09-29')], version, generated: '2026-01-01T00:00:00.000Z' });
  const root = parseXml(xml);

  it('EXPORT6 is a well-formed akomaNtoso bill identified by FRBR work, expression and manifestation', () => {
    expect(root.name).toBe('akomaNtoso');
    const identification = findOne(root, 'identification');
    const uri = (level: string) => findOne(findOne(identification, level), 'FRBRuri').attributes.value;
    expect(uri('FRBRWork')).toBe('/akn/fr/bill/2015-07-31/pjl15-034');
    expect(uri('FRBRExpression')).toBe('/akn/fr/bill/2015-07-31/pjl15-034/fra@2015-09-29');
    expect(findOne(findOne(identification, 'FRBRExpression'), 'FRBRdate').attributes.date).toBe('2015-09-29');
    expect(findOne(findOne(identification, 'FRBRManifestation'), 'FRBRthis').attributes.value).toBe('/akn/fr/bill/2015-07-31/pjl15-034/fra@2015-09-29/!main.xml');
    expect(textOf(findOne(root, 'docTitle'))).toBe(bill.title);
  });

  it('EXPORT6 nests articles in their sections, with num, eIds and their alinéas in order, every text escaped', () => {
    const body = findOne(root, 'body');
    const [title1, title2] = childrenNamed(body, 'title');
    expect(title1?.attributes.eId).toBe('title_1');
    expect(textOf(findOne(title1!, 'num'))).toBe('Titre Ier');
    expect(childrenNamed(title1!, 'article').map((a) => a.attributes.eId)).toEqual(['art_1er']);
    expect(childrenNamed(title1!, 'chapter')[0]?.attributes.eId).toBe('title_1__chp_1');
    expect(childrenNamed(childrenNamed(title1!, 'chapter')[0]!, 'article')[0]?.attributes.eId).toBe('art_2bis');
    expect(childrenNamed(title2!, 'article')[0]?.attributes.eId).toBe('art_3');
    const eIds = byEId(root);
    expect(textOf(findOne(eIds.get('art_2bis')!, 'num'))).toBe('Article 2 bis');
    expect(findAll(eIds.get('art_1er')!, 'alinea').map((a) => [a.attributes.eId, textOf(findOne(a, 'p'))])).toEqual([
      ['art_1er__al_1', 'Les mots : « De la » sont remplacés par <les> mots & autres.'],
      ['art_1er__al_2', 'Second alinéa.'],
    ]);
    // An article without alinéas still holds content, as a hierarchy must.
    expect(findAll(eIds.get('art_3')!, 'alinea')).toHaveLength(0);
    expect(findAll(eIds.get('art_3')!, 'content')).toHaveLength(1);
  });

  it('EXPORT6 sections are placed by their La Fabrique keys, a level letter after the parent’s key', () => {
    const placed = placeSections([
      { key: 'C3', title: '', type: 'chapitre', newKey: null },
      { key: 'C3 bis', title: '', type: 'chapitre', newKey: null },
      { key: 'T1', title: '', type: 'titre', newKey: null },
      { key: 'T10', title: '', type: 'titre', newKey: null },
      { key: 'T1C2', title: '', type: 'chapitre', newKey: null },
      { key: 'T1C2S3', title: '', type: 'section', newKey: null },
    ]);
    expect([...placed.values()].map((p) => [p.section.key, p.parentKey, p.number])).toEqual([
      ['C3', null, '3'],
      ['C3 bis', null, '3 bis'],
      ['T1', null, '1'],
      ['T10', null, '10'],
      ['T1C2', 'T1', '2'],
      ['T1C2S3', 'T1C2', '3'],
    ]);
    expect(sectionHeading(sectionKind('chapitre'), '3 bis')).toBe('Chapitre III bis');
    expect(sectionHeading(sectionKind('section'), '1')).toBe('Section 1');
    expect(sectionKind('annexe')).toMatchObject({ element: 'hcontainer', abbreviation: 'hcontainer' });
  });

  it('EXPORT6 eId numbers follow the naming convention, and versions of one day get distinct expressions', () => {
    expect(['2 bis', '1er A', 'L. 123-4', 'liminaire', '3 quàter', ''].map(eIdNumber)).toEqual(['2bis', '1erA', 'L-123-4', 'liminaire', '3quater', 'nn']);
    const all = [summary('a', '2015-10-06'), summary('b', '2015-10-06'), summary('c', null)];
    expect(all.map((v) => expressionVersion(v, all))).toEqual(['2015-10-06', '2015-10-06;2', '0001-01-01']);
  });

  it('EXPORT6 escaping keeps any text from breaking the markup and drops what XML cannot hold', () => {
    expect(escapeText('a < b && c > d\u0000\u0007')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(escapeAttribute('say "hi"\nnow')).toBe('say &quot;hi&quot;&#10;now');
    const hostile = { ...version, sections: [], articles: [article('1', null, [']]><!-- <script>&amp;\uD800 \uFFFE'])] };
    const parsed = parseXml(renderBillVersion({ bill, versions: [summary('v1', '2015-09-29')], version: hostile, generated: '2026-01-01T00:00:00.000Z' }));
    expect(textOf(findOne(byEId(parsed).get('art_1__al_1')!, 'p'))).toBe(']]><!-- <script>&amp; ');
  });
});
