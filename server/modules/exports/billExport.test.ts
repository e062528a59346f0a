import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type BillExport, writeCsvZip, writeJsonExport } from './billExport.ts';
import { f, table } from './fields.ts';
import { OutputClosedError } from './output.ts';

const big = table('big', 'Many rows.', { n: f.int('A number'), text: f.text('Some text') });
const ROWS = 20_000;

/** An export of one table whose rows are made as they are read; `read` counts how many were. */
function syntheticExport(): { exported: BillExport; read: () => number; stopped: () => boolean } {
  let read = 0;
  let stopped = false;
  function* rows() {
    try {
      for (let n = 0; n < ROWS; n += 1) {
        read += 1;
        yield { n, text: `Alinéa ${n} : « texte » assez long pour remplir des pages.` };
      }
    } finally {
      stopped = true;
    }
  }
  return {
    exported: { meta: { schemaVersion: 1, exportedAt: '2026-01-01T00:00:00.000Z', billId: 'b', ledgerHead: 1 }, fileName: 'b', tables: [{ table: big, rows }] },
    read: () => read,
    stopped: () => stopped,
  };
}

describe('EXPORT1 EXPORT2 the writers stream', () => {
  it('EXPORT1 the JSON document is written in bounded chunks as rows are read, never as one string', async () => {
    const { exported } = syntheticExport();
    const chunks: string[] = [];
    await writeJsonExport({ write: (chunk) => Promise.resolve(void chunks.push(chunk as string)) }, exported);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(70 * 1024);
    const document = JSON.parse(chunks.join('')) as { tables: { big: { n: number }[] } };
    expect(document.tables.big).toHaveLength(ROWS);
  });

  it('EXPORT1 EXPORT2 a destination that closes stops the reading of rows', async () => {
    for (const write of [writeJsonExport, writeCsvZip]) {
      const { exported, read, stopped } = syntheticExport();
      // The client leaves once the first rows are on their way.
      const closing = { write: () => (read() > 0 ? Promise.reject(new OutputClosedError()) : Promise.resolve()) };
      await expect(write(closing, exported)).rejects.toBeInstanceOf(OutputClosedError);
      expect(read()).toBeLessThan(ROWS);
      expect(stopped()).toBe(true);
    }
  });

  it('EXPORT2 the zip holds the README, export.csv and the table, whole', async () => {
    const { exported } = syntheticExport();
    const chunks: Uint8Array[] = [];
    await writeCsvZip({ write: (chunk) => Promise.resolve(void chunks.push(chunk as Uint8Array)) }, exported);
    const files = unzipSync(Buffer.concat(chunks));
    expect(Object.keys(files)).toEqual(['README.md', 'export.csv', 'big.csv']);
    const csv = new TextDecoder().decode(files['big.csv']);
    expect(csv.split('\r\n')).toHaveLength(ROWS + 2);
  });
});
