/**
 * Accessibility: axe-core (its own source injected into the page) finds no serious or critical violation on the
 * bills list, a bill's page and the amendment form; the interface switches to English with the `lang` attribute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_TIMEOUT_MS, WORLD_TIMEOUT_MS, browserSkipReason, browserTitle, type BrowserWorld, horizontalOverflow, selectWords, seriousViolations, startBrowserWorld } from '../helpers/browser.ts';

describe.skipIf(browserSkipReason)(browserTitle('web client: accessibility'), () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(() => world?.close());

  it('axe finds no serious or critical violation on the bills list, a bill page and the amendment form', async () => {
    const { page } = await world.open('/', await world.newCitizen());
    await page.locator('.bill-card').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/bills/${world.bill.id}`);
    await page.locator('article#article-1er ol.alineas').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await selectWords(page, '1er', 'algorithmes de décision');
    await page.getByRole('button', { name: 'Proposer un amendement' }).click();
    await page.getByLabel('Nouvelle rédaction').fill('traitements algorithmiques');
    await page.locator('figure.diff ins').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);

  it('the language switch sets the interface and the lang attribute; a phone-width page keeps everything reachable', async () => {
    const { page } = await world.open(`/bills/${world.bill.id}`, undefined, { width: 375, height: 740 });
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: 'Live text' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);
});
