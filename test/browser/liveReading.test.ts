/**
 * Live reading in the browser: a rapporteur edits the official text in the desk (CodeMirror bound to the article's
 * Y.Text) while a citizen reads it; the reader sees each change, the readers' count and who is editing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, JOURNEY_TIMEOUT_MS, LIVE_TIMEOUT_MS, WORLD_TIMEOUT_MS, browserSkipReason, browserTitle, type BrowserWorld, startBrowserWorld } from '../helpers/browser.ts';

describe.skipIf(browserSkipReason)(browserTitle('web client: live reading'), () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(() => world?.close());

  it('COLLAB10 a rapporteur types in the desk and a citizen reading the bill sees the text change live, with presence', async () => {
    const reader = await world.open(`/bills/${world.bill.id}/articles/1er`);
    const article = reader.page.locator('article#article-1er');
    await eventually(() => article.locator('ol.alineas li').first().innerText()).toBe('Toute administration publie ses algorithmes de décision.');

    const desk = await world.open(`/bills/${world.bill.id}/desk`, world.rapporteur.email);
    await desk.page.getByText('Vous rédigez le texte officiel').waitFor();
    const editor = desk.page.getByRole('textbox', { name: 'Texte de l’article 1er (une ligne par alinéa)' });
    await editor.click();
    await desk.page.keyboard.press('Control+Home');
    await desk.page.keyboard.press('End');
    await desk.page.keyboard.type(' Elle les explique.');

    await eventually(() => article.locator('ol.alineas li').first().innerText())
      .toBe('Toute administration publie ses algorithmes de décision. Elle les explique.');
    // Alinéas stay numbered and separate: only the first one changed.
    expect(await article.locator('ol.alineas li').nth(1).innerText()).toBe('Cette publication est gratuite.');

    // A new alinéa typed in the desk (Enter = new line) appears as alinéa 3 for the reader.
    await desk.page.keyboard.press('Control+End');
    await desk.page.keyboard.press('Enter');
    await desk.page.keyboard.type('Elle est mise à jour chaque année.');
    await eventually(() => article.locator('ol.alineas li').count()).toBe(3);

    // Publishing the live text as a new step's version: the reader's timeline shows the step (live) and its text.
    await desk.page.getByLabel('Étape', { exact: true }).selectOption('commission');
    await desk.page.getByLabel('Intitulé de la version').fill('Texte adopté par la commission');
    await desk.page.getByRole('button', { name: 'Publier la version' }).click();
    await desk.page.getByRole('status').getByText('Version publiée').waitFor();
    const step = reader.page.getByRole('link', { name: '1ère lecture · Assemblée nationale · Commission' });
    await step.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await step.click();
    await eventually(() => reader.page.locator('.version-reader article#article-1er ol.alineas li').count()).toBe(3);
    await reader.page.getByRole('link', { name: 'Revenir au texte en direct' }).click();

    // Presence: readers are counted by the server, the rapporteur is listed by name.
    await eventually(() => reader.page.locator('.presence').innerText()).toMatch(/lecteurs? en ce moment/);
    await eventually(() => reader.page.locator('.presence .writer').allInnerTexts()).toEqual([expect.stringContaining('User depute')]);
  }, JOURNEY_TIMEOUT_MS);

  it('COLLAB11 a citizen is a reader only: no desk tab, and the desk says so', async () => {
    const citizen = await world.open(`/bills/${world.bill.id}/desk`, await world.newCitizen());
    await citizen.page.getByText('Seul·es les rapporteur·es de ce texte peuvent le rédiger.').waitFor();
    expect(await citizen.page.getByRole('link', { name: 'Bureau du rapporteur' }).count()).toBe(0);
    expect(await citizen.page.locator('.cm-content').count()).toBe(0);
  }, JOURNEY_TIMEOUT_MS);
});
