import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAbc, rankAbc, validateCutOffs } from './abc';
import { codeOrder } from './ranking';

const run = (values: number[], aCut = 0.8, bCut = 0.95, codes?: string[]) =>
  classifyAbc(
    values.map((valueCents, i) => ({ code: codes?.[i] ?? `c${String(i).padStart(3, '0')}`, valueCents })),
    aCut,
    bCut,
  ).join('');

describe('ABC by cumulative share (hand-computed)', () => {
  it.each([
    ['A reaches 80% exactly at the 2nd customer', [50, 30, 10, 5, 3, 2], 0.8, 0.95, 'AABBCC'],
    ['an exact decimal cut is reached exactly (70 of 100 at 0.7)', [40, 30, 20, 10], 0.7, 0.9, 'AABC'],
    ['the customer that crosses the cut belongs to A', [60, 25, 10, 5], 0.8, 0.95, 'AABC'],
    ['input order does not matter', [5, 10, 30, 50, 3, 2], 0.8, 0.95, 'BBAACC'],
    ['zero and negative values are C', [100, 0, -20], 0.8, 0.95, 'ACC'],
    ['one customer', [5], 0.8, 0.95, 'A'],
    ['one customer with a loss', [-5], 0.8, 0.95, 'C'],
    ['all customers worth nothing', [0, 0, 0], 0.8, 0.95, 'CCC'],
    ['an empty base', [], 0.8, 0.95, ''],
    ['bCut = 100%: every positive customer is A or B', [50, 30, 20], 0.5, 1, 'ABB'],
  ])('%s', (_name, values, aCut, bCut, expected) => {
    expect(run(values, aCut, bCut)).toBe(expected);
  });

  it('breaks ties by customer code', () => {
    // order by code: a, b, c, d → shares .25 .5 .75 1
    expect(run([10, 10, 10, 10], 0.5, 0.75, ['d', 'b', 'c', 'a'])).toBe('CABA');
  });

  it('all customers equal: ranks follow the codes, classes by share', () => {
    const codes = ['k3', 'k1', 'k2'];
    const r = rankAbc(Float64Array.from([7, 7, 7]), codeOrder(codes), 0.3, 0.5);
    expect(Array.from(r.rank)).toEqual([3, 1, 2]);
    expect(Array.from(r.classes)).toEqual([2, 0, 1]);
    expect(r.cumShare[1]).toBeCloseTo(1 / 3);
  });

  it('explains with rank and cumulative share; no share for value ≤ 0', () => {
    const r = rankAbc(Float64Array.from([30, -10, 70, 0]), codeOrder(['a', 'b', 'c', 'd']), 0.8, 0.95);
    expect(Array.from(r.rank)).toEqual([2, 4, 1, 3]);
    expect(Array.from(r.cumShare)).toEqual([1, Number.NaN, 0.7, Number.NaN]);
    expect(r.totalPositive).toBe(100);
  });
});

describe('validateCutOffs', () => {
  it.each([
    [0.8, 0.95, []],
    [0.7, 1, []],
    [0.95, 0.8, [{ path: 'bCut', code: 'cut_offs_not_increasing' }]],
    [0.8, 0.8, [{ path: 'bCut', code: 'cut_offs_not_increasing' }]],
    [0, 0.5, [{ path: 'aCut', code: 'cut_off_out_of_range' }]],
    [0.5, 1.2, [{ path: 'bCut', code: 'cut_off_out_of_range' }]],
    [Number.NaN, 0.5, [{ path: 'aCut', code: 'cut_off_out_of_range' }]],
  ])('%f / %f', (a, b, issues) => {
    expect(validateCutOffs(a, b)).toEqual(issues);
  });
});

describe('codeOrder', () => {
  it('orders by UTF-16 code units, sorted input in one pass', () => {
    expect(Array.from(codeOrder(['b', 'a', 'C', '客户']))).toEqual([2, 1, 0, 3]);
    expect(Array.from(codeOrder(['b', 'a', 'c']))).toEqual([1, 0, 2]);
    expect(Array.from(codeOrder(['a', 'b', 'c']))).toEqual([0, 1, 2]);
  });
});

describe('ABC properties', () => {
  const cuts = fc
    .tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 99 }))
    .filter(([a, b]) => a < b + 1)
    .map(([a, b]) => [a / 100, Math.min(1, (Math.max(a, b) + 1) / 100)] as const);
  const values = fc.array(fc.integer({ min: -1000, max: 100_000 }), { maxLength: 200 });

  it('classes partition the customers; A is the smallest top set reaching aCut, A ∪ B reaching bCut', () => {
    fc.assert(
      fc.property(values, cuts, (vals, [aCut, bCut]) => {
        const codes = vals.map((_, i) => `c${String(i).padStart(4, '0')}`);
        const r = rankAbc(Float64Array.from(vals), codeOrder(codes), aCut, bCut);
        expect(r.classes.length).toBe(vals.length);
        const total = vals.reduce((s, v) => s + (v > 0 ? v : 0), 0);
        const desc = vals.filter((v) => v > 0).sort((x, y) => y - x);
        const count = (k: number) => r.classes.filter((c) => c === k).length;
        const aCount = count(0);
        const abCount = aCount + count(1);
        expect(aCount + count(1) + count(2)).toBe(vals.length);
        const top = (k: number) => desc.slice(0, k).reduce((s, v) => s + v, 0);
        // the smallest k with top(k)/total ≥ cut
        const smallest = (cut: number) => {
          let k = 0;
          while (k < desc.length && top(k) / total < cut) k++;
          return k;
        };
        expect(aCount).toBe(total > 0 ? smallest(aCut) : 0);
        expect(abCount).toBe(total > 0 ? smallest(bCut) : 0);
        vals.forEach((v, i) => {
          if (v <= 0) expect(r.classes[i]).toBe(2);
        });
        // classes follow the ranking: A above B above C
        for (let k = 1; k < r.order.length; k++)
          expect(r.classes[r.order[k]!]!).toBeGreaterThanOrEqual(r.classes[r.order[k - 1]!]!);
      }),
      { numRuns: 300 },
    );
  });
});
