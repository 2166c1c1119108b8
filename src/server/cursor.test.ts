import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../shared/common/pagination';
import { readCursor } from './cursor';

describe('readCursor', () => {
  it('gives back the values of a cursor of the right shape', () => {
    expect(readCursor(encodeCursor(['2026-01-02', 7]), [/^\d{4}-\d{2}-\d{2}$/, 'id'])).toEqual([
      '2026-01-02',
      7,
    ]);
  });

  it.each([
    ['zzz', ['text', 'id']],
    [encodeCursor(['a']), ['text', 'id']],
    [encodeCursor(['a', 1.5]), ['text', 'id']],
    [encodeCursor([1, 2]), ['text', 'id']],
    [encodeCursor(['not a date', 2]), [/^\d{4}-\d{2}-\d{2}$/, 'id']],
  ] as const)('refuses %s as a 422 on the cursor field', (cursor, shape) => {
    expect(() => readCursor(cursor, shape)).toThrowError(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });
});
