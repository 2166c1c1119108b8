import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectDistribution, transitionMatrix } from './markov';

const TIERS = ['MVC', 'STC', 'BZ'];

describe('transitionMatrix', () => {
  it('counts pairs and normalizes rows (hand-computed)', () => {
    const m = transitionMatrix(
      [
        { from: 'MVC', to: 'MVC', count: 8 },
        { from: 'MVC', to: 'STC', count: 2 },
        { from: 'STC', to: 'MVC' },
        { from: 'STC', to: 'STC' },
        { from: 'STC', to: 'STC' },
        { from: 'STC', to: 'BZ' },
        { from: 'new', to: 'STC', count: 5 },
      ],
      TIERS,
    );
    expect(m.counts).toEqual([
      [8, 2, 0],
      [1, 2, 1],
      [0, 0, 0],
    ]);
    expect(m.p).toEqual([
      [0.8, 0.2, 0],
      [0.25, 0.5, 0.25],
      [0, 0, 1],
    ]);
    expect(m.emptyRows).toEqual(['BZ']);
    expect(m.skipped).toBe(5);
  });

  it('projects the distribution k runs ahead', () => {
    const p = [
      [0.8, 0.2, 0],
      [0.25, 0.5, 0.25],
      [0, 0, 1],
    ];
    expect(projectDistribution([100, 100, 0], p, 0)).toEqual([100, 100, 0]);
    const one = projectDistribution([100, 100, 0], p, 1);
    expect(one.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([105, 70, 25]);
    const two = projectDistribution([100, 100, 0], p, 2);
    // [105, 70, 25] · P = [84 + 17.5, 21 + 35, 17.5 + 25]
    expect(two.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([101.5, 56, 42.5]);
    expect(() => projectDistribution([1], p, 1)).toThrow(RangeError);
    expect(() => projectDistribution([1, 0, 0], p, -1)).toThrow(RangeError);
  });

  it('property: every row sums to 1 and projection keeps the total', () => {
    const pair = fc.record({ from: fc.constantFrom(...TIERS), to: fc.constantFrom(...TIERS) });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 200 }), fc.integer({ min: 0, max: 6 }), (pairs, k) => {
        const m = transitionMatrix(pairs, TIERS);
        for (const row of m.p) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        const dist = m.counts.map((row) => row.reduce((a, b) => a + b, 0));
        const total = dist.reduce((a, b) => a + b, 0);
        expect(projectDistribution(dist, m.p, k).reduce((a, b) => a + b, 0)).toBeCloseTo(total, 9);
      }),
    );
  });
});
