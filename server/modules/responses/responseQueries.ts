/**
 * Reading official answers, so that amendments and questions can show theirs.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AnswerableKind, Avis, OfficialResponse, ResponseTarget } from '../../../shared/api/responses.ts';
import type { Database } from '../../storage/database.ts';
import { responses, users } from '../../storage/schema.ts';
import { contributorColumns, contributorOf } from '../contributions/index.ts';

const columns = {
  id: responses.id,
  targetType: responses.targetType,
  targetId: responses.targetId,
  avis: responses.avis,
  body: responses.body,
  publishedAt: responses.updatedAt,
  author: contributorColumns,
};

function present(row: {
  id: string;
  targetType: string;
  targetId: string;
  avis: string | null;
  body: string;
  publishedAt: Date;
  author: Parameters<typeof contributorOf>[0];
}): OfficialResponse {
  return {
    id: row.id,
    target: { type: row.targetType as AnswerableKind, id: row.targetId },
    avis: row.avis as Avis | null,
    body: row.body,
    author: contributorOf(row.author),
    publishedAt: row.publishedAt.toISOString(),
  };
}

/** The current official answer to an amendment or a question, or null. */
export async function responseOf(db: Database, target: ResponseTarget): Promise<OfficialResponse | null> {
  const [row] = await db
    .select(columns)
    .from(responses)
    .innerJoin(users, eq(users.id, responses.authorId))
    .where(and(eq(responses.targetType, target.type), eq(responses.targetId, target.id)));
  return row ? present(row) : null;
}

/** The current answers to several amendments or questions, keyed by their id (absent: not answered). */
export async function responsesOf(db: Database, type: AnswerableKind, ids: readonly string[]): Promise<Map<string, OfficialResponse>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(columns)
    .from(responses)
    .innerJoin(users, eq(users.id, responses.authorId))
    .where(and(eq(responses.targetType, type), inArray(responses.targetId, [...ids])));
  return new Map(rows.map((row) => [row.targetId, present(row)]));
}
