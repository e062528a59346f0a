/**
 * Reads and validates every file of one La Fabrique bill before anything is written, so a bad file
 * stops the import with a message naming the file and the field.
 */
import type { z } from 'zod';
import { AmendmentsFile, InterventionsFile, ProcedureFile, TextFile } from './files.ts';
import { type BillSource, invalidSource } from './sources.ts';

/** The validated files of one bill. */
export interface LaFabriqueBill {
  procedure: ProcedureFile;
  /** Text of each step directory that produced one. */
  texts: Map<string, TextFile>;
  /** Amendments of each step directory that has a file. */
  amendments: Map<string, AmendmentsFile>;
  interventions: InterventionsFile | null;
}

/** Reports progress as files are read: `done` of `total`, and what is being read. */
export type ProgressListener = (done: number, total: number, label: string) => void;

/** Paths of a step's files. */
export const textPath = (directory: string) => `procedure/${directory}/texte/texte.json`;
export const amendmentsPath = (directory: string) => `viz/amendements_${directory}.json`;
export const PROCEDURE_PATH = 'viz/procedure.json';
export const INTERVENTIONS_PATH = 'viz/interventions.json';

function validate<T extends z.ZodType>(schema: T, file: string, value: unknown): z.output<T> {
  if (value === undefined) throw invalidSource(file, 'file is missing');
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = issue?.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
    throw invalidSource(file, issue?.message ?? 'invalid', field || undefined);
  }
  return parsed.data;
}

/** Reads and validates the bill's files; throws import_invalid or import_unreachable. */
export async function readLaFabriqueBill(source: BillSource, onProgress: ProgressListener = () => {}): Promise<LaFabriqueBill> {
  onProgress(0, 1, PROCEDURE_PATH);
  const procedure = validate(ProcedureFile, PROCEDURE_PATH, await source.readJson(PROCEDURE_PATH));
  const directories = procedure.steps.map((step) => step.directory);
  const duplicate = directories.find((directory, i) => directories.indexOf(directory) !== i);
  if (duplicate) throw invalidSource(PROCEDURE_PATH, `step directory ${duplicate} appears twice`, 'steps');
  await rejectUnknownSteps(source, new Set(directories));

  const total = 2 + 2 * directories.length;
  let done = 1;
  const texts = new Map<string, TextFile>();
  const amendments = new Map<string, AmendmentsFile>();
  for (const directory of directories) {
    onProgress(done, total, textPath(directory));
    const text = await source.readJson(textPath(directory));
    if (text !== undefined) texts.set(directory, validate(TextFile, textPath(directory), text));
    done += 1;
    onProgress(done, total, amendmentsPath(directory));
    const file = await source.readJson(amendmentsPath(directory));
    if (file !== undefined) amendments.set(directory, validate(AmendmentsFile, amendmentsPath(directory), file));
    done += 1;
  }
  onProgress(done, total, INTERVENTIONS_PATH);
  const interventionsJson = await source.readJson(INTERVENTIONS_PATH);
  const interventions = interventionsJson === undefined ? null : validate(InterventionsFile, INTERVENTIONS_PATH, interventionsJson);
  for (const directory of Object.keys(interventions ?? {})) {
    if (!directories.includes(directory)) throw invalidSource(INTERVENTIONS_PATH, `unknown step ${directory}`, directory);
  }
  onProgress(total, total, 'done');
  return { procedure, texts, amendments, interventions };
}

/** A text or amendment file for a step the procedure does not list means the files do not belong together. */
async function rejectUnknownSteps(source: BillSource, directories: Set<string>): Promise<void> {
  const stepFolders = (await source.list('procedure')) ?? [];
  for (const folder of stepFolders) {
    const directory = folder.split('/')[1] ?? '';
    if (!directories.has(directory)) throw invalidSource(folder, `unknown step ${directory}: not listed in ${PROCEDURE_PATH}`);
  }
  for (const file of (await source.list('viz')) ?? []) {
    const match = /^viz\/amendements_(.+)\.json$/.exec(file);
    if (match?.[1] !== undefined && !directories.has(match[1])) {
      throw invalidSource(file, `unknown step ${match[1]}: not listed in ${PROCEDURE_PATH}`);
    }
  }
}
