/**
 * A bill in La Fabrique de la loi's own file layout (EXPORT4): the paths it has, and each file made on demand from
 * what is stored, checked against the very schemas the importer reads them with (files.ts), so what we write we can
 * read back. Files are written as La Fabrique writes them: keys sorted, two-space indentation.
 */
import type { z } from 'zod';
import { ErrorCode } from '../../../shared/errors.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { loadBillContent } from '../bills/index.ts';
import { articleHistoriesOf, getBillStats } from '../history/index.ts';
import { contentHead } from '../ledger/index.ts';
import { AmendmentsFile, InterventionsFile, ProcedureFile, TextFile } from './files.ts';
import { amendmentsPath, INTERVENTIONS_PATH, PROCEDURE_PATH, textPath } from './readBill.ts';
import { amendmentsByStep, amendmentsFile, articlesEtapesFile, interventionsFile, procedureFile, textFile } from './toLaFabrique.ts';

/** Path of the per-article history file, which the importer does not read (it is recomputed from the texts). */
export const ARTICLES_ETAPES_PATH = 'viz/articles_etapes.json';

type Json = Record<string, unknown>;

/** A bill's La Fabrique files. */
export interface LaFabriqueExport {
  billId: string;
  /** Every file the bill has, procedure first, then each step's text and amendments in procedure order. */
  paths: string[];
  /** The file at `path` (one of `paths`); throws a not-found problem for any other path. */
  file(path: string): Promise<Json>;
}

function checked(schema: z.ZodType, path: string, value: Json): Json {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`La Fabrique export of ${path} does not pass the importer’s schema: ${parsed.error.message}`);
  return value;
}

/** Opens the La Fabrique export of a bill; throws bill_not_found. */
export async function openLaFabriqueExport(db: Database, billId: string): Promise<LaFabriqueExport> {
  // Read before the content, so the history cached for this revision is never older than it.
  const revision = await contentHead(db, billId);
  const content = await loadBillContent(db, billId);
  const tabled = amendmentsByStep(content);
  const interventions = interventionsFile(content);
  const makers = new Map<string, () => Promise<Json>>();
  makers.set(PROCEDURE_PATH, async () => checked(ProcedureFile, PROCEDURE_PATH, procedureFile(content, (await getBillStats(db, billId)).lafabrique)));
  makers.set(ARTICLES_ETAPES_PATH, async () => {
    return articlesEtapesFile(content, await articleHistoriesOf(billId, revision, content));
  });
  for (const step of content.steps) {
    const { text } = step;
    if (text) makers.set(textPath(step.key), () => Promise.resolve(checked(TextFile, textPath(step.key), textFile(text))));
    const amendments = tabled.get(step.key);
    if (amendments) {
      const path = amendmentsPath(step.key);
      makers.set(path, () => Promise.resolve(checked(AmendmentsFile, path, amendmentsFile(content, step.key, amendments))));
    }
  }
  if (interventions) makers.set(INTERVENTIONS_PATH, () => Promise.resolve(checked(InterventionsFile, INTERVENTIONS_PATH, interventions)));
  return {
    billId,
    paths: [...makers.keys()],
    file(path) {
      const make = makers.get(path);
      if (make === undefined) throw notFound(ErrorCode.routeNotFound, `Bill ${billId} has no La Fabrique file ${path}`);
      return make();
    },
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Json)[key])]),
  );
}

/** A file's text as La Fabrique writes it: keys sorted at every depth, two-space indentation. */
export function laFabriqueJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
