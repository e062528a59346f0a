import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Question, QuestionList } from '../../shared/api/questions.ts';
import type { OfficialResponse, ResponseQueue, ResponseSummary } from '../../shared/api/responses.ts';
import { questions } from '../../server/storage/schema.ts';
import { expectProblem, makeParliamentarian, signUp } from '../helpers/apiFixtures.ts';
import { createBillWithArticles, depositedAmendment, draftAmendment, entriesOfType, ledgerOf, makeRapporteur } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';
import type { ApiClient } from '../helpers/testServer.ts';

describeDeliberation('official responses', { rapporteur: true }, (suite) => {
  const ask = async (client: ApiClient, billId: string, body: string) => (await client.post<Question>(`/bills/${billId}/questions`, { body })).body;
  const answerPath = (billId: string, questionId: string) => `/bills/${billId}/questions/${questionId}/response`;
  /** A bill of the test's own with a rapporteur (the speaker), and its response rate and queue as anyone reads them. */
  async function answerableBill() {
    const { admin, anonymous, server } = suite;
    const { bill, articleIds } = await createBillWithArticles(admin);
    const speaker = await makeRapporteur(server.url, admin, bill.id);
    return {
      bill,
      articleIds,
      speaker,
      summary: async () => (await anonymous.get<ResponseSummary>(`/bills/${bill.id}/responses/summary`)).body,
      queue: async (query = '') => (await anonymous.get<ResponseQueue>(`/bills/${bill.id}/queue${query}`)).body,
    };
  }

  it('RESP1 only a rapporteur of the bill answers a question: anonymous 401, citizen, admin and other parliamentarians 403', async () => {
    const { server, admin, anonymous, world, rapporteur } = suite;
    const { client: citizen } = await signUp(server.url);
    const question = await ask(citizen, world.bill.id, 'Pourquoi ce délai ?');
    const path = answerPath(world.bill.id, question.id);
    const before = (await ledgerOf(anonymous, world.bill.id)).length;

    expectProblem(await anonymous.put(path, { body: 'Réponse.' }), 401, 'authentication_required');
    expectProblem(await citizen.put(path, { body: 'Réponse.' }), 403, 'forbidden');
    expectProblem(await admin.put(path, { body: 'Réponse.' }), 403, 'forbidden');
    const otherDepute = await makeParliamentarian(server.url, admin);
    expectProblem(await otherDepute.client.put(path, { body: 'Réponse.' }), 403, 'forbidden');
    // A rapporteur of another bill is not one of this bill.
    const otherBill = await createBillWithArticles(admin);
    const elsewhere = await makeRapporteur(server.url, admin, otherBill.bill.id);
    expectProblem(await elsewhere.client.put(path, { body: 'Réponse.' }), 403, 'forbidden');

    expectProblem(await rapporteur.client.put(path, { body: '' }), 400, 'validation_failed');
    expectProblem(await rapporteur.client.put(path, { body: 'r'.repeat(10_001) }), 400, 'validation_failed');
    expectProblem(await rapporteur.client.put(answerPath(world.bill.id, 'no-such-question'), { body: 'Réponse.' }), 404, 'question_not_found');
    const foreign = await ask(citizen, otherBill.bill.id, 'Question ailleurs ?');
    expectProblem(await rapporteur.client.put(answerPath(world.bill.id, foreign.id), { body: 'Réponse.' }), 404, 'question_not_found');
    expectProblem(await rapporteur.client.put(answerPath('no-such-bill', question.id), { body: 'Réponse.' }), 404, 'bill_not_found');

    expect((await ledgerOf(anonymous, world.bill.id)).length).toBe(before);
    expect((await anonymous.get<Question>(`/bills/${world.bill.id}/questions/${question.id}`)).body.response).toBeNull();
  });

  it('RESP1 a rapporteur answers a question; answering again replaces the answer and the ledger keeps every one', async () => {
    const { server, anonymous, world, rapporteur } = suite;
    const { client: citizen } = await signUp(server.url);
    const question = await ask(citizen, world.bill.id, 'Le texte couvre-t-il les collectivités ?');
    const path = answerPath(world.bill.id, question.id);

    const first = await rapporteur.client.put<OfficialResponse>(path, { body: ' Oui, dès 2027. ' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      target: { type: 'question', id: question.id },
      avis: null,
      body: 'Oui, dès 2027.',
      author: { id: rapporteur.id, kind: 'official', role: 'parliamentarian' },
    });
    const read = (await anonymous.get<Question>(`/bills/${world.bill.id}/questions/${question.id}`)).body;
    expect(read.response).toEqual(first.body);

    const second = await rapporteur.client.put<OfficialResponse>(path, { body: 'Oui, dès 2027, sauf outre-mer.' });
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.body).toBe('Oui, dès 2027, sauf outre-mer.');
    expect((await anonymous.get<Question>(`/bills/${world.bill.id}/questions/${question.id}`)).body.response).toEqual(second.body);
    const listed = (await anonymous.get<QuestionList>(`/bills/${world.bill.id}/questions?limit=200`)).body.questions;
    expect(listed.find((q) => q.id === question.id)?.response).toEqual(second.body);

    // The same answer again is the same request repeated: nothing new.
    expect((await rapporteur.client.put<OfficialResponse>(path, { body: 'Oui, dès 2027, sauf outre-mer.' })).body).toEqual(second.body);

    const published = (await entriesOfType(anonymous, world.bill.id, 'response.published')).filter(
      (e) => (e.payload.target as { id: string }).id === question.id,
    );
    expect(published.map((e) => [e.actorId, e.payload])).toEqual([
      [rapporteur.id, { responseId: first.body.id, target: { type: 'question', id: question.id }, avis: null, body: 'Oui, dès 2027.', replaces: null }],
      [
        rapporteur.id,
        { responseId: second.body.id, target: { type: 'question', id: question.id }, avis: null, body: 'Oui, dès 2027, sauf outre-mer.', replaces: first.body.id },
      ],
    ]);
  });

  it('RESP1 an amendment answer needs a rapporteur and a public amendment of the bill', async () => {
    const { server, anonymous, world, rapporteur } = suite;
    const path = `/bills/${world.bill.id}/amendments/no-such-amendment/response`;
    const { client: citizen } = await signUp(server.url);
    expectProblem(await anonymous.put(path, { avis: 'favorable', body: 'Avis.' }), 401, 'authentication_required');
    expectProblem(await citizen.put(path, { avis: 'favorable', body: 'Avis.' }), 403, 'forbidden');
    expectProblem(await rapporteur.client.put(path, { avis: 'pour', body: 'Avis.' }), 400, 'validation_failed');
    expectProblem(await rapporteur.client.put(path, { body: 'Avis.' }), 400, 'validation_failed');
    expectProblem(await rapporteur.client.put(path, { avis: 'sagesse', body: 'Avis.' }), 404, 'amendment_not_found');
  });

  it('RESP1 a rapporteur gives an avis and a response on a deposited amendment (not a draft), and replaces it', async () => {
    const { server, anonymous, world, rapporteur } = suite;
    const { client: author } = await signUp(server.url);
    const draft = await draftAmendment(author, world.bill.id, world.articleIds[0]!);
    const draftPath = `/bills/${world.bill.id}/amendments/${draft.id}/response`;
    expectProblem(await rapporteur.client.put(draftPath, { avis: 'favorable', body: 'Avis.' }), 404, 'amendment_not_found');

    const amendment = await depositedAmendment(author, world.bill.id, world.articleIds[0]!);
    const path = `/bills/${world.bill.id}/amendments/${amendment.id}/response`;
    expectProblem(await author.put(path, { avis: 'favorable', body: 'Je me soutiens.' }), 403, 'forbidden');
    const first = await rapporteur.client.put<OfficialResponse>(path, { avis: 'retrait', body: 'Demande de retrait : satisfait par le texte.' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      target: { type: 'amendment', id: amendment.id },
      avis: 'retrait',
      body: 'Demande de retrait : satisfait par le texte.',
      author: { id: rapporteur.id, kind: 'official' },
    });
    const second = await rapporteur.client.put<OfficialResponse>(path, { avis: 'sagesse', body: 'Sagesse de l’assemblée.' });
    expect(second.body).toMatchObject({ avis: 'sagesse', body: 'Sagesse de l’assemblée.' });
    expect(second.body.id).not.toBe(first.body.id);

    const published = (await entriesOfType(anonymous, world.bill.id, 'response.published')).filter(
      (e) => (e.payload.target as { id: string }).id === amendment.id,
    );
    expect(published.map((e) => [e.payload.responseId, e.payload.avis, e.payload.replaces])).toEqual([
      [first.body.id, 'retrait', null],
      [second.body.id, 'sagesse', first.body.id],
    ]);
  });

  it('RESP2 the bill shows its response rate and its pending queue, oldest first; hidden questions are not counted', async () => {
    const { server, anonymous } = suite;
    const { bill, speaker, summary, queue } = await answerableBill();
    expect(await summary()).toEqual({ answerable: 0, answered: 0, rate: null, pending: 0 });
    expect(await queue()).toEqual({ items: [], offset: 0, total: 0 });

    const { client: citizen, me } = await signUp(server.url);
    const asked: Question[] = [];
    for (const body of ['Première question ?', 'Deuxième question ?', 'Troisième question ?', `Quatrième ${'longue '.repeat(60)}?`]) {
      asked.push(await ask(citizen, bill.id, body));
    }
    const [q1, q2, q3, q4] = asked as [Question, Question, Question, Question];
    expect(await summary()).toEqual({ answerable: 4, answered: 0, rate: 0, pending: 4 });

    await speaker.client.put(answerPath(bill.id, q2.id), { body: 'Réponse deux.' });
    // Replacing an answer does not count twice.
    await speaker.client.put(answerPath(bill.id, q2.id), { body: 'Réponse deux, précisée.' });
    expect(await summary()).toEqual({ answerable: 4, answered: 1, rate: 0.25, pending: 3 });

    const pending = await queue();
    expect(pending.total).toBe(3);
    expect(pending.items.map((item) => item.id)).toEqual([q1.id, q3.id, q4.id]);
    expect(pending.items[0]).toEqual({
      kind: 'question',
      id: q1.id,
      excerpt: 'Première question ?',
      author: { id: me.id, displayName: me.displayName, kind: 'citizen', role: 'citizen', organisationRegister: null },
      createdAt: q1.createdAt,
    });
    expect(pending.items[2]?.excerpt).toHaveLength(280);
    expect((await queue('?offset=1&limit=1')).items.map((item) => item.id)).toEqual([q3.id]);

    // A question a moderator hid is no longer answerable.
    await server.app.storage.db.update(questions).set({ hiddenAt: new Date(), hiddenReason: 'Hors sujet' }).where(eq(questions.id, q3.id));
    expect(await summary()).toEqual({ answerable: 3, answered: 1, rate: 1 / 3, pending: 2 });
    expect((await queue()).items.map((item) => item.id)).toEqual([q1.id, q4.id]);

    await speaker.client.put(answerPath(bill.id, q1.id), { body: 'Réponse un.' });
    await speaker.client.put(answerPath(bill.id, q4.id), { body: 'Réponse quatre.' });
    expect(await summary()).toEqual({ answerable: 3, answered: 3, rate: 1, pending: 0 });
    expect((await queue()).items).toEqual([]);

    expectProblem(await anonymous.get('/bills/no-such-bill/responses/summary'), 404, 'bill_not_found');
    expectProblem(await anonymous.get('/bills/no-such-bill/queue'), 404, 'bill_not_found');
    expectProblem(await anonymous.get(`/bills/${bill.id}/queue?limit=0`), 400, 'validation_failed');
  });

  it('RESP2 deposited amendments count in the rate and wait in the queue with questions, by deposit date', async () => {
    const { server } = suite;
    const { bill, articleIds, speaker, summary, queue } = await answerableBill();
    const { client: author, me } = await signUp(server.url);

    // A draft is not answerable; it only starts waiting once deposited.
    const early = await draftAmendment(author, bill.id, articleIds[0]!, 'Texte déposé en dernier.');
    const question = await ask(author, bill.id, 'Une question ?');
    const amendment = await depositedAmendment(author, bill.id, articleIds[1]!, 'Texte de l’amendement.');
    const withdrawn = await depositedAmendment(author, bill.id, articleIds[1]!, 'Texte retiré.');
    expect(await summary()).toEqual({ answerable: 3, answered: 0, rate: 0, pending: 3 });
    // Withdrawn: no longer awaits an answer.
    expect((await author.post(`/bills/${bill.id}/amendments/${withdrawn.id}/withdraw`)).status).toBe(200);
    expect((await author.post(`/bills/${bill.id}/amendments/${early.id}/deposit`)).status).toBe(200);

    const pending = await queue();
    expect(pending.items.map((item) => [item.kind, item.id])).toEqual([
      ['question', question.id],
      ['amendment', amendment.id],
      ['amendment', early.id],
    ]);
    expect(pending.items[1]).toEqual({
      kind: 'amendment',
      id: amendment.id,
      excerpt: 'Texte de l’amendement.',
      author: { id: me.id, displayName: me.displayName, kind: 'citizen', role: 'citizen', organisationRegister: null },
      createdAt: amendment.depositedAt,
    });

    await speaker.client.put(`/bills/${bill.id}/amendments/${amendment.id}/response`, { avis: 'defavorable', body: 'Défavorable.' });
    expect(await summary()).toEqual({ answerable: 3, answered: 1, rate: 1 / 3, pending: 2 });
    expect((await queue()).items.map((item) => item.id)).toEqual([question.id, early.id]);
  });
});
