import { beforeAll, describe, expect, it } from 'vitest';
import { alineaDiffDirection, computeArticleHistories, orderStepsForHistory, unifyStatus, type ArticleHistory } from './articleHistory.ts';
import { cleanTextForDiff, computeSimilarity } from './normalize.ts';
import { loadProcedure, missingBillReason, readBillJson } from '../../../../test/helpers/lafabriqueData.ts';
import { art, procedure, step } from './testFixtures.ts';

describe('HIST3 building blocks', () => {
  it('unifies raw statuses', () => {
    expect(['supprimés. ', 'supprimé', 'nouveau', 'conforme', 'none', 'non conforme à la constitution'].map(unifyStatus)).toEqual([
      'sup', 'sup', 'new', 'none', 'none', 'sup',
    ]);
  });
  it('derives the diff direction from alinéa counts, as ndiff(new, old) counts do', () => {
    expect(alineaDiffDirection(['a'], ['a', 'b'])).toBe('add');
    expect(alineaDiffDirection(['a', 'b', 'c'], ['a'])).toBe('rem');
    expect(alineaDiffDirection(['a', 'x'], ['a', 'b'])).toBe('both');
    expect(alineaDiffDirection(['a', 'b'], ['a', 'b'])).toBe('none');
  });
  it("keeps the Assemblée's or the Sénat's own dépôt and a leading Sénat PPL, drops transmissions", () => {
    const steps = [
      step('ppl', { kind: 'depot', institution: 'senat', sourceUrl: 'https://www.senat.fr/leg/ppl99-010.html' }),
      step('own', { kind: 'depot', institution: 'senat', sourceUrl: 'https://www.senat.fr/leg/pjl99-001.html' }),
      step('com'),
      step('transmission', { kind: 'depot', institution: 'assemblee' }),
      step('seance', { kind: 'hemicycle' }),
    ];
    const ordered = orderStepsForHistory(procedure(steps));
    expect(ordered.steps.map((s) => s.directory)).toEqual(['ppl', 'own', 'com', 'seance']);
    expect(ordered.depots).toBe(2);
  });
});

