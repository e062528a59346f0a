/**
 * What changed between two versions of a bill, article by article, word by word (DIFF3). Long diffs run on the
 * diff workers, never on the main thread (DIFF5).
 */
import type { VersionDiff } from '../../../shared/api/history.ts';
import type { Database } from '../../storage/database.ts';
import { getVersion } from '../bills/index.ts';
import { diffArticles } from './articleChanges.ts';

/** The per-article word diff from version `fromId` to version `toId` of a bill. */
export async function diffVersions(db: Database, billId: string, fromId: string, toId: string): Promise<VersionDiff> {
  const [from, to] = await Promise.all([getVersion(db, billId, fromId), getVersion(db, billId, toId)]);
  const { articles, counts } = await diffArticles(from.articles, to.articles);
  return { billId, from: fromId, to: toId, counts, articles };
}
