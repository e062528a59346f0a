// Test-only loader: reads a La Fabrique bill directory (the-law-factory-parser output) into the
// neutral `Procedure`. Deliberately minimal and unvalidated (the real importer validates with zod);
// the data is read at run time from LAFABRIQUE_DATA_DIR and never copied into the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Procedure, ProcedureArticle, ProcedureStep, StepDebates } from './types.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Directory holding La Fabrique bills: $LAFABRIQUE_DATA_DIR or ../shared/data/lafabrique beside the repository. */
export const LAFABRIQUE_DATA_DIR = process.env.LAFABRIQUE_DATA_DIR ?? path.resolve(REPO_ROOT, '../shared/data/lafabrique');

/** Why the data tests of a bill must be skipped, or null when its files are there. */
export function missingBillReason(bill: string): string | null {
  const file = path.join(LAFABRIQUE_DATA_DIR, bill, 'viz', 'procedure.json');
  if (existsSync(file)) return null;
  return `La Fabrique data for ${bill} not found at ${file} (set LAFABRIQUE_DATA_DIR): data tests skipped`;
}

/** Parse a JSON file of the bill directory. */
export function readBillJson<T = unknown>(bill: string, ...parts: string[]): T {
  return JSON.parse(readFileSync(path.join(LAFABRIQUE_DATA_DIR, bill, ...parts), 'utf8')) as T;
}

interface RawArticle {
  titre: string;
  statut?: string | null;
  alineas: Record<string, string>;
  newtitre?: string | null;
  section?: string | null;
}

interface RawStep {
  directory: string;
  stage: string;
  institution: string;
  step?: string | null;
  date?: string | null;
  enddate?: string | null;
  debats_order?: number | null;
  echec?: string | null;
  decision?: string | null;
  source_url?: string | null;
  in_discussion?: boolean | null;
}

interface RawAmendments {
  sujets?: Record<string, { amendements?: { groupe?: string | null; sort: string }[] }>;
}

interface RawDebates {
  total_seances: number;
  orateurs: Record<string, unknown>;
  divisions: Record<string, { total_intervs: number; total_mots: number }>;
}

function toArticle(raw: RawArticle): ProcedureArticle {
  const keys = Object.keys(raw.alineas).sort();
  return {
    number: raw.titre,
    status: raw.statut ?? null,
    alineas: keys.map((k) => raw.alineas[k]!),
    newNumber: raw.newtitre ?? null,
    sectionKey: raw.section ?? null,
  };
}

function toStep(bill: string, raw: RawStep): ProcedureStep {
  const textParts = ['procedure', raw.directory, 'texte', 'texte.json'];
  const hasText = existsSync(path.join(LAFABRIQUE_DATA_DIR, bill, ...textParts));
  return {
    directory: raw.directory,
    stage: raw.stage,
    institution: raw.institution,
    kind: raw.step ?? null,
    date: raw.date ?? null,
    endDate: raw.enddate ?? null,
    debatsOrder: raw.debats_order ?? null,
    echec: raw.echec ?? null,
    decision: raw.decision ?? null,
    sourceUrl: raw.source_url ?? null,
    inDiscussion: raw.in_discussion ?? false,
    text: hasText ? { articles: readBillJson<{ articles: RawArticle[] }>(bill, ...textParts).articles.map(toArticle) } : null,
  };
}

/** Load a La Fabrique bill directory (procedure, step texts, amendments, debates) as a neutral `Procedure`. */
export function loadLaFabriqueBill(bill: string): Procedure {
  const proc = readBillJson<{ senat_id?: string | null; beginning?: string | null; end?: string | null; steps: RawStep[] }>(
    bill,
    'viz',
    'procedure.json',
  );
  const vizDir = path.join(LAFABRIQUE_DATA_DIR, bill, 'viz');
  const amendments = readdirSync(vizDir)
    .filter((f) => f.startsWith('amendements_') && f.endsWith('.json'))
    .flatMap((f) => {
      const stepDirectory = f.slice('amendements_'.length, -'.json'.length);
      const raw = readBillJson<RawAmendments>(bill, 'viz', f);
      return Object.values(raw.sujets ?? {}).flatMap((s) =>
        (s.amendements ?? []).map((a) => ({ stepDirectory, group: a.groupe ?? null, outcome: a.sort })),
      );
    });
  const debatesFile = path.join(vizDir, 'interventions.json');
  const rawDebates = existsSync(debatesFile) ? readBillJson<Record<string, RawDebates>>(bill, 'viz', 'interventions.json') : {};
  const debates: StepDebates[] = Object.entries(rawDebates).map(([stepDirectory, d]) => ({
    stepDirectory,
    totalSittings: d.total_seances,
    speakers: Object.keys(d.orateurs),
    divisions: Object.values(d.divisions).map((v) => ({ totalInterventions: v.total_intervs, totalWords: v.total_mots })),
  }));
  return {
    senatId: proc.senat_id ?? null,
    beginning: proc.beginning ?? null,
    end: proc.end ?? null,
    steps: proc.steps.map((s) => toStep(bill, s)),
    amendments,
    debates,
  };
}
