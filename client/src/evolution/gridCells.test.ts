import { describe, expect, it } from 'vitest';
import { formatShare, lookOf, shadeOf } from './gridCells.ts';

const step = { stepKey: 's', stepId: 'id', versionId: 'v', stage: '1ère lecture', institution: 'senat', kind: 'commission', date: null, echec: null };
const cell = (status: string, nDiff: number, diff: 'add' | 'rem' | 'both' | 'none' | null = 'both') => ({ stepKey: 's', status, diff, nDiff, length: 10, newNumber: null });

describe('HIST8 the grid’s cells', () => {
  it('read La Fabrique’s statuses, absent articles and failed steps as kinds', () => {
    expect(lookOf(undefined, step).kind).toBe('absent');
    expect(lookOf(cell('depot', 1, 'add'), step).kind).toBe('depot');
    expect(lookOf(cell('new', 1, 'add'), step).kind).toBe('new');
    expect(lookOf(cell('sup', 0, 'rem'), step).kind).toBe('deleted');
    expect(lookOf(cell('none', 0, 'none'), step)).toEqual({ kind: 'unchanged', shade: 0, share: 0 });
    expect(lookOf(cell('none', 0.42), step)).toEqual({ kind: 'modified', shade: 3, share: 0.42 });
    // A failed step is failed whatever the article did; so is La Fabrique's échec pseudo-entry.
    expect(lookOf(cell('none', 0.42), { ...step, echec: 'rejet' }).kind).toBe('failed');
    expect(lookOf(undefined, { ...step, echec: 'rejet' }).kind).toBe('failed');
    expect(lookOf(cell('ÉCHEC', 0), step).kind).toBe('failed');
  });

  it('shade a modified cell by the share changed, bounds included in the next shade', () => {
    expect([0.01, 0.0999, 0.1, 0.29, 0.3, 0.59, 0.6, 1].map(shadeOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('write shares in each language’s typography, never a misleading 0 %', () => {
    expect(formatShare('fr', 0.42).replace(/\s/gu, ' ')).toBe('42 %');
    expect(formatShare('en', 0.42)).toBe('42%');
    expect(formatShare('en', 0.001)).toBe('< 1%');
    expect(formatShare('en', 0)).toBe('0%');
  });
});
