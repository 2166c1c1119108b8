import { describe, expect, it } from 'vitest';
import { centralHessian, deltaMethodCovariance, deltaMethodStandardErrors, invertMatrix } from './hessian';

describe('centralHessian', () => {
  it('is exact (to rounding) for a quadratic form', () => {
    const f = ([x, y, z]: readonly number[]) =>
      3 * x! * x! + 2 * x! * y! + 5 * y! * y! - y! * z! + z! * z! + 7 * x!;
    const h = centralHessian(f, [0.3, -1.2, 2]);
    const expected = [
      [6, 2, 0],
      [2, 10, -1],
      [0, -1, 2],
    ];
    h.forEach((row, i) => {
      row.forEach((v, j) => {
        expect(v).toBeCloseTo(expected[i]![j]!, 5);
      });
    });
  });

  it('matches analytic second derivatives of a smooth function', () => {
    const h = centralHessian(([x, y]) => Math.exp(x!) * Math.sin(y!), [0.5, 1]);
    expect(h[0]![0]).toBeCloseTo(Math.exp(0.5) * Math.sin(1), 6);
    expect(h[0]![1]).toBeCloseTo(Math.exp(0.5) * Math.cos(1), 6);
    expect(h[1]![1]).toBeCloseTo(-Math.exp(0.5) * Math.sin(1), 6);
  });
});

describe('covariance by the delta method', () => {
  it('inverts column by column and returns null for a singular matrix', () => {
    expect(
      invertMatrix([
        [4, 7],
        [2, 6],
      ]),
    ).toEqual([
      [0.6000000000000001, -0.7000000000000001],
      [-0.2, 0.4],
    ]);
    expect(
      invertMatrix([
        [1, 2],
        [2, 4],
      ]),
    ).toBeNull();
  });

  it('Cov(params) = diag(params)·H⁻¹·diag(params) for log-parameters', () => {
    const hessian = [
      [4, 1],
      [1, 2],
    ];
    const params = [2, 10];
    const inv = invertMatrix(hessian)!;
    const cov = deltaMethodCovariance(hessian, params)!;
    expect(cov[0]![1]).toBeCloseTo(2 * inv[0]![1]! * 10, 12);
    expect(deltaMethodStandardErrors(hessian, params)).toEqual([
      Math.sqrt(4 * inv[0]![0]!),
      Math.sqrt(100 * inv[1]![1]!),
    ]);
  });

  it('gives NaN where the variance is not positive or the Hessian singular', () => {
    expect(deltaMethodStandardErrors([[-1]], [1])).toEqual([Number.NaN]);
    expect(
      deltaMethodStandardErrors(
        [
          [1, 1],
          [1, 1],
        ],
        [1, 1],
      ),
    ).toEqual([Number.NaN, Number.NaN]);
  });
});
