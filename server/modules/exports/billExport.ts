/**
 * The open-data export of one bill (EXPORT1, EXPORT2): opened once (the bill exists, its ledger head is pinned), then
 * written table after table as one JSON document or as a zip of CSV files with the README, a few rows at a time, to
 * whatever sink takes the bytes. Neither the document nor a table is ever held whole as one string.
 */
import { Zip, ZipDeflate } from 'fflate';
import { getBill, loadBillContent } from '../bills/index.ts';
import { listAmendments } from '../amendments/index.ts';
import { chainHead } from '../ledger/index.ts';
import {
  amendmentAuthorRows,
  amendmentRows,
  annotationRows,
  argumentRows,
  type ContributionSource,
  type ExportDeps,
  ledgerRows,
  moderationRows,
  questionRows,
  responseRows,
  sourceRows,
  tallyRows,
} from './contributionRows.ts';
import { csvWriter, BOM } from './csv.ts';
import { EXPORT_SCHEMA_VERSION, type ExportTable, type RowOf } from './fields.ts';
import type { ByteSink } from './output.ts';
import { exportReadme } from './readme.ts';
import { exportTable, TABLES } from './tables.ts';
import { articleRows, billRows, debateRows, groupRows, sectionRows, stepRows, versionRows, type TextSource } from './textRows.ts';

type Row = Record<string, unknown>;
type Source = TextSource & ContributionSource;

/** Rows, read as they are iterated. */
type Rows = AsyncIterable<Row> | Iterable<Row>;

/** One table and its rows. */
export interface TableRows {
  table: ExportTable;
  rows: () => Rows;
}

/** A bill's export, ready to be written. */
export interface BillExport {
  meta: RowOf<typeof exportTable>;
  /** A name for files, from the bill's source reference or id. */
  fileName: string;
  tables: TableRows[];
}

/** Reports, after each table, how many rows it had. */
export type TableProgress = (table: string, rows: number) => void;

// Each table's rows, by table name: the compiler checks every table has its reader and what each reader yields.
type Readers = { [T in (typeof TABLES)[number] as T['name']]: (source: Source) => AsyncIterable<RowOf<T>> | Iterable<RowOf<T>> };
const readers: Readers = {
  bill: billRows,
  steps: stepRows,
  versions: versionRows,
  sections: sectionRows,
  articles: articleRows,
  groups: groupRows,
  debates: debateRows,
  amendments: amendmentRows,
  amendment_authors: amendmentAuthorRows,
  responses: responseRows,
  vote_tallies: tallyRows,
  arguments: argumentRows,
  sources: sourceRows,
  questions: questionRows,
  annotations: annotationRows,
  moderation_log: moderationRows,
  ledger: ledgerRows,
};

/** Opens the export of a bill; throws bill_not_found before anything is written. */
export async function openBillExport(deps: ExportDeps, billId: string, now = new Date()): Promise<BillExport> {
  const bill = await getBill(deps.db, billId);
  // Pinned first: every table then reflects at least every change up to it.
  const ledgerHead = await chainHead(deps.db, billId);
  const content = await loadBillContent(deps.db, billId);
  const amendments = await listAmendments(deps, null, billId, {});
  const source: Source = { deps, billId, bill, content, amendments, ledgerHead };
  return {
    meta: { schemaVersion: EXPORT_SCHEMA_VERSION, exportedAt: now.toISOString(), billId, ledgerHead },
    fileName: (bill.sourceRef ?? bill.id).replace(/[^A-Za-z0-9._-]/g, '_'),
    tables: TABLES.map((table) => ({ table, rows: () => (readers[table.name] as (source: Source) => Rows)(source) })),
  };
}

/** Bytes gathered before a write: large enough to write rarely, small enough to stay light. */
const CHUNK = 64 * 1024;

/** Writes the export as one JSON document: the export's fields, then `tables`, one row per line. */
export async function writeJsonExport(sink: ByteSink, exported: BillExport, onTable: TableProgress = () => {}): Promise<void> {
  let buffer = `${JSON.stringify(exported.meta).slice(0, -1)},"tables":{`;
  for (const [index, { table, rows }] of exported.tables.entries()) {
    buffer += `${index === 0 ? '' : ','}\n${JSON.stringify(table.name)}:[`;
    // Exactly the described fields, in the README's order.
    const fields = Object.keys(table.row.shape);
    let count = 0;
    for await (const row of rows()) {
      buffer += `${count === 0 ? '' : ','}\n${JSON.stringify(Object.fromEntries(fields.map((field) => [field, row[field]])))}`;
      count += 1;
      if (buffer.length >= CHUNK) {
        await sink.write(buffer);
        buffer = '';
      }
    }
    buffer += count === 0 ? ']' : '\n]';
    onTable(table.name, count);
  }
  await sink.write(`${buffer}}}\n`);
}

async function* csvLines(table: ExportTable, rows: Rows, counted: (rows: number) => void): AsyncGenerator<string> {
  const csv = csvWriter(table);
  yield BOM + csv.header();
  let count = 0;
  for await (const row of rows) {
    yield csv.line(row);
    count += 1;
  }
  counted(count);
}

/** Writes the export as a zip: README.md, export.csv, then one `<table>.csv` per table. */
export async function writeCsvZip(sink: ByteSink, exported: BillExport, onTable: TableProgress = () => {}): Promise<void> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  const flush = async () => {
    if (failure) throw failure;
    for (let chunk = ready.shift(); chunk !== undefined; chunk = ready.shift()) await sink.write(chunk);
  };
  const addFile = async (name: string, lines: AsyncIterable<string> | Iterable<string>) => {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = exported.meta.exportedAt;
    zip.add(file);
    let buffer = '';
    for await (const line of lines) {
      buffer += line;
      if (buffer.length < CHUNK) continue;
      file.push(Buffer.from(buffer, 'utf8'));
      buffer = '';
      await flush();
    }
    file.push(Buffer.from(buffer, 'utf8'), true);
    await flush();
  };
  await addFile('README.md', [exportReadme()]);
  await addFile('export.csv', csvLines(exportTable, [exported.meta], () => {}));
  for (const { table, rows } of exported.tables) {
    await addFile(`${table.name}.csv`, csvLines(table, rows(), (count) => onTable(table.name, count)));
  }
  zip.end();
  await flush();
}
