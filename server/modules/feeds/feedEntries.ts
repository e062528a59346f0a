/**
 * What a bill's Atom feed says about each ledger entry it lists, in French: a readable title (« Amendement n° 12
 * adopté », « Nouvelle version : Commission, Sénat »), a summary, and the web client's page for it. Entries arrive
 * already redacted (LEDGER6): text withheld from a hidden contribution is never shown, its public reason is.
 */
import type { Step } from '../../../shared/api/bills.ts';
import type { LedgerEvent } from '../../../shared/api/ledger.ts';

/** The ledger entry types a bill's feed lists: versions, amendments deposited and decided, official responses. */
export const FEED_ENTRY_TYPES = [
  'bill.created',
  'bill.imported',
  'bill.reimported',
  'version.published',
  'amendment.deposited',
  'amendment.outcome',
  'amendment.withdrawn',
  'response.published',
] as const;

/** What the presentation needs beyond the entries: the bill's steps and the numbers of the amendments named. */
export interface FeedContext {
  billId: string;
  billTitle: string;
  steps: readonly Step[];
  amendmentNumbers: ReadonlyMap<string, string>;
}

/** One feed entry, ready to be written. */
export interface FeedItem {
  title: string;
  summary: string;
  /** The web client's path for it (e.g. `/bills/<id>/amendments/<id>`). */
  path: string;
}

const institutions: Record<string, string> = {
  assemblee: 'Assemblée nationale',
  senat: 'Sénat',
  CMP: 'Commission mixte paritaire',
  'conseil constitutionnel': 'Conseil constitutionnel',
  gouvernement: 'Gouvernement',
  'congrès': 'Congrès',
};

const stepKinds: Record<string, string> = { depot: 'Dépôt', commission: 'Commission', hemicycle: 'Séance publique' };

const outcomes: Record<string, string> = {
  adopted: 'adopté',
  rejected: 'rejeté',
  fallen: 'tombé',
  inadmissible: 'irrecevable',
  not_moved: 'non soutenu',
};

const avis: Record<string, string> = {
  favorable: 'avis favorable',
  defavorable: 'avis défavorable',
  sagesse: 'sagesse',
  retrait: 'demande de retrait',
};

const SUMMARY_MAX = 1_000;

/** The amendment ids an entry names (to look their numbers up in one query). */
export function amendmentIdsOf(entry: LedgerEvent): string[] {
  const ids = [entry.payload.amendmentId, entry.payload.adopted];
  const target = entry.payload.target as { type?: unknown; id?: unknown } | undefined;
  if (entry.type === 'response.published' && target?.type === 'amendment') ids.push(target.id);
  return ids.filter((id): id is string => typeof id === 'string');
}

/** How the feed shows an entry of one of the FEED_ENTRY_TYPES. */
export function feedItem(entry: LedgerEvent, context: FeedContext): FeedItem {
  const bill = `/bills/${encodeURIComponent(context.billId)}`;
  const payload = entry.payload;
  switch (entry.type) {
    case 'version.published': {
      const step = context.steps.find((s) => s.versionId === payload.versionId);
      const articles = typeof payload.articles === 'number' ? ` ; ${payload.articles} article${payload.articles > 1 ? 's' : ''}` : '';
      const path = typeof payload.versionId === 'string' ? `${bill}/versions/${encodeURIComponent(payload.versionId)}` : bill;
      if (!step) return { title: 'Nouvelle version du texte', summary: `Une nouvelle version du texte a été publiée${articles}.`, path };
      return {
        title: `Nouvelle version : ${stepLabel(step)}`,
        summary: `Texte publié à l’étape ${[step.stage, stepLabel(step)].join(', ')}${step.date ? `, le ${step.date}` : ''}${articles}.`,
        path,
      };
    }
    case 'amendment.deposited':
      return amendmentItem(entry, context, 'déposé', depositSummary(entry));
    case 'amendment.outcome': {
      const outcome = outcomes[textOf(payload.outcome)] ?? textOf(payload.outcome);
      const adopted = typeof payload.adopted === 'string' ? context.amendmentNumbers.get(payload.adopted) : undefined;
      const summary =
        payload.reason === 'collision'
          ? `Tombé : ${adopted ? `l’amendement n° ${adopted}` : 'un amendement concurrent'}, adopté, a supprimé le passage qu’il visait.`
          : `Sort de l’amendement : ${outcome}.`;
      return amendmentItem(entry, context, outcome, summary);
    }
    case 'amendment.withdrawn':
      return amendmentItem(entry, context, 'retiré', 'Retiré par ses auteurs.');
    case 'response.published':
      return responseItem(entry, context);
    case 'bill.imported':
      return { title: `Dossier importé : ${context.billTitle}`, summary: `Importé de La Fabrique de la loi (${textOf(payload.sourceRef)}).`, path: bill };
    case 'bill.reimported':
      return { title: 'Dossier mis à jour', summary: `Versions et étapes relues depuis La Fabrique de la loi (${textOf(payload.sourceRef)}).`, path: bill };
    case 'bill.created':
    default:
      return { title: `Nouveau dossier : ${typeof payload.title === 'string' ? payload.title : context.billTitle}`, summary: 'Le dossier est ouvert à la lecture et aux contributions.', path: bill };
  }
}

/** « Commission, Sénat »: the step's kind then its institution. */
function stepLabel(step: Step): string {
  const institution = institutions[step.institution] ?? step.institution;
  const kind = step.kind ? (stepKinds[step.kind] ?? step.kind) : null;
  return kind ? `${kind}, ${institution}` : institution;
}

function amendmentItem(entry: LedgerEvent, context: FeedContext, what: string, summary: string): FeedItem {
  const id = typeof entry.payload.amendmentId === 'string' ? entry.payload.amendmentId : null;
  const number = typeof entry.payload.number === 'string' ? entry.payload.number : id ? context.amendmentNumbers.get(id) : undefined;
  return {
    title: `${number ? `Amendement n° ${number}` : 'Amendement'} ${what}`,
    summary,
    path: `/bills/${encodeURIComponent(context.billId)}/amendments${id ? `/${encodeURIComponent(id)}` : ''}`,
  };
}

/** A deposit's exposé (else its dispositif), or the moderator's reason when the amendment is hidden. */
function depositSummary(entry: LedgerEvent): string {
  if (entry.redacted) return `Texte masqué par la modération. Motif : ${entry.redacted.reason}`;
  const text = [entry.payload.expose, entry.payload.text].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return text ? shorten(text) : 'Amendement déposé.';
}

function responseItem(entry: LedgerEvent, context: FeedContext): FeedItem {
  const target = entry.payload.target as { type?: unknown; id?: unknown } | undefined;
  const body = typeof entry.payload.body === 'string' ? shorten(entry.payload.body) : '';
  const replaces = entry.payload.replaces ? ' (remplace la réponse précédente)' : '';
  const bill = `/bills/${encodeURIComponent(context.billId)}`;
  if (target?.type === 'amendment' && typeof target.id === 'string') {
    const number = context.amendmentNumbers.get(target.id);
    const opinion = avis[textOf(entry.payload.avis)];
    return {
      title: `Réponse à l’amendement${number ? ` n° ${number}` : ''}${opinion ? ` : ${opinion}` : ''}${replaces}`,
      summary: body,
      path: `${bill}/amendments/${encodeURIComponent(target.id)}`,
    };
  }
  return { title: `Réponse à une question${replaces}`, summary: body, path: `${bill}/activity` };
}

/** A payload field as text ('' when it is not a string). */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function shorten(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= SUMMARY_MAX ? trimmed : `${trimmed.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
}
