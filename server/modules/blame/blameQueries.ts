/**
 * What blame reads and writes: the writers' spans stored with versions published from the live text, and the
 * people and amendments attributions name.
 */
import { inArray } from 'drizzle-orm';
import type { Contributor } from '../../../shared/api/contributions.ts';
import type { Database } from '../../storage/database.ts';
import { amendments, users, versionAttributions } from '../../storage/schema.ts';
import type { StoredSpan } from '../../storage/schema/attribution.ts';
import { authorsOf } from '../amendments/index.ts';
import { contributorColumns, contributorOf } from '../contributions/index.ts';

/** An article's stored attribution in one version. */
export interface StoredAttribution {
  docArticleId: string;
  textLength: number;
  spans: StoredSpan[];
}

/** Stores, inside the caller's transaction, the attribution of each article of a version just published. */
export async function saveVersionAttributions(tx: Database, versionId: string, articles: readonly ({ articleId: string } & StoredAttribution)[]): Promise<void> {
  if (articles.length === 0) return;
  await tx.insert(versionAttributions).values(articles.map((article) => ({ versionId, ...article })));
}

/** The stored attributions of these versions: version id → article id → attribution. */
export async function loadVersionAttributions(db: Database, versionIds: readonly string[]): Promise<Map<string, Map<string, StoredAttribution>>> {
  const byVersion = new Map<string, Map<string, StoredAttribution>>();
  if (versionIds.length === 0) return byVersion;
  const rows = await db.select().from(versionAttributions).where(inArray(versionAttributions.versionId, [...versionIds]));
  for (const { versionId, articleId, docArticleId, textLength, spans } of rows) {
    let articles = byVersion.get(versionId);
    if (articles === undefined) {
      articles = new Map<string, StoredAttribution>();
      byVersion.set(versionId, articles);
    }
    articles.set(articleId, { docArticleId, textLength, spans });
  }
  return byVersion;
}

/** The users with these ids, as contributors (name and badge). */
export async function contributorsById(db: Database, ids: readonly string[]): Promise<Map<string, Contributor>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select(contributorColumns).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.map((row) => [row.id, contributorOf(row)]));
}

/** An amendment as blame names it: its number and its authors (first author first; invitations not accepted left out). */
export interface AmendmentCredit {
  id: string;
  number: string | null;
  authors: Contributor[];
}

/** The amendments with these ids. */
export async function amendmentCredits(db: Database, ids: readonly string[]): Promise<Map<string, AmendmentCredit>> {
  if (ids.length === 0) return new Map();
  const [rows, authors] = await Promise.all([
    db.select({ id: amendments.id, number: amendments.number }).from(amendments).where(inArray(amendments.id, [...ids])),
    authorsOf(db, [...ids]),
  ]);
  return new Map(
    rows.map(({ id, number }) => [
      id,
      { id, number, authors: (authors.get(id) ?? []).filter((author) => author.status !== 'invited').map((author) => author.user) },
    ]),
  );
}
