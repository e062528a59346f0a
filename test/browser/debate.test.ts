/**
 * The debate under an article in the browser: arguments pour / contre with their +1 (live on another reader's page),
 * a source, a question answered by the rapporteur.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionList } from '../../shared/api/questions.ts';
import { PASSWORD } from '../helpers/apiFixtures.ts';
import { eventually, JOURNEY_TIMEOUT_MS, WORLD_TIMEOUT_MS, browserSkipReason, browserTitle, type BrowserWorld, seriousViolations, startBrowserWorld } from '../helpers/browser.ts';
import { ApiClient } from '../helpers/testServer.ts';

describe.skipIf(browserSkipReason)(browserTitle('web client: arguments, sources and questions'), () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(() => world?.close());

  it('VOTE1 VOTE2 RESP1 argue pour and contre, +1 an argument live, add a source, ask a question and read its answer', async () => {
    const billPath = `/bills/${world.bill.id}`;
    const arguer = await world.open(billPath, await world.newCitizen('argumente'));
    const reader = await world.open(billPath, await world.newCitizen('lecteur'));
    const debateOf = (page: typeof arguer.page) => page.locator('article#article-1er details.debate');
    for (const page of [arguer.page, reader.page]) await debateOf(page).locator('summary').click();

    // An argument pour, seen live by the other reader, who gives it a +1 that the author sees counted.
    const arguerDebate = debateOf(arguer.page);
    await arguerDebate.getByLabel('Un argument pour').fill('La publication renforce la confiance des usagers.');
    await arguerDebate.getByRole('button', { name: 'Ajouter l’argument' }).first().click();
    const readerArgument = debateOf(reader.page).locator('.debate-item', { hasText: 'La publication renforce la confiance des usagers.' });
    await readerArgument.waitFor();
    await readerArgument.getByRole('button', { name: /\+1/ }).click();
    await eventually(() => readerArgument.getByRole('button', { name: /\+1/ }).getAttribute('aria-pressed')).toBe('true');
    const arguerArgument = arguerDebate.locator('.debate-item', { hasText: 'La publication renforce la confiance des usagers.' });
    await eventually(() => arguerArgument.locator('.vote-count').innerText()).toBe('1');
    // An argument contre lands on its side.
    await arguerDebate.getByLabel('Un argument contre').fill('Le coût pour les petites communes est élevé.');
    await arguerDebate.getByRole('button', { name: 'Ajouter l’argument' }).nth(1).click();
    await debateOf(reader.page).getByRole('region', { name: 'Contre' }).getByText('Le coût pour les petites communes est élevé.').waitFor();

    // A source, as a link.
    await arguerDebate.getByLabel('Titre de la source').fill('Rapport sur les algorithmes publics');
    await arguerDebate.getByLabel('Lien (http ou https)').fill('https://example.org/rapport');
    await arguerDebate.getByRole('button', { name: 'Ajouter la source' }).click();
    await eventually(() => debateOf(reader.page).getByRole('link', { name: 'Rapport sur les algorithmes publics' }).getAttribute('href')).toBe('https://example.org/rapport');

    // A question, answered by the rapporteur; the answer shows on the reader's page.
    await arguerDebate.getByLabel('Votre question sur l’article 1er').fill('Quels algorithmes sont concernés ?');
    await arguerDebate.getByRole('button', { name: 'Poser la question' }).click();
    await debateOf(reader.page).getByText('Quels algorithmes sont concernés ?').waitFor();
    const rapporteur = new ApiClient(world.server.url);
    expect((await rapporteur.post('/auth/login', { email: world.rapporteur.email, password: PASSWORD })).status).toBe(200);
    const [question] = (await rapporteur.get<QuestionList>(`/bills/${world.bill.id}/questions`)).body.questions;
    expect((await rapporteur.put(`/bills/${world.bill.id}/questions/${question!.id}/response`, { body: 'Ceux qui fondent une décision individuelle.' })).status).toBe(200);
    await debateOf(reader.page).getByText('Ceux qui fondent une décision individuelle.').waitFor();
    expect(await seriousViolations(reader.page)).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);
});
