/**
 * A bill's versions with their articles, read from the database a few at a time in procedure order, so that a
 * history of thousands of versions is never held in memory at once (HIST7). A read-only query of the bills tables,
 * as the history module's other reads are (through loadBillContent, which reads everything).
 */
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { VersionSummary } from '../../../shared/api/bills.ts';
import { InFlight, perDatabase } from '../../common/inFlight.ts';
import type { Database } from '../../storage/database.ts';
import { billSteps, versionArticles, versions } from '../../storage/schema.ts';
import type { ArticleText } from './articleChanges.ts';

/** A version and its articles in order. */
export interface VersionWithArticles {
  summary: VersionSummary;
  articles: ArticleText[];
}

// Streams of one bill started together ask for the same pages at the same time: they share each read.
const pagesInFlight = perDatabase<Database, InFlight<Page>>(() => new InFlight());

interface Page {
  versions: VersionWithArticles[];
  /** Position of the last version's step, where the next page starts. */
  last: number;
}

/**
 * The bill's versions in procedure order, `pageSize` per query at most; the first query reads one version, the next
 * two, and so on, so that the first is there at once even when many streams start together.
 */
export async function* versionsInOrder(db: Database, billId: string, pageSize: number): AsyncGenerator<VersionWithArticles> {
  let after = -1;
  for (let size = 1; ; size = Math.min(pageSize, size * 2)) {
    const page = await pagesInFlight(db).run(`${billId}\u0000${after}\u0000${size}`, () => readPage(db, billId, after, size));
    if (page.versions.length === 0) return;
    yield* page.versions;
    after = page.last;
  }
}

/** Up to `size` versions after the step at position `after`, with their articles. */
async function readPage(db: Database, billId: string, after: number, size: number): Promise<Page> {
  const page = await db
    .select({
      id: versions.id,
      title: versions.title,
      stepId: billSteps.id,
      stepKey: billSteps.key,
      stage: billSteps.stage,
      institution: billSteps.institution,
      kind: billSteps.kind,
      date: billSteps.date,
      position: billSteps.position,
    })
    // From the steps, so that the (bill, position) index gives the page directly.
    .from(billSteps)
    .innerJoin(versions, eq(versions.stepId, billSteps.id))
    .where(and(eq(billSteps.billId, billId), gt(billSteps.position, after)))
    .orderBy(asc(billSteps.position))
    .limit(size);
  if (page.length === 0) return { versions: [], last: after };
  const rows = await db
    .select({
      versionId: versionArticles.versionId,
      articleId: versionArticles.articleId,
      number: versionArticles.number,
      status: versionArticles.status,
      alineas: versionArticles.alineas,
      newNumber: versionArticles.newNumber,
    })
    .from(versionArticles)
    .where(
      inArray(
        versionArticles.versionId,
        page.map((version) => version.id),
      ),
    )
    .orderBy(asc(versionArticles.versionId), asc(versionArticles.position));
  const articlesOf = new Map<string, ArticleText[]>();
  for (const { versionId, ...article } of rows) {
    const list = articlesOf.get(versionId);
    if (list) list.push(article);
    else articlesOf.set(versionId, [article]);
  }
  const withArticles = page.map(({ position: _position, ...version }) => {
    const articles = articlesOf.get(version.id) ?? [];
    return { summary: { ...version, articleCount: articles.length }, articles };
  });
  return { versions: withArticles, last: (page.at(-1) as (typeof page)[number]).position };
}
