import { count, eq } from 'drizzle-orm';
import { afterEach, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AnnotationList, AnnotationThread, Annotation, ReactionState } from '../../shared/api/annotations.ts';
import type { Problem } from '../../shared/api/problem.ts';
import type { Me } from '../../shared/api/users.ts';
import { annotations } from '../../server/storage/schema.ts';
import { createBill, expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { type CollabBill, ProviderPool, setupCollabBill } from '../helpers/collabEdits.ts';
import { latestArticles, ledgerOf, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';
import type { ApiClient } from '../helpers/testServer.ts';

/** The Y.Text of the article with this id in a bill document. */
function articleTextById(doc: Y.Doc, articleId: string): Y.Text {
  const map = doc
    .getArray<Y.Map<unknown>>('articles')
    .toArray()
    .find((article) => article.get('id') === articleId);
  const text = map?.get('text');
  if (!(text instanceof Y.Text)) throw new Error(`no article ${articleId}`);
  return text;
}

const encode = (position: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

describeDeliberation('annotations', {}, (suite) => {
  let citizen: ApiClient;
  let citizenMe: Me;
  let other: ApiClient;
  let world: CollabBill;
  /** Article ids of `world.bill`: article 1 reads "Premier alinéa.\nSecond alinéa.", article 2 one alinéa. */
  let a1: string;
  let a2: string;
  const pool = new ProviderPool();

  const annotate = (client: ApiClient, billId: string, anchor: unknown, body = 'Un commentaire.') =>
    client.post<AnnotationThread>(`/bills/${billId}/annotations`, { anchor, body });
  const annotationCount = async () => (await suite.server.app.storage.db.select({ n: count() }).from(annotations))[0]?.n;

  beforeAll(async () => {
    const { server, admin, anonymous } = suite;
    ({ client: citizen, me: citizenMe } = await signUp(server.url));
    ({ client: other } = await signUp(server.url));
    world = await setupCollabBill(server.url, admin);
    const articles = await latestArticles(anonymous, world.bill.id);
    a1 = articles[0]!.articleId;
    a2 = articles[1]!.articleId;
  });
  afterEach(() => pool.destroyAll());

  it('ANNOT1 a quote-only anchor is checked against the live text and stored normalised, with status ok', async () => {
    const { server, anonymous } = suite;
    const response = await annotate(citizen, world.bill.id, quoteAnchor(a1, 'Second alinéa'), '  Pourquoi « second » ?  ');
    expect(response.status).toBe(201);
    const thread = response.body;
    expect(thread).toMatchObject({
      billId: world.bill.id,
      parentId: null,
      articleId: a1,
      anchorStatus: 'ok',
      body: 'Pourquoi « second » ?',
      tombstone: null,
      editedAt: null,
      replies: [],
      reactions: { like: 0, insightful: 0, question: 0, disagree: 0 },
      myReactions: [],
    });
    // Normalised by the server: context and alinéa recomputed, relative positions made from the live document.
    expect(thread.anchor).toMatchObject({ articleId: a1, quote: { exact: 'Second alinéa', prefix: 'Premier alinéa.\n', suffix: '.' }, alinea: 2 });
    expect(thread.anchor?.start).toMatch(/^[A-Za-z0-9+/]+=*$/);
    // CONTRIB2: the author's badge.
    expect(thread.author).toEqual({ id: citizenMe.id, displayName: citizenMe.displayName, kind: 'citizen', role: 'citizen', organisationRegister: null });

    const read = await anonymous.get<AnnotationThread>(`/bills/${world.bill.id}/annotations/${thread.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(thread);
    const [stored] = await server.app.storage.db.select().from(annotations).where(eq(annotations.id, thread.id));
    expect(stored).toMatchObject({ anchorStatus: 'ok', articleId: a1, anchor: thread.anchor, body: 'Pourquoi « second » ?' });

    const created = (await ledgerOf(anonymous, world.bill.id)).filter((entry) => entry.type === 'annotation.created');
    expect(created.at(-1)).toMatchObject({
      actorId: citizenMe.id,
      payload: { annotationId: thread.id, articleId: a1, anchor: thread.anchor, body: 'Pourquoi « second » ?' },
    });
  });

  it('ANNOT1 anchor_invalid (422, detail says why) for a quote not in the text, an ambiguous one or an unknown article; nothing is stored', async () => {
    const { anonymous } = suite;
    const before = await annotationCount();
    const entries = (await ledgerOf(anonymous, world.bill.id)).length;
    const refused = async (anchor: unknown, why: string) => {
      const problem = expectProblem(await annotate(citizen, world.bill.id, anchor), 422, 'anchor_invalid');
      expect(problem.detail).toMatch(new RegExp(`^${why}`));
    };
    await refused(quoteAnchor(a1, 'Troisième alinéa'), 'not_found');
    // "alinéa" is in both alinéas of article 1: without context or hint, it could be either.
    await refused(quoteAnchor(a1, 'alinéa'), 'ambiguous');
    await refused(quoteAnchor('no-such-article', 'Premier'), 'article_not_found');
    expect(await annotationCount()).toBe(before);
    expect(await ledgerOf(anonymous, world.bill.id)).toHaveLength(entries);

    // An alinéa hint or context settles the ambiguity.
    const hinted = await annotate(citizen, world.bill.id, quoteAnchor(a1, 'alinéa', { alinea: 2 }));
    expect(hinted.status).toBe(201);
    expect(hinted.body.anchor).toMatchObject({ alinea: 2, quote: { exact: 'alinéa', prefix: 'Premier alinéa.\nSecond ' } });
    const withContext = await annotate(citizen, world.bill.id, quoteAnchor(a1, 'alinéa', { prefix: 'Premier ' }));
    expect(withContext.body.anchor).toMatchObject({ alinea: 1 });
  });

  it('ANNOT1 relative positions from a real client document are checked against the quote they claim to cover', async () => {
    const { server } = suite;
    const doc = await pool.fresh(server.url, world.document);
    const text = articleTextById(doc, a2);
    const words = 'Unique alinéa';
    const index = text.toJSON().indexOf(words);
    expect(index).toBeGreaterThanOrEqual(0);
    const positions = {
      articleId: a2,
      start: encode(Y.createRelativePositionFromTypeIndex(text, index)),
      end: encode(Y.createRelativePositionFromTypeIndex(text, index + words.length)),
    };
    const created = await annotate(other, world.bill.id, { ...positions, quote: { exact: words } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ anchorStatus: 'ok', articleId: a2, anchor: { quote: { exact: words, prefix: '' }, alinea: 1 } });

    const before = await annotationCount();
    const mismatch = expectProblem(await annotate(other, world.bill.id, { ...positions, quote: { exact: 'Unique alinéa de' } }), 422, 'anchor_invalid');
    expect(mismatch.detail).toMatch(/^quote_mismatch/);
    // Positions into article 2 do not point into article 1.
    const elsewhere = expectProblem(await annotate(other, world.bill.id, { ...positions, articleId: a1, quote: { exact: words } }), 422, 'anchor_invalid');
    expect(elsewhere.detail).toMatch(/^invalid_position/);
    expect(await annotationCount()).toBe(before);
  });

  it('ANNOT3 each anchor status follows the live text: drifted once its words change, orphan once they are gone', async () => {
    const { server, admin, anonymous } = suite;
    const bill = await setupCollabBill(server.url, admin);
    const [, second] = await latestArticles(anonymous, bill.bill.id);
    const created = await annotate(citizen, bill.bill.id, quoteAnchor(second!.articleId, 'alinéa de'));
    expect(created.body.anchorStatus).toBe('ok');
    const statusNow = async () => (await anonymous.get<AnnotationThread>(`/bills/${bill.bill.id}/annotations/${created.body.id}`)).body.anchorStatus;

    const writer = pool.connect(server.url, bill.document, (await ticketFor(bill.rapporteur, bill.document)).ticket);
    await synced(writer.provider);
    const text = articleTextById(writer.doc, second!.articleId);
    const at = text.toJSON().indexOf('alinéa de');
    text.insert(at + 'alinéa'.length, ' premier');
    await waitFor(async () => expect(await statusNow()).toBe('drifted'));
    const list = await anonymous.get<AnnotationList>(`/bills/${bill.bill.id}/annotations`);
    expect(list.body.annotations.map((a) => a.anchorStatus)).toEqual(['drifted']);

    text.delete(at, 'alinéa premier de'.length);
    await waitFor(async () => expect(await statusNow()).toBe('orphan'));
  });

  it('ANNOT2 replies thread one level deep: a reply to a reply joins the root’s thread, oldest first', async () => {
    const { admin, anonymous } = suite;
    const root = (await annotate(citizen, world.bill.id, quoteAnchor(a2, 'article 2'), 'Racine')).body;
    const first = await other.post<Annotation>(`/bills/${world.bill.id}/annotations/${root.id}/replies`, { body: 'Première réponse' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ parentId: root.id, anchor: null, anchorStatus: null, body: 'Première réponse', author: { kind: 'citizen' } });
    const second = await citizen.post<Annotation>(`/bills/${world.bill.id}/annotations/${first.body.id}/replies`, { body: 'Réponse à la réponse' });
    expect(second.status).toBe(201);
    expect(second.body.parentId).toBe(root.id);

    const thread = await anonymous.get<AnnotationThread>(`/bills/${world.bill.id}/annotations/${root.id}`);
    expect(thread.body.replies.map((reply) => reply.body)).toEqual(['Première réponse', 'Réponse à la réponse']);
    // A reply's address gives its whole thread.
    expect((await anonymous.get<AnnotationThread>(`/bills/${world.bill.id}/annotations/${second.body.id}`)).body.id).toBe(root.id);
    // Listings count and page threads, not replies.
    const listed = await anonymous.get<AnnotationList>(`/bills/${world.bill.id}/annotations?articleId=${a2}&sort=oldest`);
    expect(listed.body.annotations.find((a) => a.id === root.id)?.replies).toHaveLength(2);
    expect(listed.body.annotations.every((a) => a.parentId === null && a.articleId === a2)).toBe(true);

    const replied = (await ledgerOf(anonymous, world.bill.id)).filter((entry) => entry.type === 'annotation.replied');
    expect(replied.slice(-2).map((entry) => entry.payload)).toEqual([
      { annotationId: first.body.id, parentId: root.id, body: 'Première réponse' },
      { annotationId: second.body.id, parentId: root.id, body: 'Réponse à la réponse' },
    ]);

    const otherBill = await createBill(admin);
    expectProblem(await citizen.post(`/bills/${otherBill.id}/annotations/${root.id}/replies`, { body: 'Ailleurs' }), 404, 'annotation_not_found');
    expectProblem(await citizen.post(`/bills/${world.bill.id}/annotations/nope/replies`, { body: 'Rien' }), 404, 'annotation_not_found');
    expectProblem(await anonymous.get(`/bills/${otherBill.id}/annotations/${root.id}`), 404, 'annotation_not_found');
  });

  it('ANNOT2 reactions come from a fixed set, one of each kind per person, toggled; popular sorts by them', async () => {
    const { admin, anonymous } = suite;
    const bill = await createBill(admin);
    const [first] = await latestArticles(anonymous, bill.id);
    const quiet = (await annotate(citizen, bill.id, quoteAnchor(first!.articleId, 'Premier'))).body;
    const liked = (await annotate(citizen, bill.id, quoteAnchor(first!.articleId, 'Second'))).body;
    const path = `/bills/${bill.id}/annotations/${liked.id}/reactions`;

    const once = await other.put<ReactionState>(`${path}/like`);
    expect(once.status).toBe(200);
    expect(once.body).toEqual({ annotationId: liked.id, reactions: { like: 1, insightful: 0, question: 0, disagree: 0 }, myReactions: ['like'] });
    expect((await other.put<ReactionState>(`${path}/like`)).body).toEqual(once.body);
    expect((await other.put<ReactionState>(`${path}/insightful`)).body.myReactions).toEqual(['like', 'insightful']);
    expect((await citizen.put<ReactionState>(`${path}/like`)).body).toMatchObject({ reactions: { like: 2, insightful: 1 }, myReactions: ['like'] });
    expectProblem(await other.put(`${path}/love`), 400, 'validation_failed');

    const removed = await other.delete<ReactionState>(`${path}/like`);
    expect(removed.body).toMatchObject({ reactions: { like: 1, insightful: 1 }, myReactions: ['insightful'] });
    expect((await other.delete<ReactionState>(`${path}/like`)).body).toEqual(removed.body);

    const seen = (await other.get<AnnotationThread>(`/bills/${bill.id}/annotations/${liked.id}`)).body;
    expect(seen).toMatchObject({ reactions: { like: 1, insightful: 1 }, myReactions: ['insightful'] });
    expect((await anonymous.get<AnnotationThread>(`/bills/${bill.id}/annotations/${liked.id}`)).body.myReactions).toEqual([]);
    const popular = await anonymous.get<AnnotationList>(`/bills/${bill.id}/annotations?sort=popular`);
    expect(popular.body.annotations.map((a) => a.id)).toEqual([liked.id, quiet.id]);

    // Only changes are recorded: the repeated PUT and DELETE added nothing.
    const types = (await ledgerOf(anonymous, bill.id)).map((entry) => entry.type).filter((type) => type.startsWith('annotation.'));
    expect(types).toEqual(['annotation.created', 'annotation.created', 'annotation.reacted', 'annotation.reacted', 'annotation.reacted', 'annotation.unreacted']);
  });

  it('CONTRIB3 listings default to a seeded random order echoed back; recent and oldest are available', async () => {
    const { admin, anonymous } = suite;
    const bill = await createBill(admin);
    const [first] = await latestArticles(anonymous, bill.id);
    const ids: string[] = [];
    for (const words of ['Premier', 'alinéa.\nSecond', 'Second', 'Second alinéa.']) {
      ids.push((await annotate(citizen, bill.id, quoteAnchor(first!.articleId, words))).body.id);
    }
    const random = await anonymous.get<AnnotationList>(`/bills/${bill.id}/annotations`);
    expect(random.body).toMatchObject({ sort: 'random', offset: 0, total: 4 });
    expect(random.body.seed).toMatch(/^[A-Za-z0-9_-]+$/);
    const seeded = (await anonymous.get<AnnotationList>(`/bills/${bill.id}/annotations?seed=${random.body.seed}&limit=2&offset=2`)).body;
    expect(seeded.annotations.map((a) => a.id)).toEqual(random.body.annotations.slice(2).map((a) => a.id));
    expect((await anonymous.get<AnnotationList>(`/bills/${bill.id}/annotations?sort=oldest`)).body.annotations.map((a) => a.id)).toEqual(ids);
    expect((await anonymous.get<AnnotationList>(`/bills/${bill.id}/annotations?sort=recent`)).body).toMatchObject({ seed: null });
    expectProblem(await anonymous.get(`/bills/no-such-bill/annotations`), 404, 'bill_not_found');
  });

  it('CONTRIB5 only its author edits an annotation; the edit is recorded and nothing can be deleted', async () => {
    const { anonymous } = suite;
    const created = (await annotate(citizen, world.bill.id, quoteAnchor(a1, 'Premier'), 'Avant')).body;
    const path = `/bills/${world.bill.id}/annotations/${created.id}`;
    expectProblem(await other.request('PATCH', path, { body: 'Pas à moi' }), 403, 'forbidden');
    const edited = await citizen.request<Annotation>('PATCH', path, { body: '  Après  ' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: created.id, body: 'Après', anchor: created.anchor });
    expect(edited.body.editedAt).not.toBeNull();
    expect((await anonymous.get<AnnotationThread>(path)).body.body).toBe('Après');
    const entry = (await ledgerOf(anonymous, world.bill.id)).at(-1);
    expect(entry).toMatchObject({ type: 'annotation.edited', payload: { annotationId: created.id, body: 'Après' } });
    expectProblem(await citizen.delete(path), 404, 'route_not_found');
  });

  it('CONTRIB1 anonymous writes get 401 before the body is read; invalid input gets 400 and changes nothing', async () => {
    const { anonymous } = suite;
    const before = await annotationCount();
    const bill = world.bill.id;
    const some = (await annotate(citizen, bill, quoteAnchor(a1, 'Premier'))).body;
    const writes: [string, string][] = [
      ['POST', `/bills/${bill}/annotations`],
      ['POST', `/bills/${bill}/annotations/${some.id}/replies`],
      ['PATCH', `/bills/${bill}/annotations/${some.id}`],
      ['PUT', `/bills/${bill}/annotations/${some.id}/reactions/like`],
      ['DELETE', `/bills/${bill}/annotations/${some.id}/reactions/like`],
    ];
    for (const [method, path] of writes) expectProblem(await anonymous.request(method, path, '{ not json'), 401, 'authentication_required');

    const invalid = [
      { anchor: quoteAnchor(a1, 'Premier'), body: '   ' },
      { anchor: quoteAnchor(a1, 'Premier'), body: 'x'.repeat(4001) },
      { anchor: { articleId: a1 }, body: 'Sans citation' },
      { anchor: { ...quoteAnchor(a1, 'Premier'), start: 'not base64!', end: 'AAAA' }, body: 'Positions illisibles' },
    ];
    for (const body of invalid) {
      const problem: Problem = expectProblem(await citizen.post(`/bills/${bill}/annotations`, body), 400, 'validation_failed');
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
    expectProblem(await citizen.post(`/bills/${bill}/annotations/${some.id}/replies`, { body: '' }), 400, 'validation_failed');
    expectProblem(await annotate(citizen, 'no-such-bill', quoteAnchor(a1, 'Premier')), 404, 'bill_not_found');
    expect(await annotationCount()).toBe((before ?? 0) + 1);
  });

  it('API2 the OpenAPI description documents the annotation endpoints', async () => {
    const { anonymous } = suite;
    const document = (await anonymous.get<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json')).body;
    expect(Object.keys(document.paths['/bills/{billId}/annotations'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/bills/{billId}/annotations/{annotationId}'] ?? {}).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(document.paths['/bills/{billId}/annotations/{annotationId}/reactions/{reaction}'] ?? {}).sort()).toEqual(['delete', 'put']);
  });
});
