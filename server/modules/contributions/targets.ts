/**
 * What votes, arguments and sources can be about, checked inside the change's transaction: an article of the
 * bill, a deposited (public) amendment of the bill, or a visible argument of the bill.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { TargetType } from '../../../shared/api/contributions.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { type DomainError, notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { amendments, articles, debateArguments } from '../../storage/schema.ts';

/** A target of a vote, an argument or a source. */
export interface Target {
  type: TargetType;
  id: string;
}

/** Throws article_not_found unless the article belongs to the bill. */
export async function assertArticleOfBill(tx: Database, billId: string, articleId: string): Promise<void> {
  const [row] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.billId, billId)));
  if (!row) throw notFound(ErrorCode.articleNotFound, `No article ${articleId} in this bill`);
}

/** Throws amendment_not_found unless the amendment belongs to the bill and is public (no longer a draft). */
export async function assertPublicAmendmentOfBill(tx: Database, billId: string, amendmentId: string): Promise<void> {
  const [row] = await tx
    .select({ id: amendments.id })
    .from(amendments)
    .where(and(eq(amendments.id, amendmentId), eq(amendments.billId, billId), ne(amendments.status, 'draft')));
  if (!row) throw notFound(ErrorCode.amendmentNotFound, `No amendment ${amendmentId} in this bill`);
}

/** Throws the target's not-found error unless it belongs to the bill and can be discussed. */
export async function assertTarget(tx: Database, billId: string, target: Target): Promise<void> {
  switch (target.type) {
    case 'article':
      return assertArticleOfBill(tx, billId, target.id);
    case 'amendment':
      return assertPublicAmendmentOfBill(tx, billId, target.id);
    case 'argument': {
      const [row] = await tx
        .select({ id: debateArguments.id })
        .from(debateArguments)
        .where(and(eq(debateArguments.id, target.id), eq(debateArguments.billId, billId)));
      if (!row) throw notFound(ErrorCode.argumentNotFound, `No argument ${target.id} in this bill`);
      return;
    }
  }
}

/** A target's key in maps: `type:id`. */
export const targetKey = (target: Target): string => `${target.type}:${target.id}`;

/**
 * Checks many targets with one query per type (a group commit's votes): the not-found error of each target that
 * does not belong to the bill or cannot be discussed, keyed by `targetKey`; targets that pass are absent.
 */
export async function unknownTargets(tx: Database, billId: string, targets: readonly Target[]): Promise<Map<string, DomainError>> {
  const idsOf = (type: TargetType) => [...new Set(targets.filter((target) => target.type === type).map((target) => target.id))];
  const found = async (type: TargetType): Promise<Set<string>> => {
    const ids = idsOf(type);
    if (ids.length === 0) return new Set();
    const rows =
      type === 'article'
        ? await tx.select({ id: articles.id }).from(articles).where(and(inArray(articles.id, ids), eq(articles.billId, billId)))
        : type === 'amendment'
          ? await tx
              .select({ id: amendments.id })
              .from(amendments)
              .where(and(inArray(amendments.id, ids), eq(amendments.billId, billId), ne(amendments.status, 'draft')))
          : await tx
              .select({ id: debateArguments.id })
              .from(debateArguments)
              .where(and(inArray(debateArguments.id, ids), eq(debateArguments.billId, billId)));
    return new Set(rows.map((row) => row.id));
  };
  // One after the other: a transaction is one connection.
  const existing: Record<TargetType, Set<string>> = { article: await found('article'), amendment: await found('amendment'), argument: await found('argument') };
  const errors = new Map<string, DomainError>();
  for (const target of targets) {
    if (existing[target.type].has(target.id)) continue;
    errors.set(targetKey(target), notFoundError(target));
  }
  return errors;
}

function notFoundError(target: Target): DomainError {
  switch (target.type) {
    case 'article':
      return notFound(ErrorCode.articleNotFound, `No article ${target.id} in this bill`);
    case 'amendment':
      return notFound(ErrorCode.amendmentNotFound, `No amendment ${target.id} in this bill`);
    case 'argument':
      return notFound(ErrorCode.argumentNotFound, `No argument ${target.id} in this bill`);
  }
}
