/**
 * The README of the open-data export, generated from the tables' own field descriptions (EXPORT3): what each table
 * holds, every field with its type and meaning, the CSV conventions, and how to verify the ledger's hash chain.
 */
import type { z } from 'zod';
import { EXPORT_SCHEMA_VERSION, type ExportTable } from './fields.ts';
import { exportTable, TABLES } from './tables.ts';

/** How a field's type reads for people. */
export function typeName(schema: z.ZodType): string {
  const def = schema.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, string> };
  switch (def.type) {
    case 'nullable':
      return `${typeName(def.innerType as z.ZodType)}, or empty`;
    case 'string':
      return 'text';
    case 'number':
      return (schema as z.ZodNumber).format === 'safeint' ? 'integer' : 'number';
    case 'boolean':
      return 'true / false';
    case 'enum':
      return `one of: ${Object.values(def.entries ?? {}).join(', ')}`;
    case 'array':
      return 'list of texts';
    default:
      return 'JSON';
  }
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function tableSection(table: ExportTable, heading: string): string {
  const rows = Object.entries(table.row.shape).map(
    ([name, schema]) => `| \`${name}\` | ${cell(typeName(schema as z.ZodType))} | ${cell((schema as z.ZodType).description ?? '')} |`,
  );
  return [`### ${heading}`, '', table.description, '', '| field | type | description |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

const INTRO = `# Open-data export of a bill — schema version ${EXPORT_SCHEMA_VERSION}

Everything public about one bill: its procedure and every version of its text, the amendments with their outcomes
and diffs, official responses, vote tallies, arguments, sources, questions, annotations, the moderation log and the
hash-chained ledger of every change. This file is generated from the descriptions the export itself is written
with, so every field below is in the data and every field of the data is below.

## Getting it

- JSON: \`GET /api/v1/bills/<id>/export\`: one document, \`{"schemaVersion": ${EXPORT_SCHEMA_VERSION}, "exportedAt": …, "billId": …,
  "ledgerHead": …, "tables": {"bill": [ … ], "steps": [ … ], …}}\`, each table a list of rows (objects), in the order below.
- CSV: \`GET /api/v1/bills/<id>/export?format=csv\`: a zip holding this README.md, \`export.csv\` and one \`<table>.csv\` per
  table. The CSV tables hold the same rows as the JSON ones.
- This README alone: \`GET /api/v1/bills/<id>/export/README\`.
- La Fabrique de la loi's own format: \`GET /api/v1/bills/<id>/export/lafabrique\` lists its files.
- From the command line: \`npm run export -- <billId|--all> --format json|csv|lafabrique --out <path>\`.

Ids link the tables: \`articles.versionId\` → \`versions.id\`, \`amendments.articleId\` → \`articles.articleId\`, a vote tally's,
argument's or source's \`targetId\` → the article, amendment or argument of its \`targetType\`, and so on.

## CSV conventions

- UTF-8 with a byte-order mark, comma-separated, CRLF line ends, RFC 4180 quoting; the first line names the fields.
- An empty cell is an empty value. Booleans are \`true\` / \`false\`.
- A list of texts has one item per line inside its cell. Fields of type JSON hold JSON.
- A text starting with \`=\`, \`+\`, \`-\`, \`@\`, a tab or a carriage return gets an apostrophe (\`'\`) in front, so that
  spreadsheets do not run it as a formula. The JSON export has every text exactly.

## Hidden content and votes

A contribution a moderator hid stays listed as a tombstone: its text fields are empty and \`hiddenReason\` /
\`hiddenAt\` say why and when, as the API shows it; the ledger withholds its text the same way (\`redacted\`). Votes
are counted in \`vote_tallies\`; who voted what is personal data, so the ledger's vote entries are exported without
their actor and values. A vote seals them when it is recorded: they are stored apart with a random salt and never
exported; its payload carries only its target and \`seal\`, the SHA-256 of the canonical JSON of the sealed fields and
the salt, and \`sealed\` names those fields. The salt keeps anyone from finding a vote by trying every voter and value
against its seal. Votes recorded before votes were sealed keep their former form (a chain is never rewritten): their
actor and values are set to null here and named in \`withheld\`.

## Verifying the ledger

Each entry's \`hash\` is the SHA-256 (lowercase hex) of the canonical JSON of
\`{billId, seq, type, actorId, payload, createdAt, prevHash}\` as stored: object keys sorted (by UTF-16 code units) at
every depth, no whitespace, non-ASCII characters as they are (UTF-8). \`prevHash\` is the hash of the entry before
(64 zeros for the first). A third party checks that \`seq\` runs 1, 2, 3… without gaps, that every \`prevHash\` equals the
previous entry's \`hash\`, and recomputes the hash of every entry that has no \`redacted\` marker and nothing
\`withheld\` (those show what the public may read, not what was hashed; their links still hold). Sealed votes are
shown whole (their \`seal\` is part of the payload hashed), so their hashes are recomputed too. The server itself
verifies the stored chain at \`GET /api/v1/bills/<id>/events/verify\`, and each stored sealed part against its seal.

## Licence

Bills imported from La Fabrique de la loi (\`bill.sourceRef\` like \`pjl15-034\`) carry its data: © La Fabrique de la loi /
Regards Citoyens, under the Open Database License (ODbL): credit them and share alike. Law texts are official documents.

## Tables
`;

/** The README, as Markdown. */
export function exportReadme(): string {
  return [
    INTRO,
    tableSection(exportTable, 'export (`export.csv`; in JSON, the document’s top-level fields)'),
    ...TABLES.map((table) => tableSection(table, `${table.name} (\`${table.name}.csv\`)`)),
  ].join('\n');
}
