/**
 * Deliberating in the browser: accounts through the forms, annotating a selection, replying in the thread, and
 * voting with tallies that move live on another reader's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueEmail } from '../helpers/apiFixtures.ts';
import { eventually, JOURNEY_TIMEOUT_MS, LIVE_TIMEOUT_MS, WORLD_TIMEOUT_MS, browserSkipReason, browserTitle, type BrowserWorld, selectWords, startBrowserWorld } from '../helpers/browser.ts';

describe.skipIf(browserSkipReason)(browserTitle('web client: accounts, annotations and votes'), () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(() => world?.close());

  it('AUTH1 AUTH3 sign up, sign out and sign in again through the forms', async () => {
    const { page } = await world.open('/');
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    const email = uniqueEmail('formulaire');
    await page.getByLabel('Nom affiché').fill('Camille Formulaire');
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Connecté·e : Camille Formulaire').waitFor();

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill('wrong password!');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse ou mot de passe incorrect.').waitFor();
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Connecté·e : Camille Formulaire').waitFor();
  }, JOURNEY_TIMEOUT_MS);

  it('ANNOT1 ANNOT2 VOTE1 annotate a selection, reply in its thread, vote, and see it all live elsewhere', async () => {
    const author = await world.open(`/bills/${world.bill.id}`, await world.newCitizen('annotatrice'));
    const other = await world.open(`/bills/${world.bill.id}`, await world.newCitizen('repondant'));

    await selectWords(author.page, '1er', 'publication est gratuite');
    await author.page.getByRole('region', { name: 'Sélection' }).getByRole('button', { name: 'Commenter' }).click();
    await author.page.getByLabel('Votre commentaire').fill('Gratuite pour qui ? Et les réutilisations ?');
    await author.page.getByRole('button', { name: 'Publier le commentaire' }).click();

    // The highlight and the thread, for the author and (live) for another reader.
    for (const page of [author.page, other.page]) {
      await eventually(() => page.locator('article#article-1er mark').allInnerTexts()).toEqual(['publication est gratuite']);
      await page.locator('.thread', { hasText: 'Gratuite pour qui ?' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    }
    const thread = other.page.locator('.thread', { hasText: 'Gratuite pour qui ?' });
    await thread.getByLabel('Répondre').fill('Pour tout le monde, y compris les entreprises.');
    await thread.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await author.page.locator('.thread .reply', { hasText: 'y compris les entreprises' }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    // Votes: the voter's own tally at once, the other reader's through the live stream (at most a second later).
    const votes = (page: typeof author.page) => page.getByRole('group', { name: 'Votre avis sur l’article 1er' });
    await votes(author.page).getByRole('button', { name: /D’accord/ }).click();
    await eventually(() => votes(author.page).getByRole('button', { name: /D’accord/ }).getAttribute('aria-pressed')).toBe('true');
    await eventually(() => votes(other.page).locator('.vote-agree .vote-count').innerText()).toBe('1');
    await votes(other.page).getByRole('button', { name: /Mitigé/ }).click();
    await eventually(() => votes(author.page).locator('.vote-mixed .vote-count').innerText()).toBe('1');
    // Coming back to the page, each reader sees their own vote pressed (read with the tallies) and only theirs.
    await other.page.reload();
    await eventually(() => votes(other.page).getByRole('button', { name: /Mitigé/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await votes(other.page).getByRole('button', { name: /D’accord/ }).getAttribute('aria-pressed')).toBe('false');

    // The activity feed lists what happened.
    await author.page.getByRole('link', { name: 'Activité' }).click();
    await author.page.locator('.feed-item', { hasText: 'Nouveau commentaire' }).waitFor();
    await author.page.locator('.feed-item', { hasText: 'Nouvelle réponse à un commentaire' }).waitFor();
  }, JOURNEY_TIMEOUT_MS);
});
