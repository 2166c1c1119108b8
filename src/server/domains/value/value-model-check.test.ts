import { describe, expect, it } from 'vitest';
import { monthsBefore } from './value-model-check';

describe('monthsBefore', () => {
  it('keeps the day of the month, or the last day of a shorter month', () => {
    expect(monthsBefore('2026-06-30', 6)).toBe('2025-12-30');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
  });
});
