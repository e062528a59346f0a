/**
 * What the export suites share: raw downloads (a zip is not JSON), an RFC 4180 CSV reader, a ledger check written
 * the way a third party would, from the README's description alone (not with the server's code), and the command.
 */
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { type CliRun, runCli } from './importCli.ts';

/** A raw answer: status, headers and body bytes. */
export interface Download {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  text(): string;
}

/** GETs `/api/v1<route>` without parsing the body. */
export async function download(baseUrl: string, route: string): Promise<Download> {
  const response = await fetch(`${baseUrl}/api/v1${route}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: () => new TextDecoder().decode(bytes) };
}

/** The files of a zip, by name, as text (a byte-order mark kept). */
export function unzipText(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([name, content]) => [name, new TextDecoder('utf-8', { ignoreBOM: true }).decode(content)]));
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF records); the first record is the header. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  const [header = [], ...rows] = records;
  return { header, rows };
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .filter((key) => object[key] !== undefined)
      .map((key) => [key, sorted(object[key])]),
  );
}

/** A ledger row of the export. */
export interface ExportedEntry {
  seq: number;
  type: string;
  actorId: string | null;
  createdAt: string;
  payload: unknown;
  prevHash: string;
  hash: string;
  redacted: unknown;
  withheld: string[];
  sealed: string[];
}

/**
 * Checks the chain as the README tells a third party to: seq 1, 2, 3…, each prevHash the previous hash (zeros
 * first), and the hash recomputed for every entry shown whole. Returns how many hashes were recomputed.
 */
export function verifyExportedLedger(billId: string, entries: ExportedEntry[]): { recomputed: number } {
  let previous = '0'.repeat(64);
  let recomputed = 0;
  entries.forEach((entry, index) => {
    if (entry.seq !== index + 1) throw new Error(`entry ${index} has seq ${entry.seq}`);
    if (entry.prevHash !== previous) throw new Error(`entry ${entry.seq} does not follow the one before`);
    if (entry.redacted === null && entry.withheld.length === 0) {
      const { seq, type, actorId, payload, createdAt, prevHash } = entry;
      const canonical = JSON.stringify(sorted({ billId, seq, type, actorId, payload, createdAt, prevHash }));
      if (createHash('sha256').update(canonical).digest('hex') !== entry.hash) throw new Error(`entry ${entry.seq} does not match its hash`);
      recomputed += 1;
    }
    previous = entry.hash;
  });
  return { recomputed };
}

/** How a command-line run ended. */
export type ExportRun = CliRun;

/** Runs `npm run export -- <args>` as a child process (see runCli). */
export const runExportCli = (args: string[], env: { DATA_DIR: string; DATABASE_URL?: string | undefined }) => runCli('export.ts', args, env);
