/**
 * An admin creates a bill with the text it was tabled with (its dépôt), as the first version.
 */
import { eq } from 'drizzle-orm';
import type { CreateBillBody } from '../../../shared/api/bills.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError } from '../../common/errors.ts';
import { requireAdmin } from '../../common/guards.ts';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../storage/database.ts';
import { bills } from '../../storage/schema.ts';
import { appendEvent } from '../ledger/index.ts';
import type { BillContent } from './billContent.ts';
import { saveBillContent } from './saveBillContent.ts';
import { lockSourceRef } from './sourceRefLock.ts';

/** Builds the content of a new bill from what the admin submitted. */
export function newBillContent(body: CreateBillBody): BillContent {
  const { depot } = body;
  return {
    sourceRef: body.sourceRef,
    title: body.title,
    shortTitle: body.shortTitle,
    lawName: null,
    loiDite: null,
    proposalType: body.proposalType,
    beginning: depot.date,
    end: null,
    urgence: false,
    metadata: {},
    steps: [
      {
        key: `00_1erelecture_${depot.institution}_depot`,
        stage: '1ère lecture',
        institution: depot.institution,
        kind: 'depot',
        date: depot.date,
        endDate: depot.date,
        debatsOrder: 0,
        echec: null,
        decision: null,
        sourceUrl: depot.sourceUrl,
        amendmentCount: null,
        extra: {},
        text: {
          title: body.title,
          sourceUrl: depot.sourceUrl,
          expose: depot.expose,
          metadata: {},
          sections: depot.sections.map((section) => ({ ...section, newKey: null })),
          articles: depot.articles.map((article) => ({ ...article, links: [], newNumber: null })),
        },
        debates: null,
      },
    ],
    groups: [],
    amendments: [],
  };
}

/** Creates the bill and records it in its ledger; returns its id. */
export async function createBill(db: Database, actor: Actor, body: CreateBillBody): Promise<string> {
  const admin = requireAdmin(actor);
  const numbers = body.depot.articles.map((article) => article.number);
  const duplicate = numbers.find((number, i) => numbers.indexOf(number) !== i);
  if (duplicate !== undefined) {
    throw new DomainError(ErrorCode.validationFailed, `Article ${duplicate} appears twice`, {
      errors: [{ path: 'depot.articles', message: `article number ${duplicate} appears twice` }],
    });
  }
  const billId = newId();
  await db.transaction(async (tx) => {
    if (body.sourceRef !== null) {
      await lockSourceRef(tx, body.sourceRef);
      const [taken] = await tx.select({ id: bills.id }).from(bills).where(eq(bills.sourceRef, body.sourceRef));
      if (taken) throw new DomainError(ErrorCode.sourceRefTaken, `Bill ${taken.id} already has source reference ${body.sourceRef}`);
    }
    const summary = await saveBillContent(tx, billId, newBillContent(body));
    await appendEvent(tx, { billId, type: 'bill.created', actorId: admin.id, payload: { title: body.title, ...summary } });
  });
  return billId;
}
