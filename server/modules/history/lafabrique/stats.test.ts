import { beforeAll, describe, expect, it } from 'vitest';
import { computeExtraStats, computeLaFabriqueStats, findFirstAndLastSteps } from './stats.ts';
import { loadProcedure, missingBillReason, readBillJson } from '../../../../test/helpers/lafabriqueData.ts';
import { art, procedure, step } from './testFixtures.ts';
import type { Procedure } from './types.ts';

const initial = { articles: [art('1', ['I. – Le maire est informé.']), art('2', ['Le préfet est consulté.'])] };
const amended = { articles: [art('1', ['I. – Le maire est informé.']), art('2', ['(Supprimé)']), art('3', ['Un décret précise les modalités.'])] };
const censured = { articles: [art('1', ['I. – Le maire est informé.']), art('2', ['(Supprimé)']), art('3', ['(Censuré)'])] };

const bill = procedure(
  [
    step('00', { kind: 'depot', debatsOrder: 0, text: initial }),
    step('01', { text: amended }),
    step('02', { kind: 'hemicycle', debatsOrder: 2, text: amended }),
    step('03', { kind: 'depot', institution: 'senat', debatsOrder: null, text: amended }),
    step('04', { stage: 'CMP', institution: 'CMP', debatsOrder: 4, text: amended }),
    step('05', { stage: 'CMP', kind: 'hemicycle', debatsOrder: 5, text: amended }),
    step('06', { stage: 'constitutionnalité', institution: 'conseil constitutionnel', kind: null, debatsOrder: 6, decision: 'partiellement conforme', text: censured }),
    step('07', { stage: 'promulgation', institution: 'gouvernement', kind: null, debatsOrder: null, date: '2020-03-01' }),
  ],
  {
    beginning: '2020-01-30',
    amendments: [
      { stepDirectory: '01', group: 'Gouvernement', outcome: 'adopté' },
      { stepDirectory: '02', group: 'SOC', outcome: 'rejeté' },
      { stepDirectory: '02', group: 'Gouvernement', outcome: 'adopté' },
      { stepDirectory: '04', group: 'LR', outcome: 'adopté' },
      { stepDirectory: 'unknown', group: null, outcome: 'non-voté' },
    ],
    debates: [
      { stepDirectory: '02', totalSittings: 2, speakers: ['a', 'b'], divisions: [{ totalInterventions: 10, totalWords: 1000 }, { totalInterventions: 10, totalWords: 500 }, { totalInterventions: 3, totalWords: 30 }] },
      { stepDirectory: '01', totalSittings: 1, speakers: ['z'], divisions: [{ totalInterventions: 99, totalWords: 9 }] },
      { stepDirectory: '05', totalSittings: 1, speakers: ['b', 'c'], divisions: [{ totalInterventions: 3, totalWords: 70 }] },
    ],
  },
);

describe('STAT1 statistics of a hand-written bill', () => {
  const stats = computeLaFabriqueStats(bill);

  it('takes the first dépôt and the text after censure, and the last parliamentary text as "adopted"', () => {
    expect(findFirstAndLastSteps(bill.steps)).toMatchObject({ first: { directory: '00' }, last: { directory: '06' } });
    expect(findFirstAndLastSteps(bill.steps, false)).toMatchObject({ last: { directory: '05' } });
    expect([stats.last_stage, stats.last_institution]).toEqual(['CMP', 'CMP']);
  });
  it('measures texts without deleted/censored marks', () => {
    expect(stats).toMatchObject({
      total_input_articles: 2,
      total_output_articles: 1,
      ratio_articles_growth: -0.5,
      input_text_length: 49,
      output_text_length: 26,
      input_text_word_count: 10,
      output_text_word_count: 6,
      censored_articles: 1,
      fully_censored_articles: 1,
      output_text_before_CC_length: 58,
      output_text_before_CC_word_count: 11,
    });
    expect(stats.ratio_text_length_growth).toBeCloseTo((26 - 49) / 49, 15);
    expect(stats.ratio_word_count_growth).toBeCloseTo(-0.4, 15);
    expect(stats.ratio_texte_modif).toBeCloseTo(19 / 36, 15);
  });
  it('counts amendments by institution, séance and government', () => {
    expect(stats).toMatchObject({
      total_amendements: 5, total_amendements_adoptes: 3,
      total_amendements_deputes: 3, total_amendements_deputes_adoptes: 2,
      total_amendements_senateurs: 0, total_amendements_senateurs_adoptes: 0,
      total_amendements_gouvernement: 2, total_amendements_gouvernement_adoptes: 2,
      total_amendements_gouvernement_assemblee: 2, total_amendements_gouvernement_assemblee_adoptes: 2,
      total_amendements_gouvernement_senat: 0, total_amendements_hemicycle: 2, total_amendements_hemicycle_adoptes: 1,
      total_amendements_hemicycle_deputes: 2, total_amendements_hemicycle_deputes_adoptes: 1,
      total_amendements_hemicycle_gouvernement: 1, total_amendements_hemicycle_gouvernement_assemblee_adoptes: 1,
    });
  });
  it("counts séance debates, with La Fabrique's distinct-values sum of interventions", () => {
    expect(stats).toMatchObject({
      total_mots: 1600, total_intervenants: 3, total_interventions: 13,
      total_seances: 3, total_seances_assemblee: 3, total_seances_senat: 0,
    });
    expect(computeExtraStats(bill)).toEqual({ total_interventions_sum: 26 });
  });
  it('counts the procedure shape', () => {
    expect(stats).toMatchObject({
      echecs_procedure: 0, attached_law_proposals: 0, depots_in_institutions: 4, texts_produced: 6, total_days: 32,
    });
  });
});

for (const name of ['pjl15-034', 'pjl07-405']) {
  const reason = missingBillReason(name);
  if (reason) console.warn(reason);
  describe.skipIf(reason !== null)(`STAT2 ${name}: statistics equal viz/procedure.json stats${reason ? ' (skipped: data missing)' : ''}`, () => {
    const expected = reason ? {} : readBillJson<{ stats: Record<string, number | string> }>(name, 'viz', 'procedure.json').stats;
    let loaded: Procedure;
    let actual: Record<string, unknown> = {};
    beforeAll(async () => {
      loaded = await loadProcedure(name);
      actual = computeLaFabriqueStats(loaded) as unknown as Record<string, unknown>;
    });

    it('publishes exactly the same fields', () => {
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    });
    it.each(Object.keys(expected))('%s', (key) => {
      const want = expected[key]!;
      if (typeof want === 'number' && !Number.isInteger(want)) {
        expect(Math.abs((actual[key] as number) - want)).toBeLessThanOrEqual(1e-12);
      } else {
        expect(actual[key]).toBe(want);
      }
    });
    it('reports the honest interventions sum beside La Fabrique’s deduplicated one', () => {
      expect(computeExtraStats(loaded).total_interventions_sum).toBeGreaterThan(expected.total_interventions as number);
    });
  });
}
