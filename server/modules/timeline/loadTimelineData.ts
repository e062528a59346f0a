/**
 * What the timeline and the amendment counts are computed from: the bill's content (steps, texts, groups) and its
 * tabled amendments, each with the subject La Fabrique would file it under ("Article 2", "Après l'article 5").
 * Imported amendments carry their subject; a live one's is derived from its target.
 */
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { type Origin, OriginSchema } from '../../../shared/api/amendments.ts';
import { type TabledStatus, TabledStatusSchema } from '../../../shared/api/timeline.ts';
import type { Database } from '../../storage/database.ts';
import { amendments, articles } from '../../storage/schema.ts';
import { loadBillContent, type StoredBillContent } from '../bills/index.ts';

/** La Fabrique's group name for the government's amendments. */
export const GOVERNMENT_GROUP = 'Gouvernement';

/** A tabled amendment, reduced to what is counted. */
export interface TabledAmendment {
  stepId: string;
  status: TabledStatus;
  origin: Origin;
  group: string | null;
  subject: string;
  subjectOrder: number | null;
  articleNumber: string | null;
}

/** A bill's content and its tabled amendments. */
export interface TimelineData {
  bill: StoredBillContent;
  amendments: TabledAmendment[];
}

type AmendmentRow = Pick<
  typeof amendments.$inferSelect,
  'id' | 'stepId' | 'status' | 'origin' | 'groupCode' | 'subject' | 'subjectOrder' | 'articleNumber' | 'kind' | 'articleId' | 'afterArticleId' | 'parentId'
>;

/** Loads the bill (404 `bill_not_found` when unknown) and its amendments that were tabled (deposited or imported). */
export async function loadTimelineData(db: Database, billId: string): Promise<TimelineData> {
  const bill = await loadBillContent(db, billId);
  const [rows, articleRows] = await Promise.all([
    db
      .select({
        id: amendments.id,
        stepId: amendments.stepId,
        status: amendments.status,
        origin: amendments.origin,
        groupCode: amendments.groupCode,
        subject: amendments.subject,
        subjectOrder: amendments.subjectOrder,
        articleNumber: amendments.articleNumber,
        kind: amendments.kind,
        articleId: amendments.articleId,
        afterArticleId: amendments.afterArticleId,
        parentId: amendments.parentId,
      })
      .from(amendments)
      // A draft withdrawn before deposit never reached a step: it was never tabled either.
      .where(and(eq(amendments.billId, billId), isNotNull(amendments.stepId), ne(amendments.status, 'draft'))),
    db.select({ id: articles.id, number: articles.number }).from(articles).where(eq(articles.billId, billId)),
  ]);
  const numbers = new Map(articleRows.map((row) => [row.id, row.number]));
  const firstNumberOf = new Map(bill.steps.map((step) => [step.id, step.text?.articles[0]?.number ?? null]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const subjectOf = (row: AmendmentRow, depth = 0): { subject: string; articleNumber: string | null } => {
    if (row.origin === 'imported') return { subject: row.subject ?? '', articleNumber: row.articleNumber };
    return liveSubject(row, numbers, firstNumberOf.get(row.stepId ?? '') ?? null, (parentId) => {
      const parent = byId.get(parentId);
      return parent && depth < 3 ? subjectOf(parent, depth + 1) : null;
    });
  };
  return {
    bill,
    amendments: rows.flatMap((row) => {
      const status = TabledStatusSchema.safeParse(row.status);
      if (!status.success || row.stepId === null) return [];
      const imported = row.origin === 'imported';
      return [
        {
          stepId: row.stepId,
          status: status.data,
          origin: imported ? importedOrigin(row.groupCode) : (OriginSchema.safeParse(row.origin).data ?? 'citizen'),
          group: row.groupCode,
          ...subjectOf(row),
          subjectOrder: imported ? row.subjectOrder : null,
        },
      ];
    }),
  };
}

/** La Fabrique names the government as a group; every other imported amendment comes from parliamentarians. */
const importedOrigin = (group: string | null): Origin => (group === GOVERNMENT_GROUP ? 'government' : 'parliamentarian');

/** The subject an assembly would file a live amendment under; a sous-amendement goes with its parent. */
function liveSubject(
  row: AmendmentRow,
  numbers: ReadonlyMap<string, string>,
  firstNumber: string | null,
  parentSubject: (parentId: string) => { subject: string; articleNumber: string | null } | null,
): { subject: string; articleNumber: string | null } {
  if (row.kind === 'sub_amendment') return (row.parentId && parentSubject(row.parentId)) || { subject: 'Sous-amendement', articleNumber: null };
  if (row.kind === 'add_article') {
    if (row.afterArticleId === null) return { subject: `Avant l'article ${firstNumber ?? '1er'}`, articleNumber: null };
    const after = numbers.get(row.afterArticleId);
    return { subject: after ? `Après l'article ${after}` : 'Article additionnel', articleNumber: null };
  }
  const number = (row.articleId && numbers.get(row.articleId)) || row.articleNumber;
  return number ? { subject: `Article ${number}`, articleNumber: number } : { subject: 'Texte', articleNumber: null };
}
