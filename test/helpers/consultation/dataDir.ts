/**
 * Where the République numérique consultation data lives for tests and benchmarks ($REPUBLIQUE_NUMERIQUE_DIR, or
 * ../shared/data/republique-numerique/consultation beside the repository). It is read at run time and never copied
 * into the repository; suites skip, saying why, when it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Directory holding `derived/` and `lucas-c_republique-numerique-stats/`. */
export const CONSULTATION_DATA_DIR =
  process.env.REPUBLIQUE_NUMERIQUE_DIR ?? path.resolve(REPO_ROOT, '../shared/data/republique-numerique/consultation');

/** The draft bill, in La Fabrique's texte.json-like form. */
export const draftTextFile = (dir: string) => path.join(dir, 'derived', 'avant-projet_consultation_texte.json');

/** The folder of one JSON file per opinion (`<id>.json`). */
export const opinionsDir = (dir: string) => path.join(dir, 'lucas-c_republique-numerique-stats', 'opinions_pseudonymised');

/** Why the consultation data tests must be skipped, or null when its files are there. */
export function missingConsultationReason(dir = CONSULTATION_DATA_DIR): string | null {
  const missing = [draftTextFile(dir), opinionsDir(dir)].find((file) => !existsSync(file));
  if (missing === undefined) return null;
  return `République numérique consultation data not found at ${missing} (set REPUBLIQUE_NUMERIQUE_DIR): data tests skipped`;
}
