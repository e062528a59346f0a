/**
 * The moderation journey in the browser: a reader reports a comment, a moderator hides it from the moderation desk
 * with a public reason, every reader then sees the tombstone with that reason, and the public log says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../shared/api/users.ts';
import { PASSWORD } from '../helpers/apiFixtures.ts';
import { eventually, JOURNEY_TIMEOUT_MS, WORLD_TIMEOUT_MS, browserSkipReason, browserTitle, type BrowserWorld, seriousViolations, startBrowserWorld } from '../helpers/browser.ts';
import { latestArticles, makeModerator, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { ApiClient } from '../helpers/testServer.ts';

describe.skipIf(browserSkipReason)(browserTitle('web client: reports and the moderation desk'), () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(() => world?.close());

  it('MOD1 MOD2 MOD3 a reader reports a comment, a moderator hides it with a reason, readers see the tombstone and the log', async () => {
    const billPath = `/bills/${world.bill.id}`;
    // The comment, written through the API (annotating in the browser has its own journey).
    const authorEmail = await world.newCitizen('auteur');
    const author = new ApiClient(world.server.url);
    expect((await author.post('/auth/login', { email: authorEmail, password: PASSWORD })).status).toBe(200);
    const [article] = await latestArticles(author, world.bill.id);
    const created = await author.post<{ id: string }>(`/bills/${world.bill.id}/annotations`, {
      anchor: quoteAnchor(article!.articleId, 'ses algorithmes'),
      body: 'Un commentaire qui ne respecte pas la charte.',
    });
    expect(created.status).toBe(201);

    // A reader reports it.
    const reporter = await world.open(billPath, await world.newCitizen('signaleur'));
    const thread = reporter.page.locator(`[data-thread-id="${created.body.id}"]`);
    await thread.getByText('Un commentaire qui ne respecte pas la charte.').waitFor();
    await thread.getByRole('button', { name: 'Signaler' }).click();
    await thread.getByLabel('Motif du signalement').selectOption('offensive');
    await thread.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await thread.getByText('Signalé aux modérateurs.').waitFor();

    // The moderator sees it in the desk's queue and hides it with a public reason.
    const moderator = await makeModerator(world.server.url, world.admin);
    const moderatorEmail = (await moderator.client.get<Me>('/me')).body.email;
    const desk = await world.open(`${billPath}/moderation`, moderatorEmail);
    const report = desk.page.locator('.report-item', { hasText: 'Un commentaire qui ne respecte pas la charte.' });
    await report.getByText('Propos injurieux').waitFor();
    expect(await seriousViolations(desk.page)).toEqual([]);
    await report.getByLabel('Motif public').fill('Propos contraires à la charte');
    await report.getByRole('button', { name: 'Masquer' }).click();
    await desk.page.getByText('Aucun signalement en attente.').waitFor();
    await desk.page.locator('.moderation-log li', { hasText: 'Propos contraires à la charte' }).waitFor();

    // The reader's page shows the tombstone live, with the reason, and the text is gone.
    await eventually(() => thread.locator('.tombstone').first().innerText()).toContain('Propos contraires à la charte');
    expect(await thread.getByText('Un commentaire qui ne respecte pas la charte.').count()).toBe(0);

    // Anyone reads the public log; only moderators get the queue.
    const anonymous = await world.open(`${billPath}/moderation`);
    await anonymous.page.locator('.moderation-log li', { hasText: 'Propos contraires à la charte' }).waitFor();
    expect(await anonymous.page.getByRole('heading', { name: 'Signalements à traiter' }).count()).toBe(0);
  }, JOURNEY_TIMEOUT_MS);
});
