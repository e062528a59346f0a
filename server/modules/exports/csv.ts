/**
 * CSV of a table (RFC 4180, comma, CRLF): a field's type decides how its value is written, so a list of texts is
 * one item per line and structured data is JSON, whatever a given row holds. Texts that spreadsheets would run as
 * formulas are neutralised (EXPORT2).
 */
import type { z } from 'zod';
import type { ExportTable } from './fields.ts';

/** The UTF-8 byte-order mark, which spreadsheets need to read the file as UTF-8. */
export const BOM = '\uFEFF';

type Encoding = 'scalar' | 'texts' | 'json';

// Cells starting like this are formulas to Excel, LibreOffice and Google Sheets (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text that a spreadsheet will not run: an apostrophe in front of a formula's first character. */
export const neutralise = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

function encodingOf(schema: z.ZodType): Encoding {
  const def = schema.def as { type: string; innerType?: z.ZodType };
  if (def.type === 'nullable') return encodingOf(def.innerType as z.ZodType);
  if (def.type === 'array') return 'texts';
  if (def.type === 'unknown') return 'json';
  return 'scalar';
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function encode(value: unknown, encoding: Encoding): string {
  if (value === null || value === undefined) return '';
  if (encoding === 'json') return quote(JSON.stringify(value));
  if (encoding === 'texts') return quote(neutralise((value as string[]).join('\n')));
  if (typeof value === 'string') return quote(neutralise(value));
  return quote(typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));
}

/** Writes a table's rows as CSV lines: `header()` first, then `line(row)` per row. */
export function csvWriter(table: ExportTable): { header(): string; line(row: Record<string, unknown>): string } {
  const columns = Object.entries(table.row.shape).map(([name, schema]) => ({ name, encoding: encodingOf(schema as z.ZodType) }));
  return {
    header: () => `${columns.map((column) => quote(column.name)).join(',')}\r\n`,
    line: (row) => `${columns.map((column) => encode(row[column.name], column.encoding)).join(',')}\r\n`,
  };
}
