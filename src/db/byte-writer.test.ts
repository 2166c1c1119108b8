import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from './byte-writer';
import { centsToDecimal } from './cents.test-support';

describe('ByteWriter', () => {
  it('writes integers as String() does, and cents as exact decimals', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, 9, 10, 99, 100, -1, -10)),
        (n) => {
          const w = new ByteWriter(2);
          w.int(n).comma().cents(n);
          expect(w.take().toString()).toBe(`${n},${centsToDecimal(n)}`);
        },
      ),
    );
  });

  it('grows past its first buffer and starts over after take', () => {
    const w = new ByteWriter(4);
    w.text('客户').byte(10).text('a'.repeat(1000));
    expect(w.take().toString()).toBe(`客户\n${'a'.repeat(1000)}`);
    expect(w.length).toBe(0);
    expect(w.int(-7).take().toString()).toBe('-7');
  });

  it('refuses what is not a safe integer', () => {
    expect(() => new ByteWriter().int(1.5)).toThrow(/safe integer/);
    expect(() => new ByteWriter().int(2 ** 60)).toThrow(/safe integer/);
  });

  it('writes a number with a fixed number of places as toFixed does after rounding', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, places) => {
          const scale = 10 ** places;
          const expected = (Math.round(x * scale) / scale).toFixed(places);
          const got = new ByteWriter(8).fixed(x, places).take().toString();
          expect(Number(got)).toBe(Number(expected));
          expect(got.split('.')[1]?.length ?? 0).toBe(places);
        },
      ),
    );
    expect(new ByteWriter().fixed(0.5, 3).take().toString()).toBe('0.500');
    expect(new ByteWriter().fixed(-0.0004, 3).take().toString()).toBe('0.000');
    expect(() => new ByteWriter().fixed(Number.NaN, 2)).toThrow(/cannot write/);
  });
});
