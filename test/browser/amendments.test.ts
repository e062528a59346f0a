/**
 * Amending inline in the browser: a citizen selects words, proposes a replacement with its live word diff, saves
 * the draft and deposits it; the rapporteur adopts it from the desk; every reader's text changes and the amendment
 * reads as adopted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, JOURNEY_TIMEOUT_MS, LIVE_TIMEOUT_MS, WORLD_TIMEOUT_MS, browserSkipReason, browserTitle, type BrowserWorld, selectWords, startBrowserWorld } from '../helpers/browser.ts';

describe.skipIf(browserSkipReason)(browserTitle('web client: amendments'), () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(() => world?.close());

  it('AMEND2 AMEND3 AMEND5 select → propose with a live diff → deposit → the rapporteur adopts → the text changes for every reader', async () => {
    const reader = await world.open(`/bills/${world.bill.id}`);
    const citizen = await world.open(`/bills/${world.bill.id}`, await world.newCitizen());
    const { page } = citizen;

    await selectWords(page, '1er', 'ses algorithmes');
    await page.getByRole('region', { name: 'Sélection' }).getByRole('button', { name: 'Proposer un amendement' }).click();
    const form = page.locator('form.composer');
    await eventually(() => form.locator('blockquote').innerText()).toBe('« ses algorithmes »');
    await form.getByLabel('Nouvelle rédaction').fill('le code source de ses algorithmes');

    // The live preview is the word diff of the whole article, computed in the browser.
    const preview = form.locator('figure.diff');
    // What a screen reader reads (textContent, the visually hidden words included).
    await eventually(() => preview.locator('ins').textContent()).toBe('inséré : « le code source de  »');
    expect(await preview.locator('del').count()).toBe(0);
    await form.getByLabel('Exposé sommaire').fill('Publier la liste ne suffit pas.');
    await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

    // The draft comes back with the server's diff; depositing gives it its number.
    const composer = page.locator('section.composer');
    await composer.getByRole('heading', { name: 'Brouillon enregistré', exact: true }).waitFor();
    await eventually(() => composer.locator('ins').first().innerText()).toContain('le code source de');
    await composer.getByRole('button', { name: 'Déposer l’amendement' }).click();
    await eventually(() => composer.locator('#amend-title').innerText()).toBe('Amendement n° 1 déposé');

    // Proposing another change to overlapping words shows the collision while typing.
    await page.getByRole('button', { name: 'Fermer' }).click();
    await selectWords(page, '1er', 'algorithmes de décision');
    await page.getByRole('region', { name: 'Sélection' }).getByRole('button', { name: 'Proposer un amendement' }).click();
    await page.getByLabel('Nouvelle rédaction').fill('traitements algorithmiques');
    await eventually(() => page.locator('form.composer .collisions').innerText()).toContain('Amendement n° 1');
    await page.locator('form.composer').getByRole('button', { name: 'Annuler' }).click();

    // The rapporteur's desk lists it (live) and adopts it.
    const desk = await world.open(`/bills/${world.bill.id}/desk`, world.rapporteur.email);
    const queued = desk.page.locator('article.amendment', { hasText: 'Amendement n° 1' });
    await queued.waitFor({ timeout: LIVE_TIMEOUT_MS });
    expect(await queued.locator('del, ins').allTextContents()).toEqual(['inséré : « le code source de  »']);
    await queued.getByRole('button', { name: 'Adopter' }).click();

    // Every reader's live text now says it, and the amendment reads as adopted, live, on the citizen's page.
    const expected = 'Toute administration publie le code source de ses algorithmes de décision.';
    await eventually(() => reader.page.locator('article#article-1er ol.alineas li').first().innerText()).toBe(expected);
    await eventually(() => page.locator('article#article-1er ol.alineas li').first().innerText()).toBe(expected);
    await page.getByRole('link', { name: /^Amendements/ }).click();
    const card = page.locator('article.amendment', { hasText: 'Amendement n° 1' });
    await eventually(() => card.locator('.badge.status').innerText()).toBe('adopté');
  }, JOURNEY_TIMEOUT_MS);
});
