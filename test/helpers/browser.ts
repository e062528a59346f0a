/**
 * Browser journeys: Debian's Chromium driven by playwright-core against a real server on port 0 serving the built
 * client (built once per run when stale, see client/scripts/buildIfStale.ts). A world holds the server, an admin,
 * a bill with a rapporteur and a citizen, each with their own browser context (own cookies, own page).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import { ensureClientBuild } from '../../client/scripts/buildIfStale.ts';
import { ADMIN_ENV, adminClient, createBill, makeParliamentarian, PASSWORD, signUp, uniqueEmail } from './apiFixtures.ts';
import { pgliteTarget } from './storageTargets.ts';
import { type ApiClient, startTestServer, type TestServer } from './testServer.ts';

/** Starting a world (a client build when stale, a server, a browser) on a loaded two-core machine can be slow. */
export const WORLD_TIMEOUT_MS = 180_000;
/** A journey drives several pages and waits for live updates; generous, since the suites run beside the others. */
export const JOURNEY_TIMEOUT_MS = 90_000;

/** How long a live update may take to show on another page (the stream coalesces tallies per second). */
export const LIVE_TIMEOUT_MS = 15_000;

/** Polls what a page shows until it matches (`await eventually(() => locator.innerText()).toBe(…)`). */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: LIVE_TIMEOUT_MS, interval: 50 });

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser suites are skipped, or null when they run. */
export const browserSkipReason = existsSync(CHROMIUM) ? null : `skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;

/** A suite title that says when and why it is skipped. */
export const browserTitle = (title: string) => (browserSkipReason ? `${title} (${browserSkipReason})` : title);

// The machine's network is closed: without these, Chromium tries Google's hosts at start and on a timer.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** A person in the browser: their context (cookies) and page. */
export interface Person {
  email: string;
  context: BrowserContext;
  page: Page;
}

/** Everything a journey needs. */
export interface BrowserWorld {
  server: TestServer;
  browser: Browser;
  admin: ApiClient;
  bill: Bill;
  rapporteur: { email: string; id: string };
  /** A new browser context signed in as `email` (or anonymous), with a page at `path`. */
  open(path: string, email?: string, viewport?: { width: number; height: number }): Promise<Person>;
  /** Signs up a new citizen through the API and returns their e-mail. */
  newCitizen(prefix?: string): Promise<string>;
  close(): Promise<void>;
}

/** The bill every journey works on: two short articles with distinctive words. */
const BILL_ARTICLES: { number: string; sectionKey: string | null; status: string | null; alineas: string[] }[] = [
  { number: '1er', sectionKey: 'T1', status: null, alineas: ['Toute administration publie ses algorithmes de décision.', 'Cette publication est gratuite.'] },
  { number: '2', sectionKey: 'T1', status: null, alineas: ['Un décret précise les modalités d’application.'] },
];

/** What a world's bill holds (the journeys' default: two short articles). */
export interface WorldBill {
  title: string;
  shortTitle: string;
  articles: typeof BILL_ARTICLES;
}

const DEFAULT_BILL: WorldBill = {
  title: 'Projet de loi pour la transparence des algorithmes publics',
  shortTitle: 'Transparence des algorithmes',
  articles: BILL_ARTICLES,
};

/** Builds the client if needed, starts a server and a browser, and creates the bill and its rapporteur. */
export async function startBrowserWorld(content: WorldBill = DEFAULT_BILL): Promise<BrowserWorld> {
  await ensureClientBuild({ quiet: true });
  const server = await startTestServer(pgliteTarget, ADMIN_ENV);
  const browser = await launchBrowser();
  const admin = await adminClient(server.url);
  const bill = await createBill(admin, {
    title: content.title,
    shortTitle: content.shortTitle,
    depot: {
      institution: 'assemblee',
      date: '2026-01-15',
      sourceUrl: null,
      expose: '',
      sections: [{ key: 'T1', title: 'Titre Ier', type: 'titre' }],
      articles: content.articles,
    },
  });
  const parliamentarian = await makeParliamentarian(server.url, admin);
  const granted = await admin.put(`/bills/${bill.id}/rapporteurs/${parliamentarian.id}`);
  if (granted.status !== 204) throw new Error(`grant rapporteur failed: ${granted.status}`);
  const me = await parliamentarian.client.get<{ email: string }>('/me');
  const contexts: BrowserContext[] = [];

  return {
    server,
    browser,
    admin,
    bill,
    rapporteur: { email: me.body.email, id: parliamentarian.id },
    async open(path, email, viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ baseURL: server.url, viewport, locale: 'fr-FR' });
      contexts.push(context);
      if (email) {
        // Signing in through the API sets the same httpOnly cookie the sign-in form would (the form has its own test).
        const response = await context.request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } });
        if (!response.ok()) throw new Error(`login failed for ${email}: ${response.status()}`);
      }
      const page = await context.newPage();
      await page.goto(path);
      return { email: email ?? '', context, page };
    },
    async newCitizen(prefix = 'citoyen') {
      return (await signUp(server.url, uniqueEmail(prefix))).email;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.stop();
    },
  };
}

/**
 * Selects `words` inside an article of the reader as a person would with the mouse (a DOM range over the text),
 * then releases the mouse so the reader reads the selection. In-page code is a string: the root tsconfig checks
 * Node code and has no DOM types.
 */
export async function selectWords(page: Page, articleNumber: string, words: string): Promise<void> {
  const selector = `article#article-${articleNumber.replace(/\s+/g, '-')}`;
  await page.locator(selector).locator('[data-offset]', { hasText: words }).first().waitFor();
  const found = await page.evaluate<boolean>(`(() => {
    const wanted = ${JSON.stringify(words)};
    for (const segment of document.querySelectorAll(${JSON.stringify(`${selector} [data-offset]`)})) {
      const node = segment.firstChild;
      const at = node && node.textContent ? node.textContent.indexOf(wanted) : -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      segment.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return true;
    }
    return false;
  })()`);
  if (!found) throw new Error(`"${words}" not found in article ${articleNumber}`);
}

/** How many pixels the page overflows the viewport horizontally (0 when nothing needs a sideways scroll). */
export const horizontalOverflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

const require = createRequire(import.meta.url);

/** A violation axe reports. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe-core (its own source, injected into the page) and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: await readFile(require.resolve('axe-core/axe.min.js'), 'utf8') });
  return page.evaluate<Violation[]>(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => String(n.target)) })))`);
}
