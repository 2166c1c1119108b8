import { describe, expect, it } from 'vitest';
import { isValidUnifiedCreditCode, unifiedCreditCodeCheckChar } from './tax-id';

describe('unified social credit code', () => {
  it.each([
    ['91350100M000100Y43', true], // published example
    ['91110000802100433B', true],
    ['91350100M000100Y44', false], // wrong check character
    ['91350100M000100Y4', false], // too short
    ['91350100M000100I43', false], // I is not in the alphabet
    ['', false],
  ])('%s → %s', (code, ok) => {
    expect(isValidUnifiedCreditCode(code)).toBe(ok);
  });

  it('computes the check character', () => {
    expect(unifiedCreditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
});
