import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Source, SourceList } from '../../shared/api/sources.ts';
import { sources } from '../../server/storage/schema.ts';
import { expectProblem, signUp } from '../helpers/apiFixtures.ts';
import {
  createBillWithArticles,
  depositedAmendment,
  draftAmendment,
  entriesOfType,
  ledgerOf,
  oldestOrder,
  readAllPages,
  recentOrder,
  signUpOrganisation,
} from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';
import type { ApiClient } from '../helpers/testServer.ts';

describeDeliberation('sources', { bill: true }, (suite) => {
  const offer = (client: ApiClient, billId: string, input: Record<string, unknown>) => client.post<Source>(`/bills/${billId}/sources`, input);

  it('VOTE2 a source (title, http(s) link, description) on an article is public, linkable and in the ledger', async () => {
    const { server, anonymous, world } = suite;
    const { client, me } = await signUp(server.url);
    const article = world.articleIds[0]!;
    const input = {
      target: { type: 'article', id: article },
      title: ' Rapport de la CNIL ',
      url: 'https://www.cnil.fr/fr/rapport-2025',
      description: 'Chapitre 3, sur les algorithmes publics.',
    };
    const created = await offer(client, world.bill.id, input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      target: { type: 'article', id: article },
      author: { id: me.id, kind: 'citizen' },
      title: 'Rapport de la CNIL',
      url: input.url,
      description: input.description,
      tombstone: null,
    });
    expect((await anonymous.get<Source>(`/bills/${world.bill.id}/sources/${created.body.id}`)).body).toEqual(created.body);
    const [entry] = (await entriesOfType(anonymous, world.bill.id, 'source.added')).filter((e) => e.actorId === me.id);
    expect(entry?.payload).toEqual({
      sourceId: created.body.id,
      target: { type: 'article', id: article },
      title: 'Rapport de la CNIL',
      url: input.url,
      description: input.description,
    });

    // The description is optional; plain http is a link too.
    const bare = await offer(client, world.bill.id, { target: { type: 'article', id: article }, title: 'Journal officiel', url: 'http://example.org/jo' });
    expect(bare.body).toMatchObject({ description: '', url: 'http://example.org/jo' });
    expectProblem(await anonymous.get(`/bills/${world.bill.id}/sources/no-such-source`), 404, 'source_not_found');
  });

  it('CONTRIB1 anonymous sources get 401 before the body is read; non-http links and bad input 400; unknown targets 404', async () => {
    const { server, anonymous, world } = suite;
    const valid = { target: { type: 'article', id: world.articleIds[0] }, title: 'Titre', url: 'https://example.org/' };
    const before = (await ledgerOf(anonymous, world.bill.id)).length;
    expectProblem(await offer(anonymous, world.bill.id, valid), 401, 'authentication_required');
    expectProblem(await anonymous.request('POST', `/bills/${world.bill.id}/sources`, '{"url'), 401, 'authentication_required');

    const { client } = await signUp(server.url);
    for (const bad of [
      { ...valid, url: 'javascript:alert(1)' },
      { ...valid, url: 'ftp://example.org/file' },
      { ...valid, url: 'data:text/html,<script>alert(1)</script>' },
      { ...valid, url: 'not a url' },
      { ...valid, url: `https://example.org/${'a'.repeat(2000)}` },
      { ...valid, title: '' },
      { ...valid, title: 't'.repeat(201) },
      { ...valid, description: 'd'.repeat(2001) },
      { ...valid, target: { type: 'argument', id: 'x' } },
    ]) {
      expectProblem(await offer(client, world.bill.id, bad), 400, 'validation_failed');
    }
    expectProblem(await offer(client, world.bill.id, { ...valid, target: { type: 'article', id: 'nope' } }), 404, 'article_not_found');
    expectProblem(await offer(client, world.bill.id, { ...valid, target: { type: 'amendment', id: 'nope' } }), 404, 'amendment_not_found');
    expectProblem(await offer(client, 'no-such-bill', valid), 404, 'bill_not_found');
    expect((await ledgerOf(anonymous, world.bill.id)).length).toBe(before);
  });

  it('CONTRIB2 a source shows its author’s badge: an organisation with its register number', async () => {
    const { server, world } = suite;
    const { client, me } = await signUpOrganisation(server.url, 'H555000111');
    const created = await offer(client, world.bill.id, { target: { type: 'article', id: world.articleIds[1] }, title: 'Étude', url: 'https://example.org/etude' });
    expect(created.body.author).toEqual({ id: me.id, displayName: me.displayName, kind: 'organisation', role: 'organisation', organisationRegister: 'H555000111' });
  });

  it('MOD2 a hidden source withholds its title, link and description and shows the reason', async () => {
    const { server, anonymous, world } = suite;
    const { client } = await signUp(server.url);
    const created = (await offer(client, world.bill.id, { target: { type: 'article', id: world.articleIds[1] }, title: 'Pub', url: 'https://spam.example/' })).body;
    await server.app.storage.db.update(sources).set({ hiddenAt: new Date(), hiddenReason: 'Publicité' }).where(eq(sources.id, created.id));
    const read = (await anonymous.get<Source>(`/bills/${world.bill.id}/sources/${created.id}`)).body;
    expect(read).toMatchObject({ title: null, url: null, description: null, tombstone: { reason: 'Publicité' } });
  });

  it('CONTRIB3 source listings: seeded random order stable per seed, recent and oldest; filtered by target', async () => {
    const { server, admin, anonymous } = suite;
    const { bill, articleIds } = await createBillWithArticles(admin);
    const [first, second] = articleIds as [string, string];
    const { client } = await signUp(server.url);
    const created: Source[] = [];
    for (let i = 0; i < 10; i += 1) {
      const input = { target: { type: 'article', id: i < 7 ? first : second }, title: `Source ${i}`, url: `https://example.org/${i}` };
      created.push((await offer(client, bill.id, input)).body);
    }
    const base = `/bills/${bill.id}/sources`;
    const seeded = await readAllPages(anonymous, `${base}?seed=s1`, 'sources', 4);
    expect(seeded.seeds).toEqual(['s1', 's1', 's1']);
    expect((await readAllPages(anonymous, `${base}?seed=s1`, 'sources', 10)).ids).toEqual(seeded.ids);
    expect((await readAllPages(anonymous, `${base}?seed=s2`, 'sources', 10)).ids).not.toEqual(seeded.ids);
    expect([...seeded.ids].sort()).toEqual(created.map((s) => s.id).sort());

    expect((await anonymous.get<SourceList>(`${base}?sort=recent`)).body.sources.map((s) => s.id)).toEqual(recentOrder(created));
    expect((await anonymous.get<SourceList>(`${base}?sort=oldest`)).body.sources.map((s) => s.id)).toEqual(oldestOrder(created));
    // Sources have no votes: popular falls back to the most recent.
    expect((await anonymous.get<SourceList>(`${base}?sort=popular`)).body.sources.map((s) => s.id)).toEqual(recentOrder(created));

    const onSecond = (await anonymous.get<SourceList>(`${base}?targetType=article&targetId=${second}&sort=oldest`)).body;
    expect(onSecond).toMatchObject({ total: 3, sort: 'oldest', seed: null });
    expect(onSecond.sources.map((s) => s.title)).toEqual(['Source 7', 'Source 8', 'Source 9']);
    expectProblem(await anonymous.get('/bills/no-such-bill/sources'), 404, 'bill_not_found');
  });

  it('VOTE2 sources on a deposited amendment; a draft is no target yet', async () => {
    const { server, anonymous, world } = suite;
    const { client: author } = await signUp(server.url);
    const draft = await draftAmendment(author, world.bill.id, world.articleIds[0]!);
    const input = { title: 'Étude d’impact', url: 'https://example.org/impact' };
    expectProblem(await offer(author, world.bill.id, { ...input, target: { type: 'amendment', id: draft.id } }), 404, 'amendment_not_found');
    const deposited = await depositedAmendment(author, world.bill.id, world.articleIds[0]!);
    const created = await offer(author, world.bill.id, { ...input, target: { type: 'amendment', id: deposited.id } });
    expect(created.status).toBe(201);
    const listed = (await anonymous.get<SourceList>(`/bills/${world.bill.id}/sources?targetType=amendment&targetId=${deposited.id}`)).body;
    expect(listed.sources.map((s) => s.id)).toEqual([created.body.id]);
  });
});
