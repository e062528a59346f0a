import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashEntry, sealOf } from './hashChain.ts';

const entry = {
  billId: 'b1',
  seq: 1,
  type: 'bill.created',
  actorId: null,
  payload: { title: 'Loi pour une transparence numérique', counts: { articles: 3, steps: 1 } },
  createdAt: new Date('2026-01-02T03:04:05.678Z'),
  prevHash: GENESIS_HASH,
};

describe('ledger hash chain', () => {
  it('LEDGER2 canonical JSON does not depend on key order, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { y: 2, z: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('LEDGER2 the hash changes with any field, including the previous hash', () => {
    const base = hashEntry(entry);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEntry({ ...entry })).toBe(base);
    expect(hashEntry({ ...entry, payload: { ...entry.payload, title: 'Autre titre' } })).not.toBe(base);
    expect(hashEntry({ ...entry, seq: 2 })).not.toBe(base);
    expect(hashEntry({ ...entry, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(hashEntry({ ...entry, createdAt: new Date('2026-01-02T03:04:05.679Z') })).not.toBe(base);
    // A stored row carries its id and hash too; they are not part of what is hashed.
    expect(hashEntry({ ...entry, id: 42, hash: base } as typeof entry)).toBe(base);
  });

  it('LEDGER8 a seal is the SHA-256 of the sealed fields’ canonical JSON: key order does not matter, any field and the salt do', () => {
    const sealed = { actorId: 'u1', value: 'agree', previous: null, salt: '00'.repeat(16) };
    const seal = sealOf(sealed);
    expect(seal).toMatch(/^[0-9a-f]{64}$/);
    expect(sealOf({ salt: sealed.salt, previous: null, value: 'agree', actorId: 'u1' })).toBe(seal);
    expect(sealOf({ ...sealed, value: 'mixed' })).not.toBe(seal);
    expect(sealOf({ ...sealed, salt: '01'.repeat(16) })).not.toBe(seal);
  });
});
