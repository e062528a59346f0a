import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import type { AnnotationList, AnnotationThread } from '../../shared/api/annotations.ts';
import type { ModerationAction, ModerationLog, Report, ReportQueue } from '../../shared/api/moderation.ts';
import type { Me } from '../../shared/api/users.ts';
import { newId } from '../../server/common/ids.ts';
import { amendmentAuthors, amendments, annotations, debateArguments, events, questions, reports, sources } from '../../server/storage/schema.ts';
import { ADMIN_ENV, adminClient, createBill, expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { latestArticles, ledgerOf, makeModerator, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`moderation on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let anonymous: ApiClient;
    let author: ApiClient;
    let authorMe: Me;
    let reporter: ApiClient;
    let reporter2: ApiClient;
    let moderator: { client: ApiClient; id: string };
    let moderator2: { client: ApiClient; id: string };
    let bill: Bill;
    let articleId: string;

    const db = () => server.app.storage.db;
    const annotate = async (client: ApiClient, body: string, billId = bill.id, onArticle = articleId) => {
      const response = await client.post<AnnotationThread>(`/bills/${billId}/annotations`, { anchor: quoteAnchor(onArticle, 'Premier'), body });
      if (response.status !== 201) throw new Error(`annotate failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const report = (client: ApiClient, target: { type: string; id: string }, reason = 'spam', text?: string, billId = bill.id) =>
      client.post<Report>(`/bills/${billId}/reports`, { target, reason, ...(text === undefined ? {} : { text }) });
    const moderate = (client: ApiClient, action: 'hide' | 'restore' | 'dismiss', target: { type: string; id: string }, reason: string) =>
      client.post<ModerationAction>(`/bills/${bill.id}/moderation/${action}`, { target, reason });
    const thread = async (id: string) => (await anonymous.get<AnnotationThread>(`/bills/${bill.id}/annotations/${id}`)).body;
    const queue = async (status = 'open') => (await moderator.client.get<ReportQueue>(`/moderation/reports?status=${status}&billId=${bill.id}&limit=200`)).body;

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
      anonymous = new ApiClient(server.url);
      ({ client: author, me: authorMe } = await signUp(server.url));
      ({ client: reporter } = await signUp(server.url));
      ({ client: reporter2 } = await signUp(server.url));
      moderator = await makeModerator(server.url, admin);
      moderator2 = await makeModerator(server.url, admin);
      bill = await createBill(admin);
      articleId = (await latestArticles(anonymous, bill.id))[0]!.articleId;
    });
    afterAll(() => server?.stop());

    it('MOD1 a signed-in reader reports a contribution once, with a reason; a second report is already_reported', async () => {
      const annotation = await annotate(author, 'Achetez mes chaussures !');
      const target = { type: 'annotation', id: annotation.id };
      const filed = await report(reporter, target, 'spam');
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({ billId: bill.id, target, reason: 'spam', text: null, status: 'open', resolvedAt: null });
      expectProblem(await report(reporter, target, 'offensive'), 409, 'already_reported');

      // `other` needs a text; the text stays out of the public ledger.
      const problem = expectProblem(await report(reporter2, target, 'other'), 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.path)).toEqual(['text']);
      expectProblem(await report(reporter2, target, 'rude'), 400, 'validation_failed');
      const other = await report(reporter2, target, 'other', '  Publicité déguisée, voir mon courriel.  ');
      expect(other.status).toBe(201);
      expect(other.body.text).toBe('Publicité déguisée, voir mon courriel.');

      const filedEntries = (await ledgerOf(anonymous, bill.id)).filter((entry) => entry.type === 'report.filed').slice(-2);
      expect(filedEntries.map((entry) => entry.payload)).toEqual([
        { reportId: filed.body.id, target, reason: 'spam' },
        { reportId: other.body.id, target, reason: 'other' },
      ]);
      expect(JSON.stringify(filedEntries)).not.toContain('courriel');
      expectProblem(await anonymous.post(`/bills/${bill.id}/reports`, '{ not json'), 401, 'authentication_required');
    });

    it('MOD1 only a public contribution of this bill can be reported: each kind has its not-found error', async () => {
      for (const [type, code] of [
        ['annotation', 'annotation_not_found'],
        ['amendment', 'amendment_not_found'],
        ['argument', 'argument_not_found'],
        ['source', 'source_not_found'],
        ['question', 'question_not_found'],
      ] as const) {
        expectProblem(await report(reporter, { type, id: newId() }), 404, code);
      }
      const elsewhere = await createBill(admin);
      const annotation = await annotate(author, 'Ailleurs', elsewhere.id, (await latestArticles(anonymous, elsewhere.id))[0]!.articleId);
      expectProblem(await report(reporter, { type: 'annotation', id: annotation.id }), 404, 'annotation_not_found');
      expectProblem(await report(reporter, { type: 'annotation', id: annotation.id }, 'spam', undefined, 'no-such-bill'), 404, 'bill_not_found');
      expectProblem(await report(reporter, { type: 'comment', id: annotation.id }), 400, 'validation_failed');

      // A draft amendment is visible to its authors only: not found; once deposited it can be reported.
      const draft = newId();
      await db().insert(amendments).values({ id: draft, billId: bill.id, origin: 'citizen', status: 'draft', authorName: 'A', authorId: authorMe.id });
      expectProblem(await report(reporter, { type: 'amendment', id: draft }), 404, 'amendment_not_found');
      await db().update(amendments).set({ status: 'deposited' }).where(eq(amendments.id, draft));
      expect((await report(reporter, { type: 'amendment', id: draft })).status).toBe(201);
    });

    it('MOD2 moderators see the open reports oldest first, with an excerpt and the count per target; nobody else does', async () => {
      const annotation = await annotate(author, 'Un texte signalé deux fois.');
      const target = { type: 'annotation', id: annotation.id };
      const first = (await report(reporter, target, 'off_topic')).body;
      const second = (await report(reporter2, target, 'offensive')).body;
      expectProblem(await anonymous.get('/moderation/reports'), 401, 'authentication_required');
      expectProblem(await reporter.get('/moderation/reports'), 403, 'forbidden');

      const open = await queue();
      const ids = open.reports.map((r) => r.id);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
      const queued = open.reports.find((r) => r.id === second.id);
      expect(queued).toMatchObject({
        target,
        reason: 'offensive',
        status: 'open',
        targetExcerpt: 'Un texte signalé deux fois.',
        targetHidden: false,
        targetReports: 2,
        reporter: { kind: 'citizen' },
      });
      expect(open.total).toBe(open.reports.length);
      // Admins moderate too.
      expect((await admin.get<ReportQueue>(`/moderation/reports?billId=${bill.id}`)).status).toBe(200);
      expectProblem(await moderator.client.get('/moderation/reports?status=closed'), 400, 'validation_failed');
    });

    it('MOD2 hiding leaves the row and its ledger entries in place, shows a tombstone with the public reason and upholds the open reports', async () => {
      const annotation = await annotate(author, 'Propos injurieux.');
      const target = { type: 'annotation', id: annotation.id };
      const reported = (await report(reporter, target, 'offensive')).body;
      expectProblem(await moderate(reporter, 'hide', target, 'Injurieux'), 403, 'forbidden');
      expectProblem(await moderate(anonymous, 'hide', target, 'Injurieux'), 401, 'authentication_required');
      expectProblem(await moderate(moderator.client, 'hide', target, 'no'), 400, 'validation_failed');

      const hidden = await moderate(moderator.client, 'hide', target, '  Propos injurieux envers une personne.  ');
      expect(hidden.status).toBe(201);
      expect(hidden.body).toMatchObject({ action: 'hide', target, reason: 'Propos injurieux envers une personne.', moderator: { id: moderator.id, kind: 'staff' } });

      const read = await thread(annotation.id);
      expect(read).toMatchObject({ body: null, tombstone: { reason: 'Propos injurieux envers une personne.' }, author: { id: authorMe.id }, anchor: annotation.anchor });
      expect(Date.parse(read.tombstone!.hiddenAt)).not.toBeNaN();
      const listed = (await anonymous.get<AnnotationList>(`/bills/${bill.id}/annotations?limit=200`)).body.annotations.find((a) => a.id === annotation.id);
      expect(listed).toMatchObject({ body: null, tombstone: { reason: 'Propos injurieux envers une personne.' } });

      const [row] = await db().select().from(annotations).where(eq(annotations.id, annotation.id));
      expect(row).toMatchObject({ body: 'Propos injurieux.', hiddenReason: 'Propos injurieux envers une personne.', hiddenBy: moderator.id });
      const entries = await ledgerOf(anonymous, bill.id);
      // The entry stays in the ledger with its text; the public listing withholds it (LEDGER6).
      const created = entries.find((e) => e.type === 'annotation.created' && e.payload.annotationId === annotation.id);
      expect(created).toMatchObject({ payload: { body: null }, redacted: { target, fields: ['body'], reason: 'Propos injurieux envers une personne.' } });
      const [storedEntry] = await db().select().from(events).where(eq(events.id, created!.id));
      expect(storedEntry?.payload).toMatchObject({ body: 'Propos injurieux.' });
      expect(entries.at(-1)).toMatchObject({
        type: 'moderation.hidden',
        actorId: moderator.id,
        payload: { target, reason: 'Propos injurieux envers une personne.', actionId: hidden.body.id, resolvedReports: 1 },
      });

      const [stored] = await db().select().from(reports).where(eq(reports.id, reported.id));
      expect(stored).toMatchObject({ status: 'upheld', resolvedBy: moderator.id });
      expect((await queue('upheld')).reports.find((r) => r.id === reported.id)).toMatchObject({ targetHidden: true, targetExcerpt: 'Propos injurieux.' });
      expect((await queue()).reports.some((r) => r.target.id === annotation.id)).toBe(false);

      // Hidden: not hidden again, not reported again, not rewritten by its author.
      expectProblem(await moderate(moderator2.client, 'hide', target, 'Encore'), 409, 'invalid_transition');
      expectProblem(await report(reporter2, target, 'spam'), 409, 'invalid_transition');
      expectProblem(await author.request('PATCH', `/bills/${bill.id}/annotations/${annotation.id}`, { body: 'Rien dit' }), 409, 'invalid_transition');
    });

    it('MOD2 a moderator restores hidden content; restoring what is not hidden is invalid_transition', async () => {
      const annotation = await annotate(author, 'Un avis tranché.');
      const target = { type: 'annotation', id: annotation.id };
      expectProblem(await moderate(moderator.client, 'restore', target, 'Rien à rétablir'), 409, 'invalid_transition');
      await moderate(moderator.client, 'hide', target, 'Erreur de modération');
      const restored = await moderate(moderator2.client, 'restore', target, 'Propos admissible après relecture');
      expect(restored.status).toBe(201);
      expect(await thread(annotation.id)).toMatchObject({ body: 'Un avis tranché.', tombstone: null });
      const [row] = await db().select().from(annotations).where(eq(annotations.id, annotation.id));
      expect(row).toMatchObject({ hiddenAt: null, hiddenReason: null, hiddenBy: null });
      expect((await ledgerOf(anonymous, bill.id)).at(-1)).toMatchObject({
        type: 'moderation.restored',
        actorId: moderator2.id,
        payload: { target, reason: 'Propos admissible après relecture' },
      });
    });

    it('MOD2 a moderator dismisses the open reports on a contribution, which stays visible', async () => {
      const annotation = await annotate(author, 'Critique vive mais légitime.');
      const target = { type: 'annotation', id: annotation.id };
      const filed = [(await report(reporter, target, 'offensive')).body, (await report(reporter2, target, 'spam')).body];
      const dismissed = await moderate(moderator.client, 'dismiss', target, 'Critique légitime');
      expect(dismissed.status).toBe(201);
      expect(dismissed.body.action).toBe('dismiss');
      expect(await thread(annotation.id)).toMatchObject({ body: 'Critique vive mais légitime.', tombstone: null });
      const dismissedQueue = await queue('dismissed');
      for (const { id } of filed) expect(dismissedQueue.reports.find((r) => r.id === id)).toMatchObject({ status: 'dismissed', targetReports: 2 });
      expect((await ledgerOf(anonymous, bill.id)).at(-1)).toMatchObject({
        type: 'moderation.dismissed',
        payload: { target, reason: 'Critique légitime', resolvedReports: 2 },
      });
      expectProblem(await moderate(moderator.client, 'dismiss', target, 'Encore'), 409, 'invalid_transition');
    });

    it('MOD2 moderators cannot hide, restore or dismiss their own contributions (own_content)', async () => {
      const own = await annotate(moderator.client, 'Avis personnel du modérateur.');
      const target = { type: 'annotation', id: own.id };
      await report(reporter, target, 'off_topic');
      expectProblem(await moderate(moderator.client, 'hide', target, 'Hors sujet'), 403, 'own_content');
      expectProblem(await moderate(moderator.client, 'dismiss', target, 'Rien à voir'), 403, 'own_content');
      expect((await thread(own.id)).body).toBe('Avis personnel du modérateur.');
      expect((await moderate(moderator2.client, 'hide', target, 'Hors sujet')).status).toBe(201);
      expectProblem(await moderate(moderator.client, 'restore', target, 'Je me rétablis'), 403, 'own_content');

      // An amendment's co-authors count as its authors.
      const amendment = newId();
      await db().insert(amendments).values({ id: amendment, billId: bill.id, origin: 'citizen', status: 'deposited', authorName: 'A', authorId: authorMe.id });
      await db().insert(amendmentAuthors).values({ amendmentId: amendment, userId: moderator.id, status: 'coauthor' });
      expectProblem(await moderate(moderator.client, 'hide', { type: 'amendment', id: amendment }, 'Hors sujet'), 403, 'own_content');
    });

    it('MOD2 arguments, sources and questions are hidden and restored the same way', async () => {
      const byType = {
        argument: () => db().insert(debateArguments).values({ id: newId(), billId: bill.id, targetType: 'article', targetId: articleId, side: 'pour', authorId: authorMe.id, body: 'Argument' }).returning(),
        source: () => db().insert(sources).values({ id: newId(), billId: bill.id, targetType: 'article', targetId: articleId, authorId: authorMe.id, title: 'Source', url: 'https://example.org' }).returning(),
        question: () => db().insert(questions).values({ id: newId(), billId: bill.id, articleId, authorId: authorMe.id, body: 'Question ?' }).returning(),
      };
      for (const [type, insert] of Object.entries(byType)) {
        const [row] = await insert();
        const target = { type, id: row!.id };
        expect((await report(reporter, target, 'spam')).status).toBe(201);
        expect((await moderate(moderator.client, 'hide', target, 'Contenu publicitaire')).status).toBe(201);
        expectProblem(await moderate(moderator.client, 'hide', target, 'Contenu publicitaire'), 409, 'invalid_transition');
        expect((await moderate(moderator.client, 'restore', target, 'Finalement admissible')).status).toBe(201);
      }
    });

    it('MOD3 each bill has a public moderation log, newest first: action, target, reason, moderator, time', async () => {
      const fresh = await createBill(admin);
      const freshArticle = (await latestArticles(anonymous, fresh.id))[0]!.articleId;
      const annotation = await annotate(author, 'À modérer.', fresh.id, freshArticle);
      const target = { type: 'annotation', id: annotation.id };
      const act = (client: ApiClient, action: string, reason: string) => client.post<ModerationAction>(`/bills/${fresh.id}/moderation/${action}`, { target, reason });
      expect((await report(reporter, target, 'spam', undefined, fresh.id)).status).toBe(201);
      const hidden = (await act(moderator.client, 'hide', 'Publicité')).body;
      const restored = (await act(moderator2.client, 'restore', 'Pas de la publicité')).body;

      const log = await anonymous.get<ModerationLog>(`/bills/${fresh.id}/moderation-log`);
      expect(log.status).toBe(200);
      expect(log.body).toMatchObject({ offset: 0, total: 2 });
      expect(log.body.actions).toEqual([restored, hidden]);
      expect(log.body.actions[1]).toMatchObject({ action: 'hide', target, reason: 'Publicité', moderator: { id: moderator.id, kind: 'staff', role: 'moderator' } });
      expect(Date.parse(log.body.actions[1]!.at)).not.toBeNaN();
      const page = (await anonymous.get<ModerationLog>(`/bills/${fresh.id}/moderation-log?offset=1&limit=1`)).body;
      expect(page).toMatchObject({ offset: 1, total: 2, actions: [hidden] });
      expectProblem(await anonymous.get('/bills/no-such-bill/moderation-log'), 404, 'bill_not_found');
      expect((await ledgerOf(anonymous, fresh.id)).map((e) => e.type).slice(-4)).toEqual([
        'annotation.created',
        'report.filed',
        'moderation.hidden',
        'moderation.restored',
      ]);
    });
  });
}
