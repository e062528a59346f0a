/**
 * Where an adopted amendment's change landed (TRACE2): the first version published after the ledger recorded the
 * change applied to the live text (`amendment.applied`), in publication order (ledger `seq`), since a version is a
 * snapshot of the live text as published. An imported amendment has no such record: its change is in the version
 * its step produced, if the step produced one.
 */
import type { LedgerEvent } from '../../../shared/api/ledger.ts';
import type { LandingVersion } from '../../../shared/api/lineage.ts';
import type { Database } from '../../storage/database.ts';
import { listVersions } from '../bills/index.ts';
import { entriesAbout } from '../ledger/index.ts';
import type { Subject } from './lineageQueries.ts';

/** The ledger entry recording an adopted amendment's change applied to the live text. */
export const APPLIED = 'amendment.applied';
const PUBLISHED = 'version.published';

/** The version each adopted amendment of `subjects` landed in (absent: none yet, or not adopted); `entriesOf` its entries. */
export async function landingsOf(db: Database, subjects: readonly Subject[], entriesOf: (id: string) => readonly LedgerEvent[]): Promise<Map<string, LandingVersion>> {
  const applied = new Map<string, LedgerEvent>();
  const imported: Subject[] = [];
  for (const subject of subjects) {
    if (subject.amendment?.status !== 'adopted') continue;
    if (subject.amendment.kind === null) {
      if (subject.amendment.stepId !== null) imported.push(subject);
      continue;
    }
    const entry = entriesOf(subject.id).findLast((candidate) => candidate.type === APPLIED);
    if (entry) applied.set(subject.id, entry);
  }
  const publishedBills = [...new Set(subjects.filter((subject) => applied.has(subject.id)).map((subject) => subject.billId))];
  const publications = await entriesAbout(db, { billIds: publishedBills, types: [PUBLISHED] });
  const firstAfter = new Map<string, LedgerEvent>();
  for (const [id, entry] of applied) {
    // Entries are in seq order within each bill.
    const publication = publications.find((candidate) => candidate.billId === entry.billId && candidate.seq > entry.seq);
    if (publication) firstAfter.set(id, publication);
  }
  const billsToRead = [...new Set([...firstAfter.values()].map((entry) => entry.billId).concat(imported.map((subject) => subject.billId)))];
  const versionsOf = new Map(await Promise.all(billsToRead.map(async (billId) => [billId, await listVersions(db, billId)] as const)));
  const landings = new Map<string, LandingVersion>();
  for (const [id, publication] of firstAfter) {
    const version = versionsOf.get(publication.billId)?.find((candidate) => candidate.id === publication.payload.versionId);
    if (version) landings.set(id, { ...landingOf(version), publishedAt: publication.createdAt, via: 'publication' });
  }
  for (const subject of imported) {
    const version = versionsOf.get(subject.billId)?.find((candidate) => candidate.stepId === subject.amendment?.stepId);
    if (version) landings.set(subject.id, { ...landingOf(version), publishedAt: null, via: 'step' });
  }
  return landings;
}

type VersionSummary = Awaited<ReturnType<typeof listVersions>>[number];

function landingOf(version: VersionSummary): Omit<LandingVersion, 'publishedAt' | 'via'> {
  const { id, stepId, title, stage, institution, kind, date } = version;
  return { versionId: id, stepId, title, stage, institution, kind, date };
}
