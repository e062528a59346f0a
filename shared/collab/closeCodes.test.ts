import { describe, expect, it } from 'vitest';
import { CloseCode, closeReason, isCloseCode } from './closeCodes.ts';

describe('collaboration close codes', () => {
  it('COLLAB2 are distinct application codes with short reasons', () => {
    const codes = Object.values(CloseCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toBeGreaterThanOrEqual(4000);
      expect(code).toBeLessThanOrEqual(4999);
      expect(isCloseCode(code)).toBe(true);
      expect(new TextEncoder().encode(closeReason(code)).length).toBeGreaterThan(0);
      expect(new TextEncoder().encode(closeReason(code)).length).toBeLessThanOrEqual(123);
    }
    expect(isCloseCode(1000)).toBe(false);
    expect(isCloseCode(4999)).toBe(false);
  });
});
