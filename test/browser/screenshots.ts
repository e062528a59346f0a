/**
 * `npm run screenshots`: takes the README's screenshots (docs/screenshots/*.png) of the main screens, on a bill
 * with annotations, amendments and votes made through the same journeys the browser tests run.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { signUp, uniqueEmail } from '../helpers/apiFixtures.ts';
import { browserSkipReason, selectWords, startBrowserWorld, type WorldBill } from '../helpers/browser.ts';
import { type BundleArticle, historyBundle } from '../history/historyBundle.ts';
import { editBill, generateBill, mulberry32 } from '../history/generatedBill.ts';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const BILL: WorldBill = {
  title: 'Projet de loi pour une République des algorithmes ouverts',
  shortTitle: 'Algorithmes publics ouverts',
  articles: [
    {
      number: '1er',
      sectionKey: 'T1',
      status: null,
      alineas: [
        'Toute administration qui fonde une décision individuelle sur un traitement algorithmique en informe la personne concernée.',
        'Cette information précise la finalité du traitement et les principales règles qui le définissent.',
      ],
    },
    {
      number: '2',
      sectionKey: 'T1',
      status: null,
      alineas: ["Les administrations publient en ligne la liste des traitements algorithmiques qu'elles utilisent pour prendre des décisions individuelles."],
    },
    { number: '3', sectionKey: 'T1', status: null, alineas: ["Un décret en Conseil d'État fixe les modalités d'application de la présente loi."] },
  ],
};

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  // Let live updates and fonts settle, and move the mouse away from hover styles.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage });
  console.error(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  if (browserSkipReason) throw new Error(browserSkipReason);
  await mkdir(OUT, { recursive: true });
  const world = await startBrowserWorld(BILL);
  try {
    const billPath = `/bills/${world.bill.id}`;
    const citizenEmail = await world.newCitizen('sacha');
    const citizen = await world.open(billPath, citizenEmail);
    const { page } = citizen;

    // An annotation and a reply.
    await selectWords(page, '1er', 'les principales règles');
    await page.getByRole('region', { name: 'Sélection' }).getByRole('button', { name: 'Commenter' }).click();
    await page.getByLabel('Votre commentaire').fill('Lesquelles ? Il faudrait au moins les paramètres et leur poids.');
    await page.getByRole('button', { name: 'Publier le commentaire' }).click();
    await page.locator('.thread').first().waitFor();
    const other = await signUp(world.server.url, uniqueEmail('dominique'));
    const thread = (await other.client.get<{ annotations: { id: string }[] }>(`/bills/${world.bill.id}/annotations`)).body.annotations[0];
    if (thread) await other.client.post(`/bills/${world.bill.id}/annotations/${thread.id}/replies`, { body: 'Et le code source, dans un format ouvert.' });

    // Two amendments: one deposited, one adopted by the rapporteur.
    const propose = async (words: string, replacement: string, expose: string) => {
      await selectWords(page, '1er', words);
      await page.getByRole('region', { name: 'Sélection' }).getByRole('button', { name: 'Proposer un amendement' }).click();
      await page.getByLabel('Nouvelle rédaction').fill(replacement);
      await page.getByLabel('Exposé sommaire').fill(expose);
    };
    await propose('en informe la personne concernée', 'en informe la personne concernée, par écrit et dans un langage clair', 'Une information orale ne laisse pas de trace.');
    await shoot(page, 'amend-form');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('button', { name: 'Déposer l’amendement' }).click();
    await page.locator('section.composer').getByText('Amendement n° 1 déposé').first().waitFor();
    await page.getByRole('button', { name: 'Fermer' }).click();
    await propose('principales', 'paramètres et', 'Les « principales règles » laissent trop de latitude.');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('button', { name: 'Déposer l’amendement' }).click();
    await page.locator('section.composer').getByText('Amendement n° 2 déposé').first().waitFor();
    await page.getByRole('button', { name: 'Fermer' }).click();

    // Votes from a few citizens.
    const ids = (await other.client.get<{ amendments: { id: string; number: string }[] }>(`/bills/${world.bill.id}/amendments`)).body.amendments;
    const articleIds = (await world.admin.get<{ articles: { articleId: string }[] }>(`/bills/${world.bill.id}/versions/${world.bill.steps[0]?.versionId}`)).body.articles;
    const values = ['agree', 'agree', 'mixed', 'disagree', 'agree'] as const;
    for (const value of values) {
      const voter = await signUp(world.server.url, uniqueEmail('votant'));
      await voter.client.put(`/bills/${world.bill.id}/votes/article/${articleIds[0]?.articleId}`, { value });
      for (const amendment of ids) await voter.client.put(`/bills/${world.bill.id}/votes/amendment/${amendment.id}`, { value });
    }

    // The rapporteur's desk, then adoption of amendment 2.
    const desk = await world.open(`${billPath}/desk`, world.rapporteur.email);
    await desk.page.getByText('Vous rédigez le texte officiel').waitFor();
    await desk.page.locator('.cm-content').nth(1).click();
    await desk.page.keyboard.press('End');
    await shoot(desk.page, 'desk');
    await desk.page.locator('article.amendment', { hasText: 'Amendement n° 2' }).getByRole('button', { name: 'Adopter' }).click();
    await page.locator('article#article-1er', { hasText: 'paramètres et règles' }).waitFor({ timeout: 10_000 });

    // A draft written with a co-author: invited by name from the draft's page, who accepts and types into it live.
    await selectWords(page, '2', 'en ligne');
    await page.getByRole('region', { name: 'Sélection' }).getByRole('button', { name: 'Proposer un amendement' }).click();
    await page.getByLabel('Nouvelle rédaction').fill('en ligne, gratuitement');
    await page.getByLabel('Exposé sommaire').fill('Une liste payante ou illisible ne sert à personne.');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('link', { name: /^Ouvrir le brouillon/ }).click();
    await page.getByLabel('Nom de la personne').fill('dominique');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByRole('button', { name: `Inviter ${other.me.displayName}` }).click();
    const coauthor = await world.open('/me', other.email);
    await coauthor.page.getByRole('button', { name: /^Accepter l’invitation/ }).click();
    await coauthor.page.getByRole('link', { name: 'Ouvrir l’amendement' }).click();
    await coauthor.page.getByRole('textbox', { name: /^Dispositif de l’amendement/ }).click();
    await coauthor.page.keyboard.press('Control+End');
    await coauthor.page.keyboard.type(' et dans un format ouvert,');
    await page.locator('.draft-preview ins', { hasText: 'dans un format ouvert' }).first().waitFor();
    await shoot(page, 'draft-coauthors');

    // My space once the rapporteur publishes the text: amendment 2 adopted, landed in that version, its words there.
    await desk.page.getByLabel('Intitulé de la version').fill('Texte adopté par la commission');
    await desk.page.getByRole('button', { name: 'Publier la version' }).click();
    await desk.page.getByRole('status').getByText('Version publiée').waitFor();
    await page.goto('/me');
    const adopted = page.locator('article.contribution', { hasText: 'Amendement n° 2' });
    await adopted.getByRole('button', { name: 'Voir l’historique' }).click();
    await adopted.locator('.trace-history').waitFor();
    await shoot(page, 'my-space');

    // The reader, the amendments, the activity, the list of bills, and a phone in English.
    const reader = await world.open(billPath, citizenEmail);
    await reader.page.locator('article#article-1er mark').first().waitFor();
    await reader.page.locator('article#article-1er mark').first().click();
    await shoot(reader.page, 'bill-live-text');
    await reader.page.getByRole('link', { name: /^Amendements/ }).click();
    await reader.page.locator('article.amendment .badge.status', { hasText: 'adopté' }).waitFor();
    await shoot(reader.page, 'amendments');
    await reader.page.getByRole('link', { name: 'Activité' }).click();
    await reader.page.locator('.feed-item').first().waitFor();
    await shoot(reader.page, 'activity');
    await reader.page.goto('/');
    await reader.page.locator('.bill-card').first().waitFor();
    await shoot(reader.page, 'bills');
    const phone = await world.open(`${billPath}/articles/1er`, undefined, { width: 390, height: 844 });
    await phone.page.getByRole('button', { name: 'English' }).click();
    await phone.page.locator('article#article-1er mark').first().waitFor();
    await phone.page.locator('article#article-1er').scrollIntoViewIfNeeded();
    await shoot(phone.page, 'phone-english', false);

    // Journalist views: who wrote each word of the published version (amendment 2, its author), and the figures of this
    // bill; then the article grid of a longer history, written here (generated text, nine steps), never a real bill's.
    const journalist = await world.open(`${billPath}/evolution/blame`);
    await journalist.page.locator('.blame-run', { hasText: 'paramètres' }).first().focus();
    await shoot(journalist.page, 'evolution-blame');
    await journalist.page.goto(`${billPath}/evolution/stats`);
    await journalist.page.locator('.key-figures').waitFor();
    await shoot(journalist.page, 'evolution-stats');
    const history = await world.admin.post<{ billId: string }>('/imports', { files: longHistory() });
    if (history.status !== 201) throw new Error(`import of the long history failed: ${history.status}`);
    await journalist.page.goto(`/bills/${history.body.billId}/evolution`);
    await journalist.page.locator('.article-grid tbody tr').first().waitFor();
    await shoot(journalist.page, 'evolution-grid');
  } finally {
    await world.close();
  }
}

/** A bill of our own through nine steps, a few articles changed at each, one added and one deleted on the way. */
function longHistory(): Record<string, unknown> {
  const random = mulberry32(7);
  const versions: BundleArticle[][] = [generateBill(7, 9_000)];
  for (let step = 1; step < 9; step += 1) {
    const next: BundleArticle[] = editBill(random, versions[step - 1] as BundleArticle[], 2 + step * 2);
    if (step === 2) next.splice(2, 0, { number: '2 bis', alineas: ['Un article ajouté en commission, précisé ensuite en séance.'] });
    if (step === 5) next[4] = { ...(next[4] as BundleArticle), status: 'supprimé', alineas: ['(Supprimé)'] };
    versions.push(next);
  }
  const files = historyBundle('demo-evolution', versions);
  const procedure = files['viz/procedure.json'] as Record<string, unknown>;
  Object.assign(procedure, { short_title: 'Ouverture des données publiques', long_title: 'Projet de loi pour l’ouverture des données publiques (démonstration)' });
  return files;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
