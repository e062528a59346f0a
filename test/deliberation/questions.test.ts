import { expect, it } from 'vitest';
import type { Question, QuestionList } from '../../shared/api/questions.ts';
import { expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { createBillWithArticles, entriesOfType, ledgerOf, oldestOrder, readAllPages, recentOrder, signUpOrganisation } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';
import type { ApiClient } from '../helpers/testServer.ts';

describeDeliberation('questions', { bill: true }, (suite) => {
  const ask = (client: ApiClient, billId: string, input: Record<string, unknown>) => client.post<Question>(`/bills/${billId}/questions`, input);

  it('VOTE2 a question on the bill or on one of its articles is public, linkable, unanswered at first, and in the ledger', async () => {
    const { server, anonymous, world } = suite;
    const { client, me } = await signUp(server.url);
    const onBill = await ask(client, world.bill.id, { body: ' Quand ce texte sera-t-il examiné ? ' });
    expect(onBill.status).toBe(201);
    expect(onBill.body).toMatchObject({
      articleId: null,
      author: { id: me.id, kind: 'citizen' },
      body: 'Quand ce texte sera-t-il examiné ?',
      tombstone: null,
      response: null,
    });
    const article = world.articleIds[1]!;
    const onArticle = await ask(client, world.bill.id, { articleId: article, body: 'Que couvre cet article ?' });
    expect(onArticle.body.articleId).toBe(article);
    expect((await anonymous.get<Question>(`/bills/${world.bill.id}/questions/${onArticle.body.id}`)).body).toEqual(onArticle.body);

    const mine = (await entriesOfType(anonymous, world.bill.id, 'question.asked')).filter((e) => e.actorId === me.id);
    expect(mine.map((e) => e.payload)).toEqual([
      { questionId: onBill.body.id, articleId: null, body: 'Quand ce texte sera-t-il examiné ?' },
      { questionId: onArticle.body.id, articleId: article, body: 'Que couvre cet article ?' },
    ]);

    const listed = (await anonymous.get<QuestionList>(`/bills/${world.bill.id}/questions?articleId=${article}&limit=200`)).body;
    expect(listed.questions.map((q) => q.id)).toContain(onArticle.body.id);
    expect(listed.questions.every((q) => q.articleId === article)).toBe(true);
    expectProblem(await anonymous.get(`/bills/${world.bill.id}/questions/no-such-question`), 404, 'question_not_found');
    expectProblem(await anonymous.get(`/bills/no-such-bill/questions/${onBill.body.id}`), 404, 'bill_not_found');
  });

  it('CONTRIB1 anonymous questions get 401 before the body is read; bad input 400; unknown articles and bills 404', async () => {
    const { server, admin, anonymous, world } = suite;
    const before = (await ledgerOf(anonymous, world.bill.id)).length;
    expectProblem(await ask(anonymous, world.bill.id, { body: 'Une question ?' }), 401, 'authentication_required');
    expectProblem(await anonymous.request('POST', `/bills/${world.bill.id}/questions`, '{'), 401, 'authentication_required');

    const { client } = await signUp(server.url);
    expectProblem(await ask(client, world.bill.id, { body: '  ' }), 400, 'validation_failed');
    expectProblem(await ask(client, world.bill.id, { body: 'q'.repeat(4001) }), 400, 'validation_failed');
    expectProblem(await ask(client, world.bill.id, { articleId: 7, body: 'Une question ?' }), 400, 'validation_failed');
    expectProblem(await ask(client, world.bill.id, { articleId: 'no-such-article', body: 'Une question ?' }), 404, 'article_not_found');
    const other = await createBillWithArticles(admin);
    expectProblem(await ask(client, world.bill.id, { articleId: other.articleIds[0], body: 'Une question ?' }), 404, 'article_not_found');
    expectProblem(await ask(client, 'no-such-bill', { body: 'Une question ?' }), 404, 'bill_not_found');
    expect((await ledgerOf(anonymous, world.bill.id)).length).toBe(before);
    expect((await ask(client, world.bill.id, { body: 'q'.repeat(4000) })).status).toBe(201);
  });

  it('CONTRIB2 a question shows its author’s badge: an organisation with its register number', async () => {
    const { server, world } = suite;
    const { client, me } = await signUpOrganisation(server.url, 'H000111222');
    const asked = await ask(client, world.bill.id, { body: 'Quel calendrier ?' });
    expect(asked.body.author).toEqual({ id: me.id, displayName: me.displayName, kind: 'organisation', role: 'organisation', organisationRegister: 'H000111222' });
  });

  it('CONTRIB3 question listings: seeded random order stable per seed, recent and oldest', async () => {
    const { server, admin, anonymous } = suite;
    const { bill } = await createBillWithArticles(admin);
    const { client } = await signUp(server.url);
    const created: Question[] = [];
    for (let i = 0; i < 9; i += 1) created.push((await ask(client, bill.id, { body: `Question ${i} ?` })).body);
    const base = `/bills/${bill.id}/questions`;

    const first = await anonymous.get<QuestionList>(base);
    expect(first.body).toMatchObject({ sort: 'random', total: 9, offset: 0 });
    const seed = first.body.seed!;
    const paged = await readAllPages(anonymous, `${base}?seed=${seed}`, 'questions', 4);
    expect(paged.ids).toEqual(first.body.questions.map((q) => q.id));
    expect(paged.seeds).toEqual([seed, seed, seed]);
    expect((await readAllPages(anonymous, `${base}?seed=${seed}x`, 'questions', 9)).ids).not.toEqual(paged.ids);
    expect((await anonymous.get<QuestionList>(`${base}?sort=recent`)).body.questions.map((q) => q.id)).toEqual(recentOrder(created));
    expect((await anonymous.get<QuestionList>(`${base}?sort=oldest`)).body.questions.map((q) => q.id)).toEqual(oldestOrder(created));
    expect((await anonymous.get<QuestionList>(`${base}?sort=popular`)).body.questions.map((q) => q.id)).toEqual(recentOrder(created));
    expectProblem(await anonymous.get('/bills/no-such-bill/questions'), 404, 'bill_not_found');
  });
});
