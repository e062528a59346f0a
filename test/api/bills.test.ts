import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill, BillSummary, Version, VersionSummary } from '../../shared/api/bills.ts';
import { ADMIN_ENV, adminClient, billBody, createBill, expectProblem, type LedgerPage, signUp } from '../helpers/apiFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

type BillList = { bills: BillSummary[]; total: number };

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`bills API on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let anonymous: ApiClient;
    const total = async () => (await anonymous.get<BillList>('/bills?limit=1')).body.total;

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
      anonymous = new ApiClient(server.url);
    });
    afterAll(() => server?.stop());

    it('BILL4 an admin creates a bill whose first step is the dépôt, with the submitted text as its version', async () => {
      const body = billBody({ title: 'Projet de loi pour une République numérique', sourceRef: 'pjl-bill4-create' });
      const created = await admin.post<Bill>('/bills', body);
      expect(created.status).toBe(201);
      const bill = created.body;
      expect(bill).toMatchObject({
        title: body.title,
        shortTitle: body.shortTitle,
        sourceRef: 'pjl-bill4-create',
        proposalType: 'PJL',
        beginning: '2026-01-15',
        versionCount: 1,
        rapporteurs: [],
        lastStep: { stage: '1ère lecture', institution: 'assemblee', kind: 'depot', date: '2026-01-15' },
      });
      expect(bill.steps).toHaveLength(1);
      const [step] = bill.steps;
      expect(step).toMatchObject({ position: 0, stage: '1ère lecture', institution: 'assemblee', kind: 'depot', date: '2026-01-15' });
      expect(step?.versionId).toEqual(expect.any(String));

      expect((await anonymous.get<Bill>(`/bills/${bill.id}`)).body).toEqual(bill);
      const versions = await anonymous.get<{ versions: VersionSummary[] }>(`/bills/${bill.id}/versions`);
      expect(versions.body.versions.map((v) => ({ id: v.id, articleCount: v.articleCount }))).toEqual([
        { id: step?.versionId, articleCount: 2 },
      ]);
      const version = await anonymous.get<Version>(`/bills/${bill.id}/versions/${step?.versionId}`);
      expect(version.status).toBe(200);
      expect(version.body).toMatchObject({ title: body.title, expose: 'Exposé des motifs.', sourceUrl: 'https://example.org/depot.html' });
      expect(version.body.sections).toEqual([{ key: 'T1', title: 'Titre Ier', type: 'titre', newKey: null }]);
      expect(version.body.articles.map(({ number, sectionKey, status, alineas }) => ({ number, sectionKey, status, alineas }))).toEqual(
        body.depot.articles,
      );
    });

    it('BILL4 only an admin creates bills: anonymous 401, citizen 403, nothing created', async () => {
      const before = await total();
      expectProblem(await anonymous.post('/bills', billBody()), 401, 'authentication_required');
      const { client: citizen } = await signUp(server.url);
      expectProblem(await citizen.post('/bills', billBody()), 403, 'forbidden');
      expect(await total()).toBe(before);
    });

    it('BILL4 duplicate article numbers are a 400 on depot.articles, and nothing is created', async () => {
      const before = await total();
      const body = billBody();
      const response = await admin.post('/bills', {
        ...body,
        depot: { ...body.depot, articles: [...body.depot.articles, { number: '2', alineas: ['Encore un article 2.'] }] },
      });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.path)).toEqual(['depot.articles']);
      expect(problem.errors?.[0]?.message).toContain('2 appears twice');
      expect(await total()).toBe(before);
    });

    it('BILL4 an already used source reference is 409 source_ref_taken, and nothing is created', async () => {
      await createBill(admin, { sourceRef: 'pjl-bill4-taken' });
      const before = await total();
      const response = await admin.post('/bills', billBody({ title: 'Une autre loi', sourceRef: 'pjl-bill4-taken' }));
      expectProblem(response, 409, 'source_ref_taken');
      expect(await total()).toBe(before);
      const search = await anonymous.get<BillList>('/bills?q=pjl-bill4-taken');
      expect(search.body.bills.map((b) => b.title)).toEqual([billBody().title]);
    });

    it('BILL4 two admins creating bills with the same new source reference at once: one 201, one 409', async () => {
      const bodies = [1, 2, 3].map((n) => billBody({ title: `Course ${n}`, sourceRef: 'pjl-bill4-race' }));
      const responses = await Promise.all(bodies.map((body) => admin.post('/bills', body)));
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const search = await anonymous.get<BillList>('/bills?q=pjl-bill4-race');
      expect(search.body.bills).toHaveLength(1);
    });

    it('BILL1 lists bills newest first, filters with q on titles and source reference, and pages', async () => {
      const marker = `zq${Date.now().toString(36)}`;
      const first = await createBill(admin, { title: `Loi ${marker} première`, shortTitle: 'Première' });
      const second = await createBill(admin, { title: 'Loi deuxième', shortTitle: `Courte ${marker.toUpperCase()}` });
      const third = await createBill(admin, { title: 'Loi troisième', shortTitle: 'Troisième', sourceRef: `ref-${marker}` });

      const all = await anonymous.get<BillList>('/bills');
      expect(all.status).toBe(200);
      expect(all.body.bills.slice(0, 3).map((b) => b.id)).toEqual([third.id, second.id, first.id]);
      expect(all.body.total).toBe(all.body.bills.length);
      const updated = all.body.bills.map((b) => b.updatedAt);
      expect(updated).toEqual([...updated].sort().reverse());
      expect(all.body.bills[0]).toMatchObject({
        sourceRef: `ref-${marker}`,
        versionCount: 1,
        lastStep: { stage: '1ère lecture', institution: 'assemblee', kind: 'depot', date: '2026-01-15' },
      });

      const found = await anonymous.get<BillList>(`/bills?q=${marker.toUpperCase()}`);
      expect(found.body.bills.map((b) => b.id)).toEqual([third.id, second.id, first.id]);
      expect(found.body.total).toBe(3);
      expect((await anonymous.get<BillList>(`/bills?q=ref-${marker}`)).body.bills.map((b) => b.id)).toEqual([third.id]);
      expect(await anonymous.get<BillList>('/bills?q=zzz-nothing-matches')).toMatchObject({ status: 200, body: { bills: [], total: 0 } });
      // `%` and `_` are searched literally.
      expect((await anonymous.get<BillList>('/bills?q=%25')).body.total).toBe(0);

      const page = await anonymous.get<BillList>(`/bills?q=${marker}&limit=2&offset=1`);
      expect(page.body).toMatchObject({ total: 3 });
      expect(page.body.bills.map((b) => b.id)).toEqual([second.id, first.id]);
      const last = await anonymous.get<BillList>(`/bills?q=${marker}&limit=2&offset=2`);
      expect(last.body.bills.map((b) => b.id)).toEqual([first.id]);
      expectProblem(await anonymous.get('/bills?limit=0'), 400, 'validation_failed');
      expectProblem(await anonymous.get('/bills?limit=101'), 400, 'validation_failed');
    });

    it('BILL5 an unknown bill or version is a 404 bill_not_found / version_not_found', async () => {
      const bill = await createBill(admin);
      expectProblem(await anonymous.get('/bills/no-such-bill'), 404, 'bill_not_found');
      expectProblem(await anonymous.get('/bills/no-such-bill/versions'), 404, 'bill_not_found');
      expectProblem(await anonymous.get('/bills/no-such-bill/versions/no-such-version'), 404, 'bill_not_found');
      expectProblem(await anonymous.get(`/bills/${bill.id}/versions/no-such-version`), 404, 'version_not_found');
      // A version of another bill is not a version of this one.
      const other = await createBill(admin);
      const otherVersion = other.steps[0]?.versionId as string;
      expectProblem(await anonymous.get(`/bills/${bill.id}/versions/${otherVersion}`), 404, 'version_not_found');
      expectProblem(await anonymous.get<LedgerPage>('/bills/no-such-bill/events'), 404, 'bill_not_found');
    });
  });
}
