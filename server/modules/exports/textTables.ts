/**
 * The tables of a bill's text and procedure in the open-data export: the bill, its steps, the version of the text
 * each step produced (sections, articles with their alinéas), political groups and debate summaries.
 */
import { f, table } from './fields.ts';

/** Not a table of rows: the export's own description (JSON: the document's top-level fields; CSV: export.csv). */
export const exportTable = table('export', 'What this export is: its layout version, when it was made, and how far the ledger it includes goes.', {
  schemaVersion: f.int('Version of this layout; a new version is published whenever a field changes meaning, is renamed or removed'),
  exportedAt: f.time('When the export was made (ISO 8601, UTC)'),
  billId: f.id('The bill exported'),
  ledgerHead: f.int('`seq` of the last ledger entry exported: every change up to it is reflected (later ones may be too)'),
});

/** The bill itself. */
export const billTable = table('bill', 'The bill (dossier législatif): one row.', {
  id: f.id('Bill id (stable; used in every API path)'),
  sourceRef: f.textOrNull("La Fabrique de la loi's id for imported bills (e.g. pjl15-034), else what the bill was created with"),
  title: f.text('Long title'),
  shortTitle: f.text('Short title'),
  loiDite: f.textOrNull('Popular name of the law ("loi dite"), if any'),
  lawName: f.textOrNull('Name of the promulgated law (e.g. Loi n° 2015-1779 du 28 décembre 2015), once there is one'),
  proposalType: f.textOrNull('PJL (projet de loi, from the government) or PPL (proposition de loi, from parliamentarians)'),
  beginning: f.timeOrNull('First day of the procedure (YYYY-MM-DD)'),
  end: f.timeOrNull('Last day of the procedure (YYYY-MM-DD), once it ended'),
  urgence: f.bool('Whether the accelerated procedure (procédure accélérée, formerly "urgence") was used'),
  versionCount: f.int('Number of versions of the text (see versions)'),
  rapporteurs: f.texts('Display names of the parliamentarians who may edit the working text (rapporteurs)'),
  metadata: f.json('The rest of the dossier as its source gave it (official URLs, themes, concordance table…): JSON'),
  updatedAt: f.time('Last change to the bill’s text or procedure'),
});

/** Legislative steps. */
export const stepsTable = table('steps', 'The legislative steps, in procedure order (La Fabrique de la loi’s stage / institution / step).', {
  id: f.id('Step id'),
  position: f.int('Position in the procedure, from 0'),
  key: f.text("Stable key of the step in the bill (La Fabrique's step directory for imported bills, e.g. 01_1erelecture_assemblee_commission)"),
  stage: f.text('Reading: 1ère lecture, 2ème lecture, nouv. lect., l. définitive, CMP, constitutionnalité, promulgation…'),
  institution: f.text('assemblee, senat, CMP, conseil constitutionnel, gouvernement…'),
  kind: f.textOrNull('depot (tabled), commission (committee) or hemicycle (sitting); empty for the Conseil constitutionnel and promulgation'),
  date: f.timeOrNull('First day of the step (YYYY-MM-DD)'),
  endDate: f.timeOrNull('Last day of the step (YYYY-MM-DD)'),
  echec: f.textOrNull('Failure of the step (échec, rejet…), if it failed'),
  decision: f.textOrNull("Conseil constitutionnel's decision (conforme, partiellement conforme…), if any"),
  debatsOrder: f.intOrNull('Order of the steps that produced a text of their own; empty for the others'),
  sourceUrl: f.textOrNull('Official URL of the text of the step'),
  amendmentCount: f.intOrNull('Number of amendments tabled at the step, as its source gave it'),
  versionId: f.textOrNull('The version of the text this step produced (see versions), if it produced one'),
  extra: f.json('The rest of the step as its source gave it (author of the dépôt, debates files…): JSON'),
});

/** Versions of the text. */
export const versionsTable = table('versions', 'The text as adopted at the end of each step that produced one, in procedure order.', {
  id: f.id('Version id'),
  stepId: f.id('The step that produced it'),
  stepKey: f.text('That step’s key'),
  stage: f.text('That step’s stage'),
  institution: f.text('That step’s institution'),
  kind: f.textOrNull('That step’s kind'),
  date: f.timeOrNull('That step’s date'),
  title: f.text('Title of the text'),
  sourceUrl: f.textOrNull('Official URL of the text'),
  expose: f.text('Exposé des motifs, or the reason a text was rejected'),
  articleCount: f.int('Number of articles (see articles)'),
  metadata: f.json('The rest of the text’s description as its source gave it: JSON'),
});

/** Sections of each version. */
export const sectionsTable = table('sections', 'Titles, chapters and sections of each version, in order.', {
  versionId: f.id('The version'),
  position: f.int('Position in the version, from 0'),
  key: f.text('Section key, e.g. T1C2 (titre 1, chapitre 2); articles name theirs in sectionKey'),
  title: f.text('Heading'),
  type: f.text('titre, chapitre, section…'),
  newKey: f.textOrNull('Key after renumbering, when known'),
});

/** Articles of each version. */
export const articlesTable = table('articles', 'The articles of each version, in order, with their alinéas (paragraphs).', {
  versionId: f.id('The version'),
  stepKey: f.text('The key of the step that produced the version'),
  position: f.int('Position in the version, from 0'),
  articleId: f.id('Article id: the same article (matched by number) has the same id in every version'),
  number: f.text('Article number as printed (1er, 2, 2 bis A…)'),
  sectionKey: f.textOrNull('Key of its section (see sections)'),
  status: f.textOrNull('Status as the source gives it: none, nouveau, conforme, supprimé…'),
  newNumber: f.textOrNull('Final number after renumbering, when known'),
  alineas: f.texts('The alinéas, in order (CSV: one per line)'),
  links: f.texts('Legal texts the article cites (CSV: one per line)'),
});

/** Political groups. */
export const groupsTable = table('groups', 'Political groups named by the bill’s amendments (imported bills).', {
  code: f.text('Acronym, as in amendments.groupCode (Gouvernement for the government)'),
  name: f.text('Full name'),
  color: f.textOrNull('Colour La Fabrique de la loi shows it in'),
  link: f.textOrNull('Page of the group'),
  displayOrder: f.intOrNull('Display order'),
});

/** Debate summaries. */
export const debatesTable = table('debates', 'Summaries of the debates of each step that had some (imported bills): one row per step.', {
  stepId: f.id('The step'),
  stepKey: f.text('Its key'),
  totalSittings: f.int('Number of sittings (séances)'),
  speakers: f.texts('Names of the speakers (CSV: one per line)'),
  divisions: f.json('Per article or division debated: [{title, order, totalInterventions, totalWords}] (JSON)'),
});
