import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeOrder, rankDescending, sortOrder, tieGroupRanks } from './ranking';

const reference = (keys: number[], initial: number[]) =>
  [...initial].sort((a, b) => keys[a]! - keys[b]! || initial.indexOf(a) - initial.indexOf(b));

describe('sortOrder (radix sort of IEEE-754 bits)', () => {
  it.each([
    [[3, -1, 2, -1, 0, -0, 5.5, -7.25]],
    [[Infinity, -Infinity, 1e300, -1e300, 5e-324, -5e-324, 0]],
    [[2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1, 1, 1]],
    [[]],
    [[42]],
  ])('%j sorts like a comparator', (keys) => {
    const initial = keys.map((_, i) => i);
    expect(Array.from(sortOrder(Float64Array.from(keys)))).toEqual(reference(keys, initial));
  });

  it('is stable with respect to the initial order (−0 equals 0)', () => {
    const keys = Float64Array.from([1, 0, -0, 1, 0]);
    expect(Array.from(sortOrder(keys, Int32Array.from([4, 3, 2, 1, 0])))).toEqual([4, 2, 1, 3, 0]);
  });

  it('matches a stable comparator sort on random keys', () => {
    const key = fc.oneof(
      fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
      fc.double({ noNaN: true }),
      fc.constantFrom(0, 1, -1, 100),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.integer(), (keys, seed) => {
        const initial = keys
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97));
        const got = sortOrder(Float64Array.from(keys), Int32Array.from(initial));
        const want = reference(
          keys.map((k) => k + 0),
          initial,
        );
        expect(Array.from(got)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('matches a comparator sort on whole numbers (the one-word path) of any span', () => {
    const span = fc.constantFrom(10, 70_000, 2 ** 31, 2 ** 33, 2 ** 52);
    fc.assert(
      fc.property(
        span,
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { maxLength: 200 }),
        (s, xs) => {
          const keys = xs.map((x) => Math.round(x * s));
          const initial = keys.map((_, i) => i);
          expect(Array.from(sortOrder(Float64Array.from(keys)))).toEqual(
            reference(
              keys.map((k) => k + 0),
              initial,
            ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('codeOrder', () => {
  const byComparator = (codes: string[]) =>
    codes.map((_, i) => i).sort((a, b) => (codes[a]! < codes[b]! ? -1 : codes[a]! > codes[b]! ? 1 : a - b));

  it.each([
    [['b', 'a', 'C', '客户']],
    [['ab', 'a', 'abc', '', 'a\u0000', 'b', 'a']],
    [['C2026-0000010', 'C2026-0000002', 'C2026-000001', 'C2026-0000002']],
    [['a', 'b', 'c']],
  ])('%j orders like a comparator on UTF-16 code units', (codes) => {
    expect(Array.from(codeOrder(codes))).toEqual(byComparator(codes));
  });

  it('matches a comparator sort on random codes (prefixes, duplicates, surrogates)', () => {
    const code = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 5 }),
      fc.constantFrom('A', 'A1', 'A10', 'A2', ''),
    );
    fc.assert(
      fc.property(fc.array(code, { maxLength: 200 }), (codes) => {
        expect(Array.from(codeOrder(codes))).toEqual(byComparator(codes));
      }),
      { numRuns: 300 },
    );
  });
});

describe('rankDescending and tieGroupRanks', () => {
  it('ranks highest first, ties in code order, NaN last', () => {
    const codes = ['b', 'a', 'c', 'd'];
    expect(Array.from(rankDescending([5, 5, Number.NaN, 9], codeOrder(codes)))).toEqual([3, 1, 0, 2]);
  });

  it('gives each tie group its lowest 1-based rank', () => {
    expect(Array.from(tieGroupRanks(Float64Array.from([2, 1, 2, 3, 2, 4])))).toEqual([2, 1, 2, 5, 2, 6]);
  });
});