describe('HIST4 computeArticleHistories on a hand-written bill', () => {
  const v1 = ['Le maire est informé.'];
  const v2 = ['Le maire et le président du conseil départemental sont informés.'];
  const entry = ['La présente loi entre en vigueur le 1er janvier.'];
  const entry2 = ['La présente loi entre en vigueur le 1er juillet.'];
  const decree = ['Un décret précise les modalités.'];
  const bill = procedure([
    step('00_depot', { kind: 'depot', debatsOrder: 0, text: { articles: [art('1', v1, { sectionKey: 'T1' }), art('2', ['Le préfet est consulté.']), art('3', entry)] } }),
    step('01_transmission', { kind: 'depot', institution: 'senat', sourceUrl: 'https://www.senat.fr/leg/pjl99-002.html', text: { articles: [art('9', ['Ignoré.'])] } }),
    step('02_commission', { institution: 'senat', text: { articles: [art('1', v2), art('3', entry), art('3 bis', decree, { status: 'nouveau' })] } }),
    step('03_seance', { institution: 'senat', kind: 'hemicycle', echec: 'rejet' }),
    step('04_nouvelle', { stage: 'nouv. lect.', text: { articles: [art('1', ['(Supprimé)'], { status: 'supprimé' }), art('3', entry2), art('3 bis', decree, { newNumber: '4' })] } }),
    step('05_promulgation', { stage: 'promulgation', kind: null, text: { articles: [art('1', v2)] } }),
  ]);
  const h = computeArticleHistories(bill);
  const nDiff = (a: string[], b: string[]): number => 1 - computeSimilarity(cleanTextForDiff(a), cleanTextForDiff(b));

  it('lists every article once, plus the failure pseudo-article, in La Fabrique order', () => {
    expect(Object.keys(h).sort()).toEqual(['1', '2', '3', '3_bis', 'echec']);
    expect(Object.fromEntries(Object.values(h).map((a) => [a.id, [a.titre, a.order, a.section]]))).toEqual({
      '1': ['1', 0, 'T1'], '2': ['2', 1, 'A2'], '3': ['3', 2, 'A3'], '3_bis': ['3 bis', 3, 'A3 bis'], echec: ['rejet', -1, 'echec'],
    });
  });
  it('records the failed sitting without making it the previous step', () => {
    expect(h.echec!.steps).toEqual([{ id_step: '03_seance', directory: '03_seance', status: 'REJET', length: 0, n_diff: 0 }]);
  });
  it('follows a modified then deleted article', () => {
    expect(h['1']!.steps).toEqual([
      { id_step: '00_depot', directory: '00_depot', status: 'depot', diff: 'add', n_diff: 1, length: 21 },
      { id_step: '02_commission', directory: '02_commission', status: 'none', diff: 'both', n_diff: nDiff(v1, v2), length: 64 },
      { id_step: '04_nouvelle', directory: '04_nouvelle', status: 'sup', diff: 'rem', n_diff: 0, length: 0 },
    ]);
    expect(h['1']!.steps[1]!.n_diff).toBeGreaterThan(0);
  });
  it('marks an article skipped over by the next text as deleted there', () => {
    expect(h['2']!.steps.map((s) => [s.id_step, s.status, s.diff, s.length, s.n_diff])).toEqual([
      ['00_depot', 'depot', 'add', 23, 1],
      ['02_commission', 'sup', 'rem', 0, 0],
    ]);
  });
  it('reports unchanged and changed versions, and the final number only on known articles', () => {
    expect(h['3']!.steps.map((s) => [s.id_step, s.status, s.diff, s.n_diff])).toEqual([
      ['00_depot', 'depot', 'add', 1],
      ['02_commission', 'none', 'none', 0],
      ['04_nouvelle', 'none', 'both', nDiff(entry, entry2)],
    ]);
    expect(h['3_bis']!.steps).toEqual([
      { id_step: '02_commission', directory: '02_commission', status: 'new', diff: 'add', n_diff: 1, length: 32 },
      { id_step: '04_nouvelle', directory: '04_nouvelle', status: 'none', diff: 'none', n_diff: 0, length: 32, newnum: '4' },
    ]);
  });
});

interface ExpectedArticles {
  articles: Record<string, ArticleHistory>;
}

for (const bill of ['pjl15-034', 'pjl07-405']) {
  const reason = missingBillReason(bill);
  if (reason) console.warn(reason);
  describe.skipIf(reason !== null)(`HIST5 ${bill}: histories equal viz/articles_etapes.json${reason ? ' (skipped: data missing)' : ''}`, () => {
    const expected = reason ? {} : readBillJson<ExpectedArticles>(bill, 'viz', 'articles_etapes.json').articles;
    let actual: Record<string, ArticleHistory> = {};
    beforeAll(async () => {
      actual = computeArticleHistories(await loadProcedure(bill));
    });

    it('has the same articles', () => {
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    });
    it.each(Object.keys(expected))('article %s: id, titre, order, section and every step', (id) => {
      const want = expected[id]!;
      const got = actual[id]!;
      expect({ id: got.id, titre: got.titre, order: got.order, section: got.section }).toEqual({
        id: want.id, titre: want.titre, order: want.order, section: want.section,
      });
      // Everything exact except n_diff, a float, compared to 1e-9.
      const exact = (a: ArticleHistory): unknown[] => a.steps.map(({ n_diff: _n, ...rest }) => rest);
      expect(exact(got)).toEqual(exact(want));
      want.steps.forEach((s, i) => expect(Math.abs(got.steps[i]!.n_diff - s.n_diff)).toBeLessThan(1e-9));
    });
  });
}
