import { describe, expect, it } from 'vitest';
import type { AmendmentId, BillId } from '../ids.ts';
import { formatCollabPath, formatDocumentName, parseCollabPath, parseDocumentName } from './documentName.ts';

describe('collaborative document names', () => {
  it('COLLAB1 parses bill and amendment names and formats them back', () => {
    expect(parseDocumentName('bill:pjl-2024_17')).toEqual({ kind: 'bill', billId: 'pjl-2024_17' });
    expect(parseDocumentName('amendment:A123')).toEqual({ kind: 'amendment', amendmentId: 'A123' });
    const bill = { kind: 'bill', billId: 'b1' as BillId } as const;
    const amendment = { kind: 'amendment', amendmentId: 'x'.repeat(100) as AmendmentId } as const;
    for (const value of [bill, amendment]) expect(parseDocumentName(formatDocumentName(value))).toEqual(value);
    expect(formatCollabPath(bill)).toBe('/collab/bill:b1');
  });

  it('COLLAB1 rejects unknown kinds and invalid ids', () => {
    for (const name of [
      '',
      'bill',
      'bill:',
      ':b1',
      'Bill:b1',
      'user:u1',
      'bill:b1:extra',
      'bill:b 1',
      'bill:b/1',
      'bill:b.1',
      'bill:é',
      'bill:../x',
      `bill:${'x'.repeat(101)}`,
      'bill:b1\n',
      ' bill:b1',
    ]) {
      expect(parseDocumentName(name), name).toBeNull();
    }
  });

  it('COLLAB1 parses collaboration paths, decoding once', () => {
    expect(parseCollabPath('/collab/bill:b1')).toEqual({ kind: 'bill', billId: 'b1' });
    expect(parseCollabPath('/collab/bill%3Ab1')).toEqual({ kind: 'bill', billId: 'b1' });
    expect(parseCollabPath('/collab/amendment%3aA-1')).toEqual({ kind: 'amendment', amendmentId: 'A-1' });
    // Decoded once only: a double-encoded colon stays "%3A" and is not a valid name.
    expect(parseCollabPath('/collab/bill%253Ab1')).toBeNull();
    expect(parseCollabPath('/collab/bill:b%2F1')).toBeNull();
    expect(parseCollabPath('/collab/bill:b%ZZ')).toBeNull();
    expect(parseCollabPath('/collab/bill:%E9')).toBeNull();
  });

  it('COLLAB1 rejects extra segments and foreign paths', () => {
    for (const path of [
      '/collab/',
      '/collab',
      '/collab/bill:b1/',
      '/collab/bill:b1/x',
      '/collab//bill:b1',
      '/collab/bill:b1?x=1',
      '/other/bill:b1',
      'collab/bill:b1',
      '/COLLAB/bill:b1',
      '/api/collab/bill:b1',
    ]) {
      expect(parseCollabPath(path), path).toBeNull();
    }
  });
});
