/**
 * Writing an amendment together in the browser: a citizen selects words and proposes a draft, invites a second
 * citizen found by name; the second accepts from their space and types into the shared draft, and the first sees the
 * words arrive live; the draft is deposited, the rapporteur answers and adopts it from the desk and publishes a
 * version; every reader's text changes, and the first citizen's space shows the amendment adopted, landed, its words
 * still there. Also: the whole-article kinds of the amend form, a sous-amendement with both layers, axe audits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, uniqueEmail } from '../helpers/apiFixtures.ts';
import {
  eventually,
  horizontalOverflow,
  JOURNEY_TIMEOUT_MS,
  LIVE_TIMEOUT_MS,
  WORLD_TIMEOUT_MS,
  browserSkipReason,
  browserTitle,
  type BrowserWorld,
  selectWords,
  seriousViolations,
  startBrowserWorld,
} from '../helpers/browser.ts';

/** The accessible name of the draft's shared dispositif editor (CodeMirror's content is a labelled textbox). */
const DISPOSITIF_EDITOR = 'Dispositif de l’amendement, rédigé à plusieurs (une ligne par alinéa)';

describe.skipIf(browserSkipReason)(browserTitle('web client: co-authors, amendment kinds, my space'), () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, WORLD_TIMEOUT_MS);
  afterAll(() => world?.close());

  it('AMEND4 COLLAB11 TRACE6 propose → invite by name → the invited accepts and types live → deposit → answered and adopted → my space', async () => {
    const billPath = `/bills/${world.bill.id}`;
    const reader = await world.open(billPath);
    const author = await world.open(billPath, await world.newCitizen('camille'));
    const second = await signUp(world.server.url, uniqueEmail('dominique'));
    const { page } = author;

    // A draft from selected words, with the live word diff.
    await selectWords(page, '1er', 'gratuite');
    await page.getByRole('region', { name: 'Sélection' }).getByRole('button', { name: 'Proposer un amendement' }).click();
    const form = page.locator('form.composer');
    await form.getByLabel('Nouvelle rédaction').fill('gratuite et accessible');
    await eventually(() => form.locator('figure.diff ins').textContent()).toContain('et accessible');
    await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.locator('section.composer').getByRole('heading', { name: 'Brouillon enregistré', exact: true }).waitFor();
    await page.getByRole('link', { name: /^Ouvrir le brouillon/ }).click();

    // The draft's page: invite the second citizen, found by part of their name.
    await page.getByRole('heading', { name: 'Brouillon d’amendement', level: 2 }).waitFor();
    const draftPath = new URL(page.url()).pathname;
    const invite = page.getByRole('region', { name: 'Inviter un·e co-auteur·e' });
    await invite.getByLabel('Nom de la personne').fill(second.me.displayName.slice(5, 14));
    await invite.getByRole('button', { name: 'Chercher' }).click();
    await invite.getByRole('button', { name: `Inviter ${second.me.displayName}` }).click();
    await eventually(() => invite.getByRole('status').innerText()).toContain(`${second.me.displayName} est invité·e`);
    const authorsList = page.locator('.coauthor-list');
    await eventually(() => authorsList.locator('li[data-standing="invited"]').innerText()).toContain(second.me.displayName);
    const editor = page.getByRole('textbox', { name: DISPOSITIF_EDITOR });
    await eventually(() => editor.innerText()).toBe('gratuite et accessible');
    expect(await seriousViolations(page)).toEqual([]);

    // The second citizen finds the invitation in their space, accepts it, and types into the shared draft.
    const coauthor = await world.open('/me', second.email);
    const invitations = coauthor.page.getByRole('region', { name: 'Invitations à co-écrire' });
    await invitations.getByRole('button', { name: /^Accepter l’invitation/ }).click();
    await invitations.getByText('Vous êtes maintenant co-auteur·e.').waitFor();
    await invitations.getByRole('link', { name: 'Ouvrir l’amendement' }).click();
    expect(new URL(coauthor.page.url()).pathname).toBe(draftPath);
    await coauthor.page.getByText('En direct : chaque frappe des auteur·es apparaît aussitôt chez les autres.').waitFor();
    await coauthor.page.getByRole('textbox', { name: DISPOSITIF_EDITOR }).click();
    await coauthor.page.keyboard.press('Control+End');
    await coauthor.page.keyboard.type(' à tous');

    // The first author sees the words arrive, in the editor (beside the co-author's named cursor) and in the
    // previewed change; and the new co-author in the list.
    await eventually(() => editor.innerText()).toContain('gratuite et accessible à tous');
    await eventually(() => page.locator('.draft-preview figure.diff ins').textContent()).toContain('et accessible à tous');
    await eventually(() => page.locator('.draft-preview .formal-wording').innerText()).toContain('et accessible à tous');
    await eventually(() => authorsList.locator('li[data-standing="coauthor"]').innerText()).toContain(second.me.displayName);

    // Depositing takes the wording written together.
    await page.getByRole('button', { name: 'Déposer l’amendement' }).click();
    await page.getByRole('heading', { name: 'Amendement n° 1', level: 2 }).waitFor();
    await eventually(() => page.locator('article.amendment .badge.status').first().innerText()).toBe('déposé');

    // The rapporteur answers it (avis and text) and adopts it from the desk, then publishes the text as a version.
    const desk = await world.open(`${billPath}/desk`, world.rapporteur.email);
    const queued = desk.page.locator('.side ul.cards > li', { hasText: 'Amendement n° 1' });
    await queued.waitFor({ timeout: LIVE_TIMEOUT_MS });
    const answer = queued.getByRole('form', { name: 'Réponse officielle : Amendement n° 1' });
    await answer.getByLabel('favorable', { exact: true }).check();
    await answer.getByLabel('Réponse', { exact: true }).fill('L’accessibilité est une exigence du service public.');
    await answer.getByRole('button', { name: 'Publier la réponse' }).click();
    await answer.getByText('Réponse publiée (avis favorable).').waitFor();
    await queued.getByRole('button', { name: 'Adopter' }).click();
    const expected = 'Cette publication est gratuite et accessible à tous.';
    await eventually(() => reader.page.locator('article#article-1er ol.alineas li').nth(1).innerText()).toBe(expected);
    await desk.page.getByLabel('Intitulé de la version').fill('Texte de la commission');
    await desk.page.getByRole('button', { name: 'Publier la version' }).click();
    await desk.page.getByRole('status').getByText('Version publiée').waitFor();

    // On the author's page the amendment reads as adopted, live.
    await eventually(() => page.locator('article.amendment .badge.status').first().innerText()).toBe('adopté');

    // The author's space: adopted, landed in the version, its words still in the text, one answer and its history.
    await page.getByRole('link', { name: 'Mon espace' }).click();
    const item = page.locator('article.contribution', { hasText: 'Amendement n° 1' });
    await item.waitFor();
    await eventually(() => item.locator('.badge.status').innerText()).toBe('adopté');
    expect(await item.getByRole('link', { name: 'Texte de la commission' }).count()).toBe(1);
    expect(await item.locator('.words').innerText()).toBe('toujours présents (4 sur 4)');
    await item.getByRole('button', { name: 'Voir l’historique' }).click();
    await item.locator('.trace-answers').getByText('L’accessibilité est une exigence du service public.').waitFor();
    expect(await item.locator('.trace-answers .badge').innerText()).toBe('favorable');
    expect(await item.locator('.trace-history').innerText()).toContain('Co-auteur·e ajouté·e');
    expect(await seriousViolations(page)).toEqual([]);
  }, JOURNEY_TIMEOUT_MS * 2);

  it('AMEND1 AMEND7 the amend form proposes an additional article and the deletion of an article, with their diffs and wording', async () => {
    const { page } = await world.open(`/bills/${world.bill.id}`, await world.newCitizen('ajoute'));
    await page.getByRole('button', { name: 'Amender l’article 2' }).click();
    const form = page.locator('form.composer');
    await form.getByLabel('Ajouter un article').check();
    expect(await form.getByLabel('Place du nouvel article').inputValue()).not.toBe('');
    expect(await form.getByLabel('Numéro du nouvel article').inputValue()).toBe('2 bis');
    await form.getByLabel('Texte du nouvel article').fill('La présente loi est évaluée tous les trois ans.');
    await eventually(() => form.locator('figure.diff ins').textContent()).toBe('inséré : « La présente loi est évaluée tous les trois ans. »');
    // A number the text already has is refused before anything is sent.
    await form.getByLabel('Numéro du nouvel article').fill('1er');
    await form.getByText('Le texte a déjà un article 1er.').waitFor();
    expect(await form.getByRole('button', { name: 'Enregistrer le brouillon' }).isDisabled()).toBe(true);
    await form.getByLabel('Numéro du nouvel article').fill('2 bis');
    await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    const saved = page.locator('section.composer');
    await saved.getByRole('heading', { name: 'Brouillon enregistré', exact: true }).waitFor();
    await eventually(() => saved.locator('.formal-wording').innerText()).toContain('ARTICLE ADDITIONNEL APRÈS L’ARTICLE 2');
    expect(await saved.locator('.muted').first().innerText()).toContain('Article additionnel');
    await page.getByRole('button', { name: 'Fermer' }).click();

    await page.getByRole('button', { name: 'Amender l’article 2' }).click();
    await form.getByLabel('Supprimer l’article 2').check();
    expect(await form.locator('figure.diff del').textContent()).toBe('supprimé : « Un décret précise les modalités d’application. »');
    await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await saved.getByRole('heading', { name: 'Brouillon enregistré', exact: true }).waitFor();
    await eventually(() => saved.locator('.formal-wording').innerText()).toContain('Supprimer cet article.');
  }, JOURNEY_TIMEOUT_MS);

  it('AMEND2 a sous-amendement from a deposited amendment’s page shows both layers; my space reads at phone width', async () => {
    const email = await world.newCitizen('sousamende');
    const { page } = await world.open(`/bills/${world.bill.id}`, email);
    await page.getByRole('button', { name: 'Amender l’article 2' }).click();
    const form = page.locator('form.composer');
    await form.getByLabel('Réécrire tout l’article 2').check();
    // Rewriting starts from the article's current wording.
    expect(await form.getByLabel('Nouvelle rédaction de l’article 2').inputValue()).toBe('Un décret précise les modalités d’application.');
    await form.getByLabel('Nouvelle rédaction de l’article 2').fill('Un décret en Conseil d’État précise les modalités d’application.');
    await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    const saved = page.locator('section.composer');
    await saved.getByRole('button', { name: 'Déposer l’amendement' }).click();
    await eventually(() => saved.locator('#amend-title').innerText()).toMatch(/^Amendement n° \d+ déposé$/);
    await saved.getByRole('link', { name: 'Voir l’amendement' }).click();

    await page.getByRole('button', { name: 'Proposer un sous-amendement' }).click();
    await page.getByLabel('Nouvelle rédaction du dispositif').fill('Un décret en Conseil d’État précise, dans les six mois, les modalités d’application.');
    await eventually(() => page.locator('.sub-amend figure.diff ins').textContent()).toContain('dans les six mois,');
    await page.locator('.sub-amend').getByRole('button', { name: 'Enregistrer le brouillon' }).click();

    // The sous-amendement's draft page: the parent's change to the text, then its own change to the parent.
    await page.getByRole('heading', { name: 'Brouillon d’amendement', level: 2 }).waitFor();
    const layers = page.locator('.draft-workspace figure.diff');
    await eventually(() => layers.count()).toBe(2);
    expect(await layers.nth(0).locator('figcaption').innerText()).toMatch(/^Ce que Amendement n° \d+ change au texte$/);
    expect(await layers.nth(1).locator('figcaption').innerText()).toBe('Modification du dispositif de l’amendement');
    expect(await layers.nth(1).locator('ins').textContent()).toContain('dans les six mois,');

    const phone = await world.open('/me', email, { width: 375, height: 740 });
    await phone.page.locator('article.contribution').first().waitFor();
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(phone.page)).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);
});
