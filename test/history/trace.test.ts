import { afterEach, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { AnnotationThread } from '../../shared/api/annotations.ts';
import type { Version } from '../../shared/api/bills.ts';
import type { ContributionTrace, MyContributions } from '../../shared/api/lineage.ts';
import type { Question } from '../../shared/api/questions.ts';
import { expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { ProviderPool } from '../helpers/collabEdits.ts';
import { actOnAmendment, makeModerator, proposeAmendment, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation, type World } from '../helpers/deliberationSuite.ts';
import type { ApiClient } from '../helpers/testServer.ts';

// The fixture bill: article 1er "Premier alinéa.\nSecond alinéa.", article 2 "Unique alinéa de l’article 2.".
describeDeliberation('lineage of contributions', {}, (suite) => {
  const pool = new ProviderPool();
  afterEach(() => pool.destroyAll());

  const trace = async (client: ApiClient, id: string, type?: string) => {
    const response = await client.get<ContributionTrace>(`/contributions/${id}/trace${type ? `?type=${type}` : ''}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const deposit = async (w: World, body: object) => actOnAmendment(w.citizen, w.bill.id, (await proposeAmendment(w.citizen, w.bill.id, body)).id, 'deposit');
  const publish = async (w: World, title: string) => {
    const response = await w.rapporteur.post<Version>(`/bills/${w.bill.id}/versions`, { stage: '1ère lecture', institution: 'assemblee', kind: 'commission', date: '2026-06-01', title });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  /** The rapporteur's live editor on the bill's text, and article 1er's Y.Text in it. */
  const editorOf = async (w: World): Promise<Y.Text> => {
    const document = `bill:${w.bill.id}`;
    const writer = pool.connect(suite.server.url, document, (await ticketFor(w.rapporteur, document)).ticket);
    await synced(writer.provider);
    const article = writer.doc.getArray<Y.Map<unknown>>('articles').toArray().find((map) => map.get('id') === w.first);
    return article?.get('text') as Y.Text;
  };

  it('TRACE1 TRACE2 TRACE3 an adopted citizen amendment traces to the version its words landed in, then tells how many of them the rapporteur left', async () => {
    const { anonymous } = suite;
    const w = await suite.newWorld();
    const amendment = await deposit(w, { kind: 'replace', anchor: quoteAnchor(w.first, 'Second'), text: 'Deuxième et nouvel', expose: 'Plus clair.' });
    // A version published before the adoption is not where the change landed.
    await publish(w, 'Texte avant adoption');
    expect((await w.rapporteur.put(`/bills/${w.bill.id}/amendments/${amendment.id}/response`, { avis: 'favorable', body: 'Bonne idée.' })).status).toBe(200);
    await actOnAmendment(w.rapporteur, w.bill.id, amendment.id, 'decision', { outcome: 'adopted' });

    const adopted = await trace(anonymous, amendment.id);
    expect(adopted).toMatchObject({
      id: amendment.id,
      kind: 'amendment',
      bill: { id: w.bill.id, shortTitle: w.bill.shortTitle },
      author: { id: w.citizenId, kind: 'citizen' },
      excerpt: 'Deuxième et nouvel',
      tombstone: null,
      outcome: 'adopted',
      amendment: { number: amendment.number, kind: 'replace', status: 'adopted', articleId: w.first, landedIn: null, fallenBecauseOf: null },
      annotation: null,
      question: null,
    });
    expect(adopted.amendment?.words).toEqual({ presence: 'still_present', inserted: 3, present: 3, share: 1 });
    expect(adopted.history.map((entry) => [entry.type, entry.status])).toEqual([
      ['amendment.drafted', 'draft'],
      ['amendment.deposited', 'deposited'],
      ['response.published', 'answered'],
      ['amendment.outcome', 'adopted'],
      ['amendment.applied', null],
    ]);
    expect(adopted.history[3]?.actor?.kind).toBe('official');
    expect(adopted.responses).toMatchObject([{ avis: 'favorable', body: 'Bonne idée.', respondent: { kind: 'official' }, current: true }]);

    const landed = await publish(w, 'Texte de la commission');
    expect((await trace(anonymous, amendment.id)).amendment?.landedIn).toMatchObject({ versionId: landed.id, stepId: landed.stepId, title: 'Texte de la commission', via: 'publication' });
    // A later version does not move it.
    await publish(w, 'Texte de la séance');
    expect((await trace(anonymous, amendment.id)).amendment?.landedIn?.versionId).toBe(landed.id);

    // The rapporteur edits one of its three words away, then the others.
    const text = await editorOf(w);
    expect(text.toJSON()).toBe('Premier alinéa.\nDeuxième et nouvel alinéa.');
    text.delete(text.toJSON().indexOf(' nouvel'), ' nouvel'.length);
    const partly = await waitFor(async () => {
      const words = (await trace(anonymous, amendment.id)).amendment?.words;
      expect(words?.presence).toBe('partly_present');
      return words;
    });
    expect(partly).toEqual({ presence: 'partly_present', inserted: 3, present: 2, share: 2 / 3 });
    text.delete(text.toJSON().indexOf('Deuxième et'), 'Deuxième et'.length);
    text.insert(text.toJSON().indexOf(' alinéa.', 10), 'Autre');
    await waitFor(async () => expect((await trace(anonymous, amendment.id)).amendment?.words).toEqual({ presence: 'gone', inserted: 3, present: 0, share: 0 }));
  });

  it('TRACE4 a fallen amendment names the adopted amendment that made it fall; one a rapporteur declared fallen names none', async () => {
    const { anonymous } = suite;
    const w = await suite.newWorld();
    const replaced = await deposit(w, { kind: 'replace', anchor: quoteAnchor(w.first, 'Second'), text: 'Deuxième' });
    const deleting = await deposit(w, { kind: 'delete', anchor: quoteAnchor(w.first, 'Second alinéa.') });
    const declared = await deposit(w, { kind: 'replace', anchor: quoteAnchor(w.second, 'Unique'), text: 'Seul' });
    await actOnAmendment(w.rapporteur, w.bill.id, deleting.id, 'decision', { outcome: 'adopted' });
    await actOnAmendment(w.rapporteur, w.bill.id, declared.id, 'decision', { outcome: 'fallen' });

    const fallen = await trace(anonymous, replaced.id, 'amendment');
    expect(fallen.outcome).toBe('fallen');
    expect(fallen.amendment).toMatchObject({ status: 'fallen', fallenBecauseOf: { id: deleting.id, number: deleting.number }, landedIn: null });
    expect(fallen.amendment?.words.presence).toBe('not_applicable');
    expect(fallen.history.at(-1)).toMatchObject({ type: 'amendment.outcome', status: 'fallen' });
    expect((await trace(anonymous, declared.id)).amendment).toMatchObject({ status: 'fallen', fallenBecauseOf: null });
    // The deletion that made it fall inserted no words.
    expect((await trace(anonymous, deleting.id)).amendment?.words).toEqual({ presence: 'not_applicable', inserted: 0, present: 0, share: null });
  });

  it('TRACE1 TRACE5 a question traces to its answer in force, an annotation to its anchor and replies; unknown ids and others’ drafts are not found', async () => {
    const { anonymous, server } = suite;
    const w = await suite.newWorld();
    const question = (await w.citizen.post<Question>(`/bills/${w.bill.id}/questions`, { articleId: w.second, body: 'Que devient l’article 2 ?' })).body;
    expect(await trace(anonymous, question.id)).toMatchObject({ kind: 'question', outcome: 'awaiting_answer', question: { articleId: w.second, answer: null }, responses: [] });
    await w.rapporteur.put(`/bills/${w.bill.id}/questions/${question.id}/response`, { body: 'Il reste.' });
    await w.rapporteur.put(`/bills/${w.bill.id}/questions/${question.id}/response`, { body: 'Il reste, réécrit.' });
    const answered = await trace(anonymous, question.id);
    expect(answered.outcome).toBe('answered');
    expect(answered.question?.answer).toMatchObject({ avis: null, body: 'Il reste, réécrit.', respondent: { kind: 'official' }, current: true });
    expect(answered.responses.map((response) => [response.body, response.current])).toEqual([
      ['Il reste.', false],
      ['Il reste, réécrit.', true],
    ]);
    expect(answered.history.map((entry) => entry.status)).toEqual([null, 'answered', 'answered']);

    const note = (await w.citizen.post<AnnotationThread>(`/bills/${w.bill.id}/annotations`, { anchor: quoteAnchor(w.second, 'alinéa'), body: 'Note' })).body;
    const { client: other } = await signUp(server.url);
    const reply = (await other.post<{ id: string }>(`/bills/${w.bill.id}/annotations/${note.id}/replies`, { body: 'Réponse' })).body;
    expect(await trace(anonymous, note.id, 'annotation')).toMatchObject({
      kind: 'annotation',
      outcome: 'ok',
      annotation: { parentId: null, articleId: w.second, anchorStatus: 'ok', replies: 1 },
      history: [{ type: 'annotation.created' }],
    });
    expect(await trace(anonymous, reply.id)).toMatchObject({ outcome: 'reply', annotation: { parentId: note.id, anchorStatus: null, replies: 0 } });

    expectProblem(await anonymous.get(`/contributions/${note.id}/trace?type=question`), 404, 'contribution_not_found');
    expectProblem(await anonymous.get('/contributions/no-such-id/trace'), 404, 'contribution_not_found');
    expectProblem(await anonymous.get(`/contributions/${note.id}/trace?type=vote`), 400, 'validation_failed');
    const draft = await proposeAmendment(w.citizen, w.bill.id, { kind: 'replace', anchor: quoteAnchor(w.first, 'Premier'), text: 'Tout premier' });
    expectProblem(await other.get(`/contributions/${draft.id}/trace`), 404, 'contribution_not_found');
    expect((await trace(w.citizen, draft.id)).outcome).toBe('draft');
  });

  it('TRACE6 “my contributions” lists the caller’s own amendments, annotations and questions with their outcomes, and nobody else’s', async () => {
    const { server, admin, anonymous } = suite;
    const w = await suite.newWorld();
    const { client: other } = await signUp(server.url);
    const adopted = await deposit(w, { kind: 'replace', anchor: quoteAnchor(w.second, 'Unique'), text: 'Seul' });
    await actOnAmendment(w.rapporteur, w.bill.id, adopted.id, 'decision', { outcome: 'adopted' });
    const note = (await w.citizen.post<AnnotationThread>(`/bills/${w.bill.id}/annotations`, { anchor: quoteAnchor(w.first, 'Premier'), body: 'Ma note' })).body;
    const question = (await w.citizen.post<Question>(`/bills/${w.bill.id}/questions`, { body: 'Ma question ?' })).body;
    await w.rapporteur.put(`/bills/${w.bill.id}/questions/${question.id}/response`, { body: 'Ma réponse.' });
    const draft = await proposeAmendment(w.citizen, w.bill.id, { kind: 'rewrite_article', articleId: w.first, text: 'Brouillon.' });
    // Someone else's contributions, on the same bill.
    await other.post(`/bills/${w.bill.id}/questions`, { body: 'Une autre question ?' });
    await other.post(`/bills/${w.bill.id}/annotations`, { anchor: quoteAnchor(w.first, 'Second'), body: 'Une autre note' });
    // A co-author sees the amendment among theirs too.
    const coauthored = await proposeAmendment(other, w.bill.id, { kind: 'delete', anchor: quoteAnchor(w.first, 'alinéa', { alinea: 2 }) });
    await other.post(`/bills/${w.bill.id}/amendments/${coauthored.id}/invitations`, { userId: w.citizenId });
    await actOnAmendment(w.citizen, w.bill.id, coauthored.id, 'invitations/accept');

    const mine = await w.citizen.get<MyContributions>('/users/me/contributions');
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.total).toBe(5);
    expect(mine.body.items.map((item) => [item.id, item.kind, item.outcome])).toEqual([
      [coauthored.id, 'amendment', 'draft'],
      [draft.id, 'amendment', 'draft'],
      [question.id, 'question', 'answered'],
      [note.id, 'annotation', 'ok'],
      [adopted.id, 'amendment', 'adopted'],
    ]);
    const adoptedItem = mine.body.items.at(-1);
    expect(adoptedItem).toMatchObject({ bill: { id: w.bill.id }, responseCount: 0, amendment: { words: { presence: 'still_present', share: 1 } } });
    expect(adoptedItem).not.toHaveProperty('history');
    expect(mine.body.items.find((item) => item.id === question.id)?.responseCount).toBe(1);

    const page = await w.citizen.get<MyContributions>('/users/me/contributions?limit=2&offset=2');
    expect(page.body).toMatchObject({ offset: 2, total: 5 });
    expect(page.body.items.map((item) => item.id)).toEqual([question.id, note.id]);
    const questions = await w.citizen.get<MyContributions>('/users/me/contributions?kind=question');
    expect(questions.body.items.map((item) => item.id)).toEqual([question.id]);
    expect(questions.body.total).toBe(1);
    const theirs = await other.get<MyContributions>('/users/me/contributions');
    expect(theirs.body.total).toBe(3);
    expect(theirs.body.items.map((item) => item.id)).not.toContain(question.id);
    expectProblem(await anonymous.get('/users/me/contributions'), 401, 'authentication_required');

    // Hidden, it is a tombstone for others; its author still reads it.
    const moderator = await makeModerator(server.url, admin);
    const hide = await moderator.client.post(`/bills/${w.bill.id}/moderation/hide`, { target: { type: 'question', id: question.id }, reason: 'Hors sujet' });
    expect(hide.status, JSON.stringify(hide.body)).toBe(201);
    const hidden = await trace(anonymous, question.id);
    expect(hidden).toMatchObject({ excerpt: null, tombstone: { reason: 'Hors sujet' } });
    expect(hidden.history.at(-1)).toMatchObject({ type: 'moderation.hidden', status: 'hidden' });
    expect(await trace(w.citizen, question.id)).toMatchObject({ excerpt: 'Ma question ?', tombstone: { reason: 'Hors sujet' } });
    const listed = (await w.citizen.get<MyContributions>('/users/me/contributions?kind=question')).body.items[0];
    expect(listed).toMatchObject({ excerpt: 'Ma question ?', tombstone: { reason: 'Hors sujet' } });
  });
});
