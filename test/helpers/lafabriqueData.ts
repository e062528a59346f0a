/**
 * Where the real La Fabrique de la loi data lives for tests ($LAFABRIQUE_DATA_DIR, or ../shared/data/lafabrique
 * beside the repository), read at run time and never copied into the repository; tests skip, saying why, when
 * it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { procedureOf } from '../../server/modules/history/procedureOf.ts';
import type { Procedure } from '../../server/modules/history/lafabrique/types.ts';
import { directorySource } from '../../server/modules/lafabrique/index.ts';
import { readLaFabriqueBill } from '../../server/modules/lafabrique/readBill.ts';
import { toBillContent } from '../../server/modules/lafabrique/toBillContent.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Directory holding La Fabrique bills. */
export const LAFABRIQUE_DATA_DIR = process.env.LAFABRIQUE_DATA_DIR ?? path.resolve(REPO_ROOT, '../shared/data/lafabrique');

/** Why the data tests of a bill must be skipped, or null when its files are there. */
export function missingBillReason(bill: string): string | null {
  const file = path.join(LAFABRIQUE_DATA_DIR, bill, 'viz', 'procedure.json');
  if (existsSync(file)) return null;
  return `La Fabrique data for ${bill} not found at ${file} (set LAFABRIQUE_DATA_DIR): data tests skipped`;
}

/** Parses a JSON file of the bill directory. */
export function readBillJson<T = unknown>(bill: string, ...parts: string[]): T {
  return JSON.parse(readFileSync(path.join(LAFABRIQUE_DATA_DIR, bill, ...parts), 'utf8')) as T;
}

/** The bill's procedure as the server sees it: read and validated by the real importer, mapped as stored. */
export async function loadProcedure(bill: string): Promise<Procedure> {
  return procedureOf(toBillContent(await readLaFabriqueBill(directorySource(path.join(LAFABRIQUE_DATA_DIR, bill)))));
}
