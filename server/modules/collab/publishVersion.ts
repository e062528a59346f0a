/**
 * A rapporteur publishes the live working text as the version of a new legislative step. The text is read
 * from the stored document (every update there is committed, and exactly what clients were shown), so the
 * history and the live text tell one story. Who wrote which characters of it is stored with it (blame).
 */
import * as Y from 'yjs';
import type { Version } from '../../../shared/api/bills.ts';
import type { PublishVersionBody } from '../../../shared/api/collab.ts';
import { formatDocumentName } from '../../../shared/collab/documentName.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { BillId } from '../../../shared/ids.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError, forbidden } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import { checkBillDocument, readBillDocument } from '../../../shared/collab/billDocument.ts';
import type { DocumentStore } from '../../collab/store/documentStore.ts';
import type { Database } from '../../storage/database.ts';
import { appendStep, articleIdOf, assertBillExists, getLatestVersion, getVersion, type TextContent } from '../bills/index.ts';
import { attributeLiveText, type LiveArticleAttribution, saveVersionAttributions } from '../blame/index.ts';
import { type EntriesPublished, ignoreEntries, recordChange } from '../ledger/index.ts';
import { canWriteBill } from '../users/index.ts';

/** Publishes the bill's working text as a new step's version; returns that version. */
export async function publishVersion(
  db: Database,
  store: DocumentStore,
  actor: Actor,
  billId: string,
  body: PublishVersionBody,
  published: EntriesPublished = ignoreEntries,
): Promise<Version> {
  const user = requireUser(actor);
  await assertBillExists(db, billId);
  if (!(await canWriteBill(db, user.id, billId))) throw forbidden('Only a rapporteur of this bill may publish its versions.');
  const latest = await getLatestVersion(db, billId);
  const { text, attributions } = await workingText(store, billId, latest, body.title);
  const step = await recordChange(db, published, billId, async (tx, record) => {
    const appended = await appendStep(
      tx,
      billId,
      { stage: body.stage, institution: body.institution, kind: body.kind, date: body.date, endDate: body.date, echec: null, decision: null, sourceUrl: null, amendmentCount: null, extra: {} },
      text,
    );
    await saveVersionAttributions(
      tx,
      appended.versionId,
      attributions.map((attribution, i) => ({ articleId: articleIdOf(billId, text.articles[i]?.number ?? ''), ...attribution })),
    );
    await record('version.published', user.id, { stepKey: appended.stepKey, versionId: appended.versionId, digest: appended.digest, articles: text.articles.length });
    return appended;
  });
  return getVersion(db, billId, step.versionId);
}

/**
 * The working text: the stored document if it was ever opened, else the latest version unchanged; with, for a
 * document, who wrote the characters of each article (one per article, in order).
 */
async function workingText(
  store: DocumentStore,
  billId: string,
  latest: Version | null,
  title: string,
): Promise<{ text: TextContent; attributions: LiveArticleAttribution[] }> {
  const name = formatDocumentName({ kind: 'bill', billId: billId as BillId });
  const stored = await store.load(name);
  const base = { title, sourceUrl: null, expose: '', metadata: {}, sections: latest?.sections ?? [] };
  if (stored.snapshot === null && stored.updates.length === 0) {
    const articles = (latest?.articles ?? []).map(({ number, sectionKey, status, alineas }) => ({ number, sectionKey, status, alineas, links: [], newNumber: null }));
    return { text: { ...base, articles }, attributions: [] };
  }
  // Read after the document: owners are recorded with the commit that first used their client id, so every client
  // id of what was loaded has its owner here.
  const owners = await store.authors(name);
  const doc = new Y.Doc();
  try {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    const problems = checkBillDocument(doc);
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.validationFailed, 'The working text is not a well-formed bill; fix it before publishing.', {
        errors: problems.map((p) => ({ path: p.at, message: p.problem })),
      });
    }
    const text = {
      ...base,
      articles: readBillDocument(doc).map((article) => ({
        number: article.number,
        sectionKey: article.sectionKey,
        status: article.status,
        alineas: article.alineas,
        links: [],
        newNumber: null,
      })),
    };
    return { text, attributions: attributeLiveText(doc, owners) };
  } finally {
    doc.destroy();
  }
}
