import { afterEach, expect, it } from 'vitest';
import type { Amendment } from '../../shared/api/amendments.ts';
import type { LedgerPage } from '../../shared/api/ledger.ts';
import type { WhatIfResult } from '../../shared/api/lineage.ts';
import { expectProblem } from '../helpers/apiFixtures.ts';
import { articleTexts } from '../helpers/collabClients.ts';
import { ProviderPool } from '../helpers/collabEdits.ts';
import { actOnAmendment, proposeAmendment, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation, type World } from '../helpers/deliberationSuite.ts';
import type { ApiClient } from '../helpers/testServer.ts';

// The fixture bill: article 1er "Premier alinéa.\nSecond alinéa.", article 2 "Unique alinéa de l’article 2.".
describeDeliberation('what-if texts', {}, (suite) => {
  const pool = new ProviderPool();
  afterEach(() => pool.destroyAll());

  const deposit = async (w: World, body: object, author: ApiClient = w.citizen) =>
    actOnAmendment(author, w.bill.id, (await proposeAmendment(author, w.bill.id, body)).id, 'deposit');
  const whatIf = (client: ApiClient, billId: string, body: object) => client.post<WhatIfResult>(`/bills/${billId}/what-if`, body);
  /** What a change would show: the ledger's head, the live text as a fresh reader gets it, the amendments as listed. */
  const state = async (w: World) => {
    const head = await suite.anonymous.get<LedgerPage>(`/bills/${w.bill.id}/events?last=1`);
    const live = articleTexts(await pool.fresh(suite.server.url, `bill:${w.bill.id}`));
    const listed = await suite.anonymous.get<{ amendments: Amendment[] }>(`/bills/${w.bill.id}/amendments`);
    return { head: head.body.cursor, last: head.body.events.at(-1)?.hash, live, amendments: listed.body.amendments.map((a) => [a.id, a.status, a.text, a.needsRebase]) };
  };

  it('TRACE7 TRACE8 TRACE9 two compatible amendments are applied in number order, a colliding third is reported, and nothing changes', async () => {
    const w = await suite.newWorld();
    const first = await deposit(w, { kind: 'replace', anchor: quoteAnchor(w.first, 'Second'), text: 'Deuxième' });
    const second = await deposit(w, { kind: 'replace', anchor: quoteAnchor(w.second, 'Unique'), text: 'Seul' });
    const colliding = await deposit(w, { kind: 'rewrite_article', articleId: w.first, text: 'Nouvelle rédaction.' });
    const added = await deposit(w, { kind: 'add_article', afterArticleId: w.first, number: '1er bis', text: 'Un article nouveau.' });
    const before = await state(w);
    expect(before.live).toEqual(['Premier alinéa.\nSecond alinéa.', 'Unique alinéa de l’article 2.']);

    // Listed out of order: applied in number order all the same.
    const response = await whatIf(suite.anonymous, w.bill.id, { amendmentIds: [colliding.id, added.id, second.id, first.id] });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const result = response.body;
    expect(result.applied.map((a) => a.id)).toEqual([first.id, second.id, added.id]);
    expect(result.conflicts).toMatchObject([
      { id: colliding.id, number: colliding.number, kind: 'rewrite_article', reason: 'collision', collidesWith: { id: first.id, number: first.number } },
    ]);
    expect(result.conflicts[0]?.detail).toMatch(/n° \d+/);
    expect(result.articles.map((a) => [a.number, a.status, a.alineas, a.changedBy])).toEqual([
      ['1er', 'modified', ['Premier alinéa.', 'Deuxième alinéa.'], [first.id]],
      ['1er bis', 'new', ['Un article nouveau.'], [added.id]],
      ['2', 'modified', ['Seul alinéa de l’article 2.'], [second.id]],
    ]);
    expect(result.articles[0]?.diff).toEqual([
      { op: 'equal', text: 'Premier alinéa.\n' },
      { op: 'delete', text: 'Second' },
      { op: 'insert', text: 'Deuxième' },
      { op: 'equal', text: ' alinéa.' },
    ]);
    expect(result.articles[1]?.diff).toEqual([{ op: 'insert', text: 'Un article nouveau.' }]);

    // Only the articles asked for; an untouched one has no diff.
    const only = await whatIf(suite.anonymous, w.bill.id, { amendmentIds: [second.id], articleIds: [w.first, w.second] });
    expect(only.body.articles.map((a) => [a.articleId, a.status, a.diff === null])).toEqual([
      [w.first, 'unchanged', true],
      [w.second, 'modified', false],
    ]);

    // Nothing changed: no ledger entry, the same live text, the same amendments.
    expect(await state(w)).toEqual(before);
  });

  it('TRACE7 TRACE8 a sous-amendement gives its amendment its wording; without its amendment it is not applied', async () => {
    const w = await suite.newWorld();
    const parent = await deposit(w, { kind: 'replace', anchor: quoteAnchor(w.first, 'Second'), text: 'Deuxième' });
    const sub = await deposit(w, { kind: 'sub_amendment', parentId: parent.id, text: 'Deuxième et dernier', groupCode: 'SOC' }, w.rapporteur);
    const both = await whatIf(w.citizen, w.bill.id, { amendmentIds: [parent.id, sub.id] });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect(both.body.applied.map((a) => a.id)).toEqual([sub.id, parent.id]);
    expect(both.body.articles[0]?.alineas).toEqual(['Premier alinéa.', 'Deuxième et dernier alinéa.']);
    const alone = await whatIf(w.citizen, w.bill.id, { amendmentIds: [sub.id] });
    expect(alone.body).toMatchObject({ applied: [], conflicts: [{ id: sub.id, reason: 'parent_not_chosen', collidesWith: null }] });
    expect(alone.body.articles.every((a) => a.status === 'unchanged')).toBe(true);
  });

  it('TRACE9 bad input (unknown, decided, draft, too many, repeated, unknown article) is a problem with a stable code and changes nothing', async () => {
    const { anonymous } = suite;
    const w = await suite.newWorld();
    const open = await deposit(w, { kind: 'replace', anchor: quoteAnchor(w.second, 'Unique'), text: 'Seul' });
    const decided = await deposit(w, { kind: 'replace', anchor: quoteAnchor(w.first, 'Second'), text: 'Deuxième' });
    await actOnAmendment(w.rapporteur, w.bill.id, decided.id, 'decision', { outcome: 'rejected' });
    const draft = await proposeAmendment(w.citizen, w.bill.id, { kind: 'replace', anchor: quoteAnchor(w.first, 'Premier'), text: 'Tout premier' });
    const before = await state(w);

    const unknown = expectProblem(await whatIf(anonymous, w.bill.id, { amendmentIds: [open.id, 'no-such-amendment'] }), 404, 'amendment_not_found');
    expect(unknown.errors?.map((e) => e.path)).toEqual(['amendmentIds.1']);
    // Another's draft is as unknown as a wrong id; one's own is not pending.
    expectProblem(await whatIf(anonymous, w.bill.id, { amendmentIds: [draft.id] }), 404, 'amendment_not_found');
    const notPending = expectProblem(await whatIf(w.citizen, w.bill.id, { amendmentIds: [open.id, draft.id, decided.id] }), 409, 'amendment_not_pending');
    expect(notPending.errors?.map((e) => e.path).sort()).toEqual(['amendmentIds.1', 'amendmentIds.2']);
    expect(notPending.errors?.find((e) => e.path === 'amendmentIds.2')?.message).toMatch(/rejected/);
    expectProblem(await whatIf(anonymous, w.bill.id, { amendmentIds: Array.from({ length: 51 }, (_, i) => `a${i}`) }), 400, 'validation_failed');
    expectProblem(await whatIf(anonymous, w.bill.id, { amendmentIds: [] }), 400, 'validation_failed');
    expectProblem(await whatIf(anonymous, w.bill.id, { amendmentIds: [open.id, open.id] }), 400, 'validation_failed');
    expectProblem(await whatIf(anonymous, w.bill.id, { amendmentIds: [open.id], articleIds: ['not an id!'] }), 400, 'validation_failed');
    const article = expectProblem(await whatIf(anonymous, w.bill.id, { amendmentIds: [open.id], articleIds: [w.first, 'no-such-article'] }), 404, 'article_not_found');
    expect(article.errors?.map((e) => e.path)).toEqual(['articleIds.1']);
    expectProblem(await whatIf(anonymous, 'no-such-bill', { amendmentIds: [open.id] }), 404, 'bill_not_found');
    // An amendment of another bill is not one of this bill's.
    const elsewhere = await suite.newWorld();
    expectProblem(await whatIf(anonymous, elsewhere.bill.id, { amendmentIds: [open.id] }), 404, 'amendment_not_found');

    expect(await state(w)).toEqual(before);
  });
});
