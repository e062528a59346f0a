import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Amendment } from '../../shared/api/amendments.ts';
import { amendments } from '../../server/storage/schema.ts';
import { actOnAmendment, entriesOfType, proposeAmendment, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';

type AmendmentList = { amendments: Amendment[] };

// The fixture bill: article 1er "Premier alinéa.\nSecond alinéa.", article 2 "Unique alinéa de l’article 2.".
describeDeliberation('amendment collisions', {}, (suite) => {
  /** Each amendment's collisions by letter, sorted, for the amendments of `list` that have a letter. */
  const collisionsByLetter = (list: Amendment[], letters: Map<string, string>): Record<string, string[]> =>
    Object.fromEntries(list.flatMap((a) => {
      const letter = letters.get(a.id);
      return letter === undefined ? [] : [[letter, a.collisions.map((c) => letters.get(c.id) ?? c.id).sort()]];
    }));

  it('AMEND6 a mixed set collides exactly within each article, in a listing, an article’s listing and one by one', async () => {
    const w = await suite.newWorld();
    const draft = (body: object) => proposeAmendment(w.citizen, w.bill.id, body);
    const deposit = async (body: object) => actOnAmendment(w.citizen, w.bill.id, (await draft(body)).id, 'deposit');
    const A = await deposit({ kind: 'replace', anchor: quoteAnchor(w.first, 'Second'), text: 'Deuxième' });
    const B = await deposit({ kind: 'delete', anchor: quoteAnchor(w.first, 'Second alinéa.') });
    const C = await deposit({ kind: 'insert', anchor: quoteAnchor(w.first, '', { suffix: 'Premier alinéa.' }), text: 'Désormais, ' });
    const D = await deposit({ kind: 'rewrite_article', articleId: w.first, text: 'Nouvelle rédaction.' });
    const E = await deposit({ kind: 'delete_article', articleId: w.second });
    const F = await deposit({ kind: 'replace', anchor: quoteAnchor(w.second, 'Unique'), text: 'Seul' });
    const G = await deposit({ kind: 'add_article', afterArticleId: w.first, number: '1er bis', text: 'Un article nouveau.' });
    const subDraft = await proposeAmendment(w.rapporteur, w.bill.id, { kind: 'sub_amendment', parentId: A.id, text: 'Deuxième et dernier', groupCode: 'SOC' });
    const S = await actOnAmendment(w.rapporteur, w.bill.id, subDraft.id, 'deposit');
    const W = await deposit({ kind: 'replace', anchor: quoteAnchor(w.first, 'Second'), text: 'Autre' });
    await actOnAmendment(w.citizen, w.bill.id, W.id, 'withdraw');
    const H = await draft({ kind: 'replace', anchor: quoteAnchor(w.first, 'Premier'), text: 'Tout premier' });
    const letters = new Map(Object.entries({ A, B, C, D, E, F, G, S, W, H }).map(([letter, amendment]) => [amendment.id, letter]));

    // Ranges sharing a character, a point inside a range, a whole-article change against every change to its article;
    // a draft shows its collisions but is nobody's; new articles, sous-amendements (and their parent) and withdrawn
    // amendments collide with nothing; nothing collides across articles.
    const expected = { A: ['B', 'D'], B: ['A', 'D'], C: ['D'], D: ['A', 'B', 'C'], E: ['F'], F: ['E'], G: [], S: [], W: [], H: ['C', 'D'] };
    const listing = await w.citizen.get<AmendmentList>(`/bills/${w.bill.id}/amendments`);
    expect(listing.body.amendments).toHaveLength(10);
    expect(collisionsByLetter(listing.body.amendments, letters)).toEqual(expected);

    const onFirst = await w.citizen.get<AmendmentList>(`/bills/${w.bill.id}/amendments?articleId=${w.first}`);
    expect(onFirst.body.amendments.map((a) => letters.get(a.id)).sort()).toEqual(['A', 'B', 'C', 'D', 'H', 'W']);
    expect(collisionsByLetter(onFirst.body.amendments, letters)).toEqual({ A: expected.A, B: expected.B, C: expected.C, D: expected.D, H: expected.H, W: expected.W });

    for (const amendment of [A, B, C, D, E, F, G, S, W, H]) {
      const one = await w.citizen.get<Amendment>(`/bills/${w.bill.id}/amendments/${amendment.id}`);
      expect(collisionsByLetter([one.body], letters)).toEqual({ [letters.get(amendment.id) as string]: expected[letters.get(amendment.id) as keyof typeof expected] });
    }
  });

  it('AMEND6 only the amendments of the same article are read for collisions: one of another article that cannot be read changes nothing', async () => {
    const { server, anonymous } = suite;
    const w = await suite.newWorld();
    const deposit = async (body: object) => actOnAmendment(w.citizen, w.bill.id, (await proposeAmendment(w.citizen, w.bill.id, body)).id, 'deposit');
    const range = await deposit({ kind: 'replace', anchor: quoteAnchor(w.first, 'Second'), text: 'Deuxième' });
    const whole = await deposit({ kind: 'rewrite_article', articleId: w.first, text: 'Nouvelle rédaction.' });
    // A deposited amendment of article 2 whose stored anchor cannot be resolved: reading its target would fail the
    // request, so it stands for every amendment of the bill's other articles that must not be read.
    await server.app.storage.db.insert(amendments).values({
      id: randomUUID(),
      billId: w.bill.id,
      origin: 'citizen',
      status: 'deposited',
      authorName: 'Ailleurs',
      authorId: w.citizenId,
      kind: 'replace',
      articleId: w.second,
      anchor: { articleId: w.second, start: 'AAAA', end: 'AAAA', alinea: 1 },
      dispositif: 'Seul',
    });

    const one = await anonymous.get<Amendment>(`/bills/${w.bill.id}/amendments/${range.id}`);
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(one.body.collisions.map((c) => c.id)).toEqual([whole.id]);
    const onFirst = await anonymous.get<AmendmentList>(`/bills/${w.bill.id}/amendments?articleId=${w.first}`);
    expect(onFirst.status, JSON.stringify(onFirst.body)).toBe(200);
    expect(onFirst.body.amendments.map((a) => [a.id, a.collisions.map((c) => c.id)])).toEqual([
      [range.id, [whole.id]],
      [whole.id, [range.id]],
    ]);

    const adopted = await actOnAmendment(w.rapporteur, w.bill.id, range.id, 'decision', { outcome: 'adopted' });
    expect(adopted.status).toBe('adopted');
    const [outcome] = await entriesOfType(anonymous, w.bill.id, 'amendment.outcome');
    expect(outcome?.payload).toMatchObject({ amendmentId: range.id, outcome: 'adopted', collisions: [whole.id] });
    expect((await anonymous.get<Amendment>(`/bills/${w.bill.id}/amendments/${whole.id}`)).body).toMatchObject({ status: 'deposited', needsRebase: true });
  });
});
