import { describe, expect, it } from 'vitest';
import { revenueTrend, tCritical95 } from './revenue-trend';

const months = (f: (t: number) => number) => Array.from({ length: 12 }, (_, t) => f(t));

describe('revenueTrend (least squares over 12 months)', () => {
  it('a perfect rising line: slope, infinite t, gain 144 × slope, growth relative to the mean', () => {
    const r = revenueTrend(months((t) => 1_000 + 100 * t)); // mean 1550
    expect(r.slopeCentsPerMonth).toBeCloseTo(100, 9);
    expect(r.t).toBe(Infinity);
    expect(r.significant).toBe(true);
    expect(r.projectedGainCents).toBeCloseTo(14_400, 6);
    expect(r.growthPctPerYear).toBeCloseTo((1200 / 1550) * 100, 9);
  });

  it('hand-computed noisy case: y = 0,0,…,0,12 (only the last month)', () => {
    // t̄ = 5.5, Sₜₜ = 143, ȳ = 1; b = (11 − 5.5) × 12 / 143 = 66/143 = 0.4615…
    // Σ(y − ȳ)² = 11 × 1 + 121 = 132; RSS = 132 − b × 66 = 132 − 30.4615 = 101.538…
    // se = √(101.538 / 10 / 143) = 0.26647; t = 1.7321 < 1.812 → not significant
    const r = revenueTrend(months((t) => (t === 11 ? 12 : 0)));
    expect(r.slopeCentsPerMonth).toBeCloseTo(66 / 143, 12);
    expect(r.t).toBeCloseTo(66 / 143 / Math.sqrt((132 - (66 * 66) / 143) / 10 / 143), 9);
    expect(r.t).toBeCloseTo(1.7321, 4);
    expect(r.significant).toBe(false);
  });

  it.each([
    ['flat', months(() => 500), 0, false],
    ['all zero (no orders)', months(() => 0), 0, false],
    ['falling line', months((t) => 2_000 - 100 * t), -Infinity, false],
  ])('%s', (_name, ys, t, significant) => {
    const r = revenueTrend(ys);
    expect(r.t).toBe(t);
    expect(r.significant).toBe(significant);
  });

  it('fewer than 3 months: no trend; zero mean: no growth %', () => {
    expect(revenueTrend([5, 10])).toMatchObject({ t: 0, significant: false });
    expect(revenueTrend(months(() => 0)).growthPctPerYear).toBeNull();
  });

  it('critical values: 10 df → 1.812, beyond 30 → 1.645', () => {
    expect(tCritical95(10)).toBe(1.812);
    expect(tCritical95(100)).toBe(1.645);
  });
});
