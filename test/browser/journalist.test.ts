/**
 * The journalist views in the browser, on a real bill (pjl15-034) imported through the API: the article × step grid
 * (rows, columns, shaded cells with their text alternative, arrow keys, a deep link into the version, axe, a phone),
 * a diff between two versions (inline and side by side), the blame of a version, the charts with their data tables,
 * the export links and the live activity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline } from '../../shared/api/timeline.ts';
import type { ArticleGrid } from '../../shared/api/history.ts';
import type { VersionSummary } from '../../shared/api/bills.ts';
import {
  browserSkipReason,
  browserTitle,
  type BrowserWorld,
  eventually,
  horizontalOverflow,
  JOURNEY_TIMEOUT_MS,
  seriousViolations,
  startBrowserWorld,
  WORLD_TIMEOUT_MS,
} from '../helpers/browser.ts';
import { importOk } from '../helpers/importServer.ts';
import { missingBillReason, type RawArticlesEtapes, readBillBundle, readBillFile } from '../helpers/lafabriqueFiles.ts';

const BILL = 'pjl15-034';
const dataMissing = missingBillReason(BILL);
if (dataMissing) console.warn(dataMissing);

describe.skipIf(browserSkipReason ?? dataMissing)(browserTitle(`web client: journalist views of ${BILL}${dataMissing ? ` (${dataMissing})` : ''}`), () => {
  let world: BrowserWorld;
  let billId: string;
  let versions: VersionSummary[];
  const evolution = (view = '') => `/bills/${billId}/evolution${view}`;

  beforeAll(async () => {
    world = await startBrowserWorld();
    ({ billId } = await importOk(world.admin, { files: await readBillBundle(BILL) }, 201));
    versions = (await world.admin.get<{ versions: VersionSummary[] }>(`/bills/${billId}/versions`)).body.versions;
  }, WORLD_TIMEOUT_MS);
  afterAll(() => world?.close());

  it('HIST8 the grid has a row per article and a column per step of La Fabrique, shaded cells named in words, arrow keys and deep links', async () => {
    const grid = (await world.admin.get<ArticleGrid>(`/bills/${billId}/articles/grid`)).body;
    const etapes = readBillFile<RawArticlesEtapes>(BILL, 'viz/articles_etapes.json');
    // La Fabrique marks a failed step with a pseudo-article `echec`; the grid draws it as a failed column instead.
    const lafabriqueArticles = Object.values(etapes.articles).filter((article) => article.id !== 'echec');
    const lafabriqueSteps = new Set(Object.values(etapes.articles).flatMap((article) => article.steps.map((step) => step.id_step)));
    expect(grid.articles).toHaveLength(lafabriqueArticles.length);
    expect(grid.steps).toHaveLength(lafabriqueSteps.size);

    // From the bill page, through its tab: the views' code loads then, and focus goes to their heading.
    const { page } = await world.open(`/bills/${billId}`);
    await page.getByRole('link', { name: 'Évolution' }).click();
    const table = page.getByRole('grid', { name: /^Articles × étapes/ });
    await table.locator('tbody tr').first().waitFor();
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Évolution du texte');
    expect(await table.locator('tbody tr').count()).toBe(grid.articles.length);
    expect(await table.locator('thead tr').nth(1).locator('th').count()).toBe(grid.steps.length);
    expect(await table.locator('tbody th > [aria-hidden="true"]').allInnerTexts()).toEqual(grid.articles.map((article) => `Art. ${article.number}`));

    // Article 1er lost 83 % of its text in the Assemblée's commission: the darkest shade, and said in words.
    // French writes a narrow no-break space before %.
    const cell = table.getByRole('link', { name: /^Article 1er, 1ère lecture · Assemblée nationale · Commission : modifié à 83\s%$/ });
    expect(await cell.innerText()).toMatch(/^83\s%$/);
    expect(await cell.locator('xpath=..').getAttribute('class')).toContain('shade-4');
    const cellKey = await cell.getAttribute('data-cell');
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('[data-cell="${cellKey}"]').parentElement).backgroundColor`)).toBe('rgb(18, 61, 115)');
    expect(await page.locator('.grid-legend li').count()).toBe(10);
    expect(await seriousViolations(page)).toEqual([]);

    // One tab stop; arrows move inside; Enter opens the article as that step's version reads it.
    const first = table.locator('[tabindex="0"]');
    expect(await first.count()).toBe(1);
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement.dataset.cell')).toBe('1:1');
    const label = String(await page.evaluate('document.activeElement.getAttribute("aria-label")'));
    expect(label).toMatch(new RegExp(`^Article ${grid.articles[1]!.number}, `));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/bills/${billId}/versions/${grid.steps[1]!.versionId}/articles/${encodeURIComponent(grid.articles[1]!.number)}`);
    await page.locator('.version-reader article.focused').waitFor();

    // A mouse click on a cell does the same.
    await page.goBack();
    await cell.click();
    await page.waitForURL(`**/versions/${grid.steps.find((step) => step.stepKey === '01_1erelecture_assemblee_commission')!.versionId}/articles/1er`);
    await page.locator('article#article-1er.focused').waitFor();
  }, JOURNEY_TIMEOUT_MS);

  it('HIST8 on a phone the grid scrolls sideways inside itself, not the page; in English its cells say so', async () => {
    const { page } = await world.open(evolution(), undefined, { width: 375, height: 740 });
    const scroller = page.locator('.grid-scroll');
    await scroller.locator('tbody tr').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.evaluate<boolean>(`(() => { const grid = document.querySelector('.grid-scroll'); return grid.scrollWidth > grid.clientWidth; })()`)).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Article 1er, 1ère lecture · National Assembly · Committee: modified 83%' }).waitFor();
  }, JOURNEY_TIMEOUT_MS);

  it('DIFF3 a diff between two chosen versions shows its insertions and deletions with their text alternatives, inline or side by side', async () => {
    const { page } = await world.open(evolution('/diff'));
    const from = page.getByLabel('Version de départ');
    const to = page.getByLabel('Version d’arrivée');
    // By default: the previous version against the latest.
    await eventually(() => to.inputValue()).toBe(versions.at(-1)!.id);
    expect(await from.inputValue()).toBe(versions.at(-2)!.id);

    await from.selectOption(versions[0]!.id);
    expect(new URL(page.url()).searchParams.get('from')).toBe(versions[0]!.id);
    const section = page.locator('.evolution-diff');
    await section.locator('ins').first().waitFor();
    expect(await section.locator('del').count()).toBeGreaterThan(0);
    expect(await section.locator('ins').first().textContent()).toMatch(/^inséré : « [\s\S]+ »$/);
    expect(await section.locator('del').first().textContent()).toMatch(/^supprimé : « [\s\S]+ »$/);
    expect(await section.locator('.diff-counts').innerText()).toMatch(/modifiés?/);
    expect(await section.locator('.article-diff .diff-status').allInnerTexts()).toContain('nouveau');

    await page.getByLabel('Côte à côte').check();
    await section.locator('.diff-sides').first().waitFor();
    expect(new URL(page.url()).searchParams.get('layout')).toBe('side');
    expect(await section.locator('.diff-sides').first().locator('.diff-side-title').allInnerTexts()).toEqual(['Avant', 'Après']);
    expect(await seriousViolations(page)).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);

  it('BLAME1 the blame of the latest version marks each run with the step its words appeared at, and shows its origin on focus', async () => {
    const { page } = await world.open(evolution('/blame'));
    const runs = page.locator('.blame-run');
    await runs.first().waitFor();
    const steps = new Set(await page.evaluate<string[]>(`[...document.querySelectorAll('.blame-run')].map((run) => run.dataset.step)`));
    expect(steps.size).toBeGreaterThan(1);
    const legend = new Set(await page.locator('.blame-legend .blame-swatch').allInnerTexts());
    for (const step of steps) expect(legend).toContain(step);
    // The origin is text, not only a colour: for screen readers before each run, and in the panel on focus.
    expect(await runs.first().locator('.visually-hidden').textContent()).toMatch(/^\[(1ère lecture|CMP) · .+, \d{1,2} \S+ \d{4}(, amendement n° .+)?\] $/);
    await runs.nth(1).focus();
    await eventually(() => page.locator('.blame-origin').innerText()).toMatch(/Article .+ : mots apparus à l’étape \d+, /);
    expect(await seriousViolations(page)).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);

  it('TIME1 TIME4 STAT3 the charts are SVG images named by their figures, each with its data table; La Fabrique’s key figures', async () => {
    const timeline = (await world.admin.get<Timeline>(`/bills/${billId}/timeline`)).body;
    const { page } = await world.open(evolution('/stats'));
    const charts = page.locator('figure.chart');
    await eventually(() => charts.count()).toBe(4);
    for (const chart of await charts.all()) {
      const title = await chart.locator('figcaption').innerText();
      expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(new RegExp(`^${title.replace(/[()]/g, '\\$&')}\\. .+`));
      expect(await chart.locator('.chart-data table tbody tr').count()).toBeGreaterThan(0);
    }
    const texts = timeline.steps.filter((step) => step.version !== null).length;
    expect(await charts.first().locator('.chart-data tbody tr').count()).toBe(texts);
    expect(await charts.first().locator('svg rect').count()).toBe(texts);
    await charts.first().locator('.chart-data summary').click();
    await charts.first().locator('.chart-data table').waitFor();
    expect(await page.locator('.key-figures').innerText()).toContain('152 jours');
    expect(await seriousViolations(page)).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);

  it('TIME6 a bill written here has the same views: its one version is a single column, and there is nothing to compare yet', async () => {
    const { page } = await world.open(`/bills/${world.bill.id}/evolution`);
    const table = page.getByRole('grid', { name: /^Articles × étapes/ });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.getByRole('link', { name: /^Article 1er, 1ère lecture · Assemblée nationale · Dépôt : texte au dépôt$/ }).innerText()).toBe('dépôt');
    await page.getByRole('link', { name: 'Comparer deux versions' }).click();
    await page.getByText('Ce texte n’a qu’une version').waitFor();
    await page.getByRole('link', { name: 'Origine des mots' }).click();
    await page.locator('.blame-run').first().waitFor();
  }, JOURNEY_TIMEOUT_MS);

  it('EXPORT1 EXPORT3 EXPORT4 EXPORT6 FEED1 the data view links every export to a working URL and shows the live activity', async () => {
    const { page, context } = await world.open(evolution('/data'));
    const links = page.locator('a[data-export]');
    await links.first().waitFor();
    const hrefs = await page.evaluate<Record<string, string>>(
      `Object.fromEntries([...document.querySelectorAll('a[data-export]')].map((link) => [link.dataset.export, link.getAttribute('href')]))`,
    );
    const latest = versions.at(-1)!.id;
    expect(hrefs).toEqual({
      json: `/api/v1/bills/${billId}/export`,
      csv: `/api/v1/bills/${billId}/export?format=csv`,
      readme: `/api/v1/bills/${billId}/export/README`,
      laFabrique: `/api/v1/bills/${billId}/export/lafabrique`,
      git: `/api/v1/bills/${billId}/export/git`,
      akomaNtoso: `/api/v1/bills/${billId}/versions/${latest}/akn`,
      atom: `/api/v1/bills/${billId}/feed.atom`,
    });
    for (const which of ['json', 'readme', 'laFabrique', 'akomaNtoso', 'atom'] as const) {
      const response = await context.request.get(hrefs[which]!);
      expect(response.status(), which).toBe(200);
    }

    // The live feed: an entry written now shows at once.
    const granted = await world.admin.put(`/bills/${billId}/rapporteurs/${world.rapporteur.id}`);
    expect(granted.status).toBe(204);
    await page.locator('.feed-item', { hasText: 'Rapporteur·e nommé·e' }).waitFor();
  }, JOURNEY_TIMEOUT_MS);
});
