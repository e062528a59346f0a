/**
 * Who wrote each word of a version (BLAME1–BLAME4): the lineage walk over the bill's versions up to this one, then
 * the people and amendments it names. The walk is computed once per bill revision (its content head: a new version or
 * a re-import appends to the ledger, a vote does not count) and kept; names and badges are read at each request, so they are always current.
 */
import type { ArticleBlame, BlameRun, BlameStep, VersionBlame } from '../../../shared/api/blame.ts';
import type { Contributor } from '../../../shared/api/contributions.ts';
import type { VersionSummary } from '../../../shared/api/bills.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { getVersion, listVersions } from '../bills/index.ts';
import { diffTexts, RevisionCache } from '../history/index.ts';
import { contentHead } from '../ledger/index.ts';
import { type AmendmentCredit, amendmentCredits, contributorsById, loadVersionAttributions } from './blameQueries.ts';
import { type AttributedVersion, attributeVersion, type DiffAll, type LineageArticle, Origins, type Run } from './lineage.ts';

/** Each version's articles share this much time for their word diffs; what is left over is diffed coarsely (DIFF2). */
const VERSION_BUDGET_MS = 1_000;
// The history endpoints' diffs (DIFF5): short ones here, long ones on the diff workers, so a walk never holds the loop.
const diffAll: DiffAll = async (pairs) => (await diffTexts(pairs, VERSION_BUDGET_MS)).map((result) => result.parts);

/** An article of the version, attributed: its text as runs of origins. */
interface LineageOfArticle {
  articleId: string;
  number: string;
  newNumber: string | null;
  status: string | null;
  text: string;
  runs: Run[];
}

/** The walk's result for one version: the steps it went through, and the version's articles. */
interface VersionLineage {
  steps: BlameStep[];
  articles: LineageOfArticle[];
}

// A few recent walks, keyed by bill and version, each valid for one revision of its bill.
const cache = new RevisionCache<VersionLineage>(50);

const INSTITUTIONS: Record<string, string> = {
  assemblee: 'Assemblée nationale',
  senat: 'Sénat',
  CMP: 'Commission mixte paritaire',
  'congrès': 'Congrès',
  'conseil constitutionnel': 'Conseil constitutionnel',
  gouvernement: 'Gouvernement',
};
const KINDS: Record<string, string> = { depot: 'dépôt', commission: 'commission', hemicycle: 'séance publique' };

/** A step as readers name it: `1ère lecture · Sénat · commission`. */
export function stepLabel(step: Pick<VersionSummary, 'stage' | 'institution' | 'kind'>): string {
  return [step.stage, INSTITUTIONS[step.institution] ?? step.institution, step.kind === null ? null : (KINDS[step.kind] ?? step.kind)]
    .filter((part) => part !== null && part !== '')
    .join(' · ');
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Walks the bill's versions up to `versionId`, in procedure order, attributing every article's words. */
async function walkVersions(db: Database, billId: string, versionId: string): Promise<VersionLineage> {
  const summaries = await listVersions(db, billId);
  const last = summaries.findIndex((summary) => summary.id === versionId);
  if (last < 0) throw notFound(ErrorCode.versionNotFound, `Bill ${billId} has no version ${versionId}`);
  const chain = summaries.slice(0, last + 1);
  const stored = await loadVersionAttributions(
    db,
    chain.map((summary) => summary.id),
  );
  const origins = new Origins();
  let attributed: AttributedVersion | null = null;
  let articles: LineageOfArticle[] = [];
  for (const [step, summary] of chain.entries()) {
    // One version at a time: only the previous attribution and this text are held.
    const version = await getVersion(db, billId, summary.id);
    const spans = stored.get(summary.id);
    const inputs = version.articles.map((article): LineageArticle => {
      const text = article.alineas.join('\n');
      const own = spans?.get(article.articleId);
      return {
        articleId: article.articleId,
        lineageId: own?.docArticleId ?? null,
        text,
        // Spans are only ever read against the very text they were taken from.
        spans: own !== undefined && own.textLength === text.length ? own.spans : null,
      };
    });
    attributed = await attributeVersion(attributed, inputs, step, diffAll, origins);
    const current: AttributedVersion = attributed;
    articles = version.articles.map(({ articleId, number, newNumber, status }, i) => {
      const { text, runs } = current.articles[i] ?? { text: '', runs: [] };
      return { articleId, number, newNumber, status, text, runs };
    });
    // A long bill's walk leaves room for other requests between versions.
    await nextTurn();
  }
  return {
    steps: chain.map((summary) => ({ id: summary.stepId, key: summary.stepKey, versionId: summary.id, label: stepLabel(summary) })),
    articles,
  };
}

/** Every word of the version with the step, amendment and authors that introduced it. */
export async function getVersionBlame(db: Database, billId: string, versionId: string): Promise<VersionBlame> {
  const revision = await contentHead(db, billId);
  const lineage = await cache.get(`${billId}\u0000${versionId}`, revision, () => walkVersions(db, billId, versionId));
  const userIds = new Set<string>();
  const amendmentIds = new Set<string>();
  for (const article of lineage.articles) {
    for (const { origin } of article.runs) {
      const writer = origin.writer;
      if (writer === null) continue;
      if (writer.kind === 'user') userIds.add(writer.id);
      else amendmentIds.add(writer.id);
      if (writer.actorId !== null) userIds.add(writer.actorId);
    }
  }
  const [people, amendments] = await Promise.all([contributorsById(db, [...userIds]), amendmentCredits(db, [...amendmentIds])]);
  return { billId, versionId, articles: lineage.articles.map((article) => presentArticle(article, lineage.steps, people, amendments)) };
}

function presentArticle(
  article: LineageOfArticle,
  steps: readonly BlameStep[],
  people: ReadonlyMap<string, Contributor>,
  amendments: ReadonlyMap<string, AmendmentCredit>,
): ArticleBlame {
  const runs: BlameRun[] = [];
  let at = 0;
  for (const { length, origin } of article.runs) {
    const text = article.text.slice(at, at + length);
    at += length;
    const step = steps[origin.step] as BlameStep;
    const writer = origin.writer;
    let run: BlameRun = { text, step, amendment: null, authors: null, rapporteur: null };
    if (writer?.kind === 'user') {
      const person = people.get(writer.id);
      if (person) run = { ...run, authors: [person], rapporteur: { id: person.id, displayName: person.displayName } };
    } else if (writer?.kind === 'amendment') {
      const amendment = amendments.get(writer.id);
      const actor = writer.actorId === null ? undefined : people.get(writer.actorId);
      if (amendment) {
        run = {
          ...run,
          amendment: { id: amendment.id, number: amendment.number },
          authors: amendment.authors,
          rapporteur: actor ? { id: actor.id, displayName: actor.displayName } : null,
        };
      }
    }
    // Two origins can read the same (the writer's record is gone): one run then.
    const previous = runs.at(-1);
    if (previous !== undefined && sameAttribution(previous, run)) previous.text += run.text;
    else runs.push(run);
  }
  return { articleId: article.articleId, number: article.number, newNumber: article.newNumber, status: article.status, runs };
}

const idsOf = (people: readonly { id: string }[] | null) => (people === null ? null : people.map((person) => person.id).join(','));

function sameAttribution(a: BlameRun, b: BlameRun): boolean {
  return a.step.id === b.step.id && a.amendment?.id === b.amendment?.id && idsOf(a.authors) === idsOf(b.authors) && a.rapporteur?.id === b.rapporteur?.id;
}
