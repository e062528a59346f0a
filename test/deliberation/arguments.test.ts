import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Argument, ArgumentList } from '../../shared/api/arguments.ts';
import { debateArguments } from '../../server/storage/schema.ts';
import { expectProblem, makeParliamentarian, signUp } from '../helpers/apiFixtures.ts';
import {
  createBillWithArticles,
  depositedAmendment,
  draftAmendment,
  entriesOfType,
  ledgerOf,
  oldestOrder,
  patch,
  readAllPages,
  recentOrder,
  signUpOrganisation,
} from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';
import type { ApiClient } from '../helpers/testServer.ts';

describeDeliberation('arguments', { bill: true }, (suite) => {
  const argue = (client: ApiClient, billId: string, input: Record<string, unknown>) => client.post<Argument>(`/bills/${billId}/arguments`, input);

  it('VOTE2 a signed-in user argues pour or contre an article; it is public, linkable and in the ledger with its text', async () => {
    const { server, anonymous, world } = suite;
    const { client, me } = await signUp(server.url);
    const article = world.articleIds[0]!;
    const created = await argue(client, world.bill.id, { target: { type: 'article', id: article }, side: 'contre', body: '  Trop vague.  ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      target: { type: 'article', id: article },
      side: 'contre',
      author: { id: me.id, kind: 'citizen', role: 'citizen', organisationRegister: null },
      body: 'Trop vague.',
      tombstone: null,
      votes: { agree: 0, mixed: 0, disagree: 0, total: 0 },
      editedAt: null,
    });
    expect(new Date(created.body.createdAt).toISOString()).toBe(created.body.createdAt);
    expect((await anonymous.get<Argument>(`/bills/${world.bill.id}/arguments/${created.body.id}`)).body).toEqual(created.body);

    const [entry] = (await entriesOfType(anonymous, world.bill.id, 'argument.created')).filter((e) => e.actorId === me.id);
    expect(entry?.payload).toEqual({ argumentId: created.body.id, target: { type: 'article', id: article }, side: 'contre', body: 'Trop vague.' });

    expectProblem(await anonymous.get(`/bills/${world.bill.id}/arguments/no-such-argument`), 404, 'argument_not_found');
    expectProblem(await anonymous.get(`/bills/no-such-bill/arguments/${created.body.id}`), 404, 'bill_not_found');
  });

  it('CONTRIB1 anonymous arguments get 401 before the body is read; bad input 400, unknown targets 404; nothing changes', async () => {
    const { server, anonymous, world } = suite;
    const article = world.articleIds[0]!;
    const valid = { target: { type: 'article', id: article }, side: 'pour', body: 'Un argument.' };
    const before = (await ledgerOf(anonymous, world.bill.id)).length;

    expectProblem(await argue(anonymous, world.bill.id, valid), 401, 'authentication_required');
    expectProblem(await anonymous.request('POST', `/bills/${world.bill.id}/arguments`, '{"body": '), 401, 'authentication_required');
    expectProblem(await patch(anonymous, `/bills/${world.bill.id}/arguments/any`, { body: 'x' }), 401, 'authentication_required');

    const { client } = await signUp(server.url);
    for (const bad of [
      { ...valid, body: '   ' },
      { ...valid, body: 'x'.repeat(2001) },
      { ...valid, side: 'neutre' },
      { ...valid, target: { type: 'argument', id: article } },
      { side: 'pour', body: 'Sans cible.' },
    ]) {
      expectProblem(await argue(client, world.bill.id, bad), 400, 'validation_failed');
    }
    expectProblem(await argue(client, world.bill.id, { ...valid, target: { type: 'article', id: 'no-such-article' } }), 404, 'article_not_found');
    expectProblem(await argue(client, world.bill.id, { ...valid, target: { type: 'amendment', id: 'no-such-amendment' } }), 404, 'amendment_not_found');
    expectProblem(await argue(client, 'no-such-bill', valid), 404, 'bill_not_found');
    expect((await ledgerOf(anonymous, world.bill.id)).length).toBe(before);

    // 2000 characters is the limit, not beyond.
    expect((await argue(client, world.bill.id, { ...valid, body: 'x'.repeat(2000) })).status).toBe(201);
  });

  it('CONTRIB2 every argument shows its author’s badge: citizen, organisation with its register number, official, staff', async () => {
    const { server, admin, anonymous, world } = suite;
    const { client: organisation, me: orgMe } = await signUpOrganisation(server.url, 'H987654321');
    const { client: unregistered } = await signUpOrganisation(server.url, null);
    const depute = await makeParliamentarian(server.url, admin);
    const input = { target: { type: 'article', id: world.articleIds[1] }, side: 'pour', body: 'Nous soutenons.' };

    const byOrganisation = (await argue(organisation, world.bill.id, input)).body;
    expect(byOrganisation.author).toEqual({
      id: orgMe.id,
      displayName: orgMe.displayName,
      kind: 'organisation',
      role: 'organisation',
      organisationRegister: 'H987654321',
    });
    expect((await argue(unregistered, world.bill.id, input)).body.author).toMatchObject({ kind: 'organisation', organisationRegister: null });
    expect((await argue(depute.client, world.bill.id, input)).body.author).toMatchObject({ kind: 'official', role: 'parliamentarian' });
    expect((await argue(admin, world.bill.id, input)).body.author).toMatchObject({ kind: 'staff', role: 'admin' });

    const listed = await anonymous.get<ArgumentList>(`/bills/${world.bill.id}/arguments?limit=200`);
    expect(listed.body.arguments.find((a) => a.id === byOrganisation.id)?.author.organisationRegister).toBe('H987654321');
  });

  it('CONTRIB5 only its author edits an argument; the edit is dated and recorded in the ledger, the first text kept there', async () => {
    const { server, admin, anonymous, world } = suite;
    const { client: author, me } = await signUp(server.url);
    const { client: other } = await signUp(server.url);
    const created = (await argue(author, world.bill.id, { target: { type: 'article', id: world.articleIds[0] }, side: 'pour', body: 'Première idée.' })).body;
    const path = `/bills/${world.bill.id}/arguments/${created.id}`;

    expectProblem(await patch(other, path, { body: 'Détourné.' }), 403, 'forbidden');
    expectProblem(await patch(admin, path, { body: 'Détourné.' }), 403, 'forbidden');
    expectProblem(await patch(author, path, { body: '' }), 400, 'validation_failed');
    expectProblem(await patch(author, `/bills/${world.bill.id}/arguments/no-such-argument`, { body: 'x' }), 404, 'argument_not_found');

    const edited = await patch<Argument>(author, path, { body: 'Idée mûrie.' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: created.id, body: 'Idée mûrie.', createdAt: created.createdAt, side: 'pour' });
    expect(edited.body.editedAt).not.toBeNull();
    expect((await anonymous.get<Argument>(path)).body.body).toBe('Idée mûrie.');

    // The same text again is no edit.
    expect((await patch<Argument>(author, path, { body: 'Idée mûrie.' })).body).toEqual(edited.body);
    const mine = (await entriesOfType(anonymous, world.bill.id, 'argument.created', 'argument.edited')).filter((e) => e.actorId === me.id);
    expect(mine.map((e) => [e.type, e.payload.body])).toEqual([
      ['argument.created', 'Première idée.'],
      ['argument.edited', 'Idée mûrie.'],
    ]);
    expect(mine[1]?.payload.argumentId).toBe(created.id);
  });

  it('MOD2 a hidden argument reads as a tombstone with the reason; its author can no longer edit it', async () => {
    const { server, anonymous, world } = suite;
    const { client: author } = await signUp(server.url);
    const created = (await argue(author, world.bill.id, { target: { type: 'article', id: world.articleIds[0] }, side: 'contre', body: 'Propos injurieux.' })).body;
    // Hiding is the moderation module's; the stored columns are all this module reads.
    const hiddenAt = new Date('2026-02-01T10:00:00.000Z');
    await server.app.storage.db.update(debateArguments).set({ hiddenAt, hiddenReason: 'Injurieux', hiddenBy: null }).where(eq(debateArguments.id, created.id));

    const path = `/bills/${world.bill.id}/arguments/${created.id}`;
    const read = (await anonymous.get<Argument>(path)).body;
    expect(read).toMatchObject({ id: created.id, body: null, tombstone: { reason: 'Injurieux', hiddenAt: hiddenAt.toISOString() } });
    const listed = (await anonymous.get<ArgumentList>(`/bills/${world.bill.id}/arguments?limit=200`)).body.arguments;
    expect(listed.find((a) => a.id === created.id)).toEqual(read);
    expectProblem(await patch(author, path, { body: 'Corrigé.' }), 409, 'invalid_transition');
  });

  it('CONTRIB3 listings: a seeded random order, stable for one seed across pages and different across seeds; recent, oldest, popular', async () => {
    const { server, admin, anonymous } = suite;
    const { bill, articleIds } = await createBillWithArticles(admin);
    const [first, second] = articleIds as [string, string];
    const { client } = await signUp(server.url);
    const created: Argument[] = [];
    for (let i = 0; i < 12; i += 1) {
      const input = { target: { type: 'article', id: i < 8 ? first : second }, side: i % 2 === 0 ? 'pour' : 'contre', body: `Argument ${i}` };
      created.push((await argue(client, bill.id, input)).body);
    }
    const base = `/bills/${bill.id}/arguments`;

    const random = await anonymous.get<ArgumentList>(`${base}?limit=200`);
    expect(random.body).toMatchObject({ sort: 'random', offset: 0, total: 12 });
    expect(random.body.seed).toMatch(/^[A-Za-z0-9_-]+$/);
    const one = await readAllPages(anonymous, `${base}?sort=random&seed=alpha`, 'arguments', 5);
    expect(one.seeds).toEqual(['alpha', 'alpha', 'alpha']);
    expect(new Set(one.ids).size).toBe(12);
    expect((await readAllPages(anonymous, `${base}?seed=alpha`, 'arguments', 12)).ids).toEqual(one.ids);
    const other = await readAllPages(anonymous, `${base}?seed=beta`, 'arguments', 12);
    expect(other.ids).not.toEqual(one.ids);
    expect([...other.ids].sort()).toEqual([...one.ids].sort());

    const recent = await anonymous.get<ArgumentList>(`${base}?sort=recent`);
    expect(recent.body.seed).toBeNull();
    expect(recent.body.arguments.map((a) => a.id)).toEqual(recentOrder(created));
    expect((await anonymous.get<ArgumentList>(`${base}?sort=oldest`)).body.arguments.map((a) => a.id)).toEqual(oldestOrder(created));

    // Popular: most "+1" first.
    const voters = await Promise.all([signUp(server.url), signUp(server.url)]);
    const [a, b] = [created[3]!, created[7]!];
    for (const { client: voter } of voters) await voter.put(`/bills/${bill.id}/votes/argument/${a.id}`, { value: 'agree' });
    await voters[0].client.put(`/bills/${bill.id}/votes/argument/${b.id}`, { value: 'agree' });
    const popular = (await anonymous.get<ArgumentList>(`${base}?sort=popular`)).body.arguments;
    expect(popular.slice(0, 2).map((x) => [x.id, x.votes.agree])).toEqual([[a.id, 2], [b.id, 1]]);
    const rest = created.filter((x) => x.id !== a.id && x.id !== b.id);
    expect(popular.slice(2).map((x) => x.id)).toEqual(recentOrder(rest));

    // Filters.
    const onSecond = (await anonymous.get<ArgumentList>(`${base}?targetType=article&targetId=${second}&sort=oldest`)).body;
    expect(onSecond.total).toBe(4);
    expect(onSecond.arguments.map((x) => x.body)).toEqual(['Argument 8', 'Argument 9', 'Argument 10', 'Argument 11']);
    const contre = (await anonymous.get<ArgumentList>(`${base}?side=contre&targetId=${first}&sort=oldest`)).body;
    expect(contre.arguments.map((x) => x.body)).toEqual(['Argument 1', 'Argument 3', 'Argument 5', 'Argument 7']);

    expectProblem(await anonymous.get(`${base}?sort=loudest`), 400, 'validation_failed');
    expectProblem(await anonymous.get(`${base}?seed=${encodeURIComponent('x; drop')}`), 400, 'validation_failed');
    expectProblem(await anonymous.get(`${base}?limit=201`), 400, 'validation_failed');
    expectProblem(await anonymous.get('/bills/no-such-bill/arguments'), 404, 'bill_not_found');
  });

  it('VOTE2 arguments on a deposited amendment, filtered by it; a draft is no target yet', async () => {
    const { server, anonymous, world } = suite;
    const { client: author } = await signUp(server.url);
    const { client } = await signUp(server.url);
    const draft = await draftAmendment(author, world.bill.id, world.articleIds[0]!);
    const input = { target: { type: 'amendment', id: draft.id }, side: 'pour', body: 'Bonne idée.' };
    expectProblem(await argue(client, world.bill.id, input), 404, 'amendment_not_found');

    const deposited = await depositedAmendment(author, world.bill.id, world.articleIds[0]!);
    const pour = await argue(client, world.bill.id, { ...input, target: { type: 'amendment', id: deposited.id } });
    expect(pour.status).toBe(201);
    expect(pour.body.target).toEqual({ type: 'amendment', id: deposited.id });
    const contre = (await argue(author, world.bill.id, { target: { type: 'amendment', id: deposited.id }, side: 'contre', body: 'Risqué.' })).body;
    const listed = (await anonymous.get<ArgumentList>(`/bills/${world.bill.id}/arguments?targetType=amendment&targetId=${deposited.id}&sort=oldest`)).body;
    expect(listed.arguments.map((a) => [a.id, a.side])).toEqual([
      [pour.body.id, 'pour'],
      [contre.id, 'contre'],
    ]);
  });
});
