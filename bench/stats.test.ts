import { describe, expect, it } from 'vitest';
import { endpointMissing, percentile, summarize } from './stats';

describe('percentile', () => {
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it.each([
    [0, 1],
    [50, 5.5],
    [90, 9.1],
    [95, 9.55],
    [99, 9.91],
    [100, 10],
  ])('p%d of 1..10 is %d (linear interpolation, like NumPy)', (p, expected) => {
    expect(percentile(ten, p)).toBeCloseTo(expected, 10);
  });

  it('of one value is that value', () => {
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it('of 1..100 hits the ranks', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBeCloseTo(50.5, 10);
    expect(percentile(hundred, 95)).toBeCloseTo(95.05, 10);
    expect(percentile(hundred, 99)).toBeCloseTo(99.01, 10);
  });

  it('of nothing is NaN', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('sorts, counts errors and statuses, and computes the rate', () => {
    const samples = [30, 10, 20, 40].map((ms, i) => ({ ms, status: i === 3 ? 500 : 200 }));
    const s = summarize(samples, 2000);
    expect(s).toMatchObject({ requests: 4, errors: 1, max: 40, mean: 25, rps: 2 });
    expect(s.p50).toBeCloseTo(25, 10);
    expect(s.statuses).toEqual({ '200': 3, '500': 1 });
  });

  it('counts network failures (status 0) and redirects as errors', () => {
    const s = summarize(
      [
        { ms: 1, status: 0 },
        { ms: 1, status: 302 },
        { ms: 1, status: 201 },
      ],
      1000,
    );
    expect(s.errors).toBe(2);
  });

  it('copes with no samples', () => {
    const s = summarize([], 0);
    expect(s).toMatchObject({ requests: 0, errors: 0, rps: 0 });
    expect(s.p95).toBeNaN();
  });
});

describe('endpointMissing', () => {
  it('is true only when every request answered 404 or 405', () => {
    expect(endpointMissing(summarize([{ ms: 1, status: 404 }], 1))).toBe(true);
    expect(
      endpointMissing(
        summarize(
          [
            { ms: 1, status: 404 },
            { ms: 1, status: 200 },
          ],
          1,
        ),
      ),
    ).toBe(false);
    expect(endpointMissing(summarize([], 1))).toBe(false);
  });
});
