/**
 * The Akoma Ntoso export's use cases: read a version or an amendment through the bills' and amendments' use cases,
 * build its document, and (for the command line) write a bill's versions and public amendments as files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Amendment } from '../../../shared/api/amendments.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError, notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { getAmendment, listAmendments } from '../amendments/index.ts';
import { getBill, getLatestVersion, getVersion, listVersions } from '../bills/index.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { amendmentName, renderAmendment } from './amendmentDocument.ts';
import { renderBillVersion } from './billDocument.ts';
import { slug } from './frbr.ts';

/** A version of a bill as Akoma Ntoso XML; bill_not_found / version_not_found otherwise. */
export async function versionXml(db: Database, billId: string, versionId: string): Promise<string> {
  const version = await getVersion(db, billId, versionId);
  const [bill, versions] = await Promise.all([getBill(db, billId), listVersions(db, billId)]);
  return renderBillVersion({ bill, versions, version, generated: new Date().toISOString() });
}

/** What amendment documents are built against: the bill, its versions, the latest one. */
async function amendmentContext(db: Database, billId: string) {
  const [bill, versions, reference] = await Promise.all([getBill(db, billId), listVersions(db, billId), getLatestVersion(db, billId)]);
  if (reference === null) throw notFound(ErrorCode.versionNotFound, `Bill ${billId} has no version to amend`);
  return { bill, versions, reference, generated: new Date().toISOString() };
}

/** An amendment as Akoma Ntoso XML, as the actor may see it (a draft only for its authors). */
export async function amendmentXml(deps: DeliberationDeps, actor: Actor, billId: string, amendmentId: string): Promise<string> {
  const amendment = await getAmendment(deps, actor, billId, amendmentId);
  // A sous-amendement's parent the reader may not see (another's draft) is left out, not an error.
  const parent = amendment.parentId
    ? await getAmendment(deps, actor, billId, amendment.parentId).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === ErrorCode.amendmentNotFound) return null;
        throw error;
      })
    : null;
  return renderAmendment({ ...(await amendmentContext(deps.db, billId)), amendment, parent });
}

/** What {@link writeAkomaNtosoFiles} wrote. */
export interface AknFilesSummary {
  directory: string;
  versions: string[];
  amendments: string[];
}

/**
 * Writes the bill's versions (`versions/00-<step>.xml`, in procedure order) and its public amendments
 * (`amendments/<number>.xml`; an imported one `<number>-<id>.xml`, assemblies number per step) under `directory`,
 * for `npm run export`.
 */
export async function writeAkomaNtosoFiles(deps: DeliberationDeps, billId: string, directory: string): Promise<AknFilesSummary> {
  const context = await amendmentContext(deps.db, billId);
  const written: AknFilesSummary = { directory, versions: [], amendments: [] };
  await mkdir(path.join(directory, 'versions'), { recursive: true });
  for (const [index, summary] of context.versions.entries()) {
    const version = await getVersion(deps.db, billId, summary.id);
    // Step keys start with their position already (`04_1erelecture_senat_commission`): numbered once, in order.
    const file = path.join('versions', `${String(index).padStart(2, '0')}-${slug(summary.stepKey.replace(/^\d+_/, ''))}.xml`);
    await writeFile(path.join(directory, file), renderBillVersion({ ...context, version }));
    written.versions.push(file);
  }
  const amendments = await listAmendments(deps, null, billId, {});
  const byId = new Map<string, Amendment>(amendments.map((amendment) => [amendment.id, amendment]));
  if (amendments.length > 0) await mkdir(path.join(directory, 'amendments'), { recursive: true });
  for (const amendment of amendments) {
    const file = path.join('amendments', `${slug(amendmentName(amendment))}.xml`);
    const parent = amendment.parentId ? (byId.get(amendment.parentId) ?? null) : null;
    await writeFile(path.join(directory, file), renderAmendment({ ...context, amendment, parent }));
    written.amendments.push(file);
  }
  return written;
}
