import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead';

const rosenbrock = ([x, y]: readonly number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;

describe('nelderMead', () => {
  it('finds the Rosenbrock valley’s minimum at (1, 1)', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
    expect(result.fx).toBeLessThan(1e-10);
    expect(result.evaluations).toBeGreaterThan(result.iterations);
  });

  it('minimises a 4-dimensional quadratic without touching the start', () => {
    const start = [5, 5, 5, 5];
    const result = nelderMead((x) => x.reduce((s, v, i) => s + (i + 1) * (v - i) ** 2, 0), start);
    expect(result.converged).toBe(true);
    result.x.forEach((v, i) => {
      expect(v).toBeCloseTo(i, 5);
    });
    expect(start).toEqual([5, 5, 5, 5]);
  });

  it('stays away from rejected points (Infinity or NaN)', () => {
    const result = nelderMead(([x]) => (x! < 0.5 ? Number.NaN : (x! - 0.25) ** 2), [2]);
    expect(result.x[0]).toBeGreaterThanOrEqual(0.5);
    expect(result.x[0]).toBeCloseTo(0.5, 5);
  });

  it('says it did not converge when the iterations run out', () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 10, restarts: 0 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(10);
  });
});
