/**
 * The formats `npm run export` writes, one entry each: adding a format is adding an entry here. Each writes one bill
 * to a path (a file, or a directory of files) from the store alone, reporting progress as it goes.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as Y from 'yjs';
import { formatDocumentName } from '../../shared/collab/documentName.ts';
import type { BillId } from '../../shared/ids.ts';
import { billSeedUpdate, SqlDocumentStore } from '../collab/index.ts';
import { writeAkomaNtosoFiles } from '../modules/akomaNtoso/index.ts';
import { type BillTexts, getLatestVersion } from '../modules/bills/index.ts';
import { type ExportDeps, openBillExport, streamSink, writeCsvZip, writeJsonExport } from '../modules/exports/index.ts';
import { writeGitRepository } from '../modules/gitExport/index.ts';
import { laFabriqueJson, openLaFabriqueExport } from '../modules/lafabrique/index.ts';
import { ignoreEntries } from '../modules/ledger/index.ts';
import { redactHiddenContent } from '../modules/moderation/index.ts';
import type { Database } from '../storage/database.ts';

/** What every format writes with: the use cases' ports, reading the store alone (no server runs). */
export interface ExportContext {
  deps: ExportDeps;
}

/** Reports one line of progress. */
export type Progress = (line: string) => void;

/** One format of the command. */
export interface ExportFormat {
  /** One line for the usage text. */
  description: string;
  /** What one bill becomes: a file, or a directory of files. */
  output: 'file' | 'directory';
  /** Appended to the bill's id to name its output under `--all` ('' for a directory). */
  extension: string;
  /** Writes the bill at `out`; throws bill_not_found for an unknown bill. */
  write(context: ExportContext, billId: string, out: string, progress: Progress): Promise<void>;
}

const readOnly = () => Promise.reject(new Error('an export only reads'));

/**
 * Bills' live texts read from the document store, as a node would load them (a bill whose document was never opened:
 * its latest version). The export reads as an anonymous reader, so amendment drafts are never needed.
 */
function storedBillTexts(db: Database): BillTexts {
  const store = new SqlDocumentStore(db);
  return {
    async read(billId, use) {
      const doc = new Y.Doc();
      try {
        const stored = await store.load(formatDocumentName({ kind: 'bill', billId: billId as BillId }));
        if (stored.snapshot === null && stored.updates.length === 0) {
          const latest = await getLatestVersion(db, billId);
          if (latest) Y.applyUpdate(doc, billSeedUpdate(latest));
        }
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(doc, update);
        return use(doc);
      } finally {
        doc.destroy();
      }
    },
    edit: readOnly,
    onChanged: () => () => undefined,
  };
}

/** The export's context over a database, with the same redaction of the public ledger as the server's. */
export function exportContext(db: Database): ExportContext {
  return {
    deps: {
      db,
      published: ignoreEntries,
      texts: storedBillTexts(db),
      drafts: { read: readOnly, write: readOnly, seal: readOnly },
      redact: (entries) => redactHiddenContent(db, entries),
    },
  };
}

/** Writes a file through `<out>.partial`, renamed once complete: a failed export leaves no half file. */
async function writeFileStream(out: string, write: (stream: Writable) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const partial = `${out}.partial`;
  const stream = createWriteStream(partial);
  try {
    await write(stream);
    stream.end();
    await finished(stream);
    await rename(partial, out);
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** The open-data export in one of its two forms. */
function openData(write: typeof writeJsonExport, description: string, extension: string): ExportFormat {
  return {
    description,
    output: 'file',
    extension,
    async write({ deps }, billId, out, progress) {
      const exported = await openBillExport(deps, billId);
      await writeFileStream(out, (stream) => write(streamSink(stream), exported, (table, rows) => progress(`  ${table}: ${rows} ${rows === 1 ? 'row' : 'rows'}`)));
    },
  };
}

/** The formats, by the name `--format` takes. */
export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  json: openData(writeJsonExport, 'open data: one JSON document with every table (fields described in its README)', '.json'),
  csv: openData(writeCsvZip, 'open data: a zip of one CSV file per table, with README.md', '.csv.zip'),
  lafabrique: {
    description: "La Fabrique de la loi's files (viz/procedure.json, procedure/<step>/texte/texte.json, …) in a directory",
    output: 'directory',
    extension: '',
    async write({ deps }, billId, out, progress) {
      const exported = await openLaFabriqueExport(deps.db, billId);
      for (const file of exported.paths) {
        const target = path.join(out, ...file.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, laFabriqueJson(await exported.file(file)));
        progress(`  ${file}`);
      }
    },
  },
  akn: {
    description: 'Akoma Ntoso 1.0 XML in a directory: versions/<nn>-<step>.xml, amendments/<number>.xml',
    output: 'directory',
    extension: '',
    async write({ deps }, billId, out, progress) {
      const written = await writeAkomaNtosoFiles(deps, billId, out);
      for (const file of [...written.versions, ...written.amendments]) progress(`  ${file}`);
    },
  },
  git: {
    description: 'a git repository (directory, checked out on main): one commit per version, one file per article',
    output: 'directory',
    extension: '',
    async write({ deps }, billId, out, progress) {
      await writeGitRepository(deps.db, billId, out);
      progress(`  ${out}: git log -p tells the story`);
    },
  },
};
