import { describe, expect, it } from 'vitest';
import { SingularMatrixError, solveLinear } from './linear-solve';
import { finiteHorizonValues, migrationValue, recencyChain } from './migration-model';

const round2 = (xs: number[]) => xs.map((x) => Math.round(x * 100) / 100 + 0);

describe('Pfeifer & Carraway migration model (references §1e)', () => {
  // p1..p4 = .30 .20 .15 .05, p5 = 0; NC = 40, M = 4 → R = [36, −4, −4, −4, 0]; d = 0.20
  const p = recencyChain([0.3, 0.2, 0.15, 0.05, 0]);
  const r = [36, -4, -4, -4, 0];

  it('builds the paper’s P (column-wise as in the R re-implementation)', () => {
    const columnWise = [
      0.3, 0.2, 0.15, 0.05, 0, 0.7, 0, 0, 0, 0, 0, 0.8, 0, 0, 0, 0, 0, 0.85, 0, 0, 0, 0, 0, 0.95, 1,
    ];
    const fromColumns = [0, 1, 2, 3, 4].map((i) => [0, 1, 2, 3, 4].map((j) => columnWise[j * 5 + i]!));
    expect(p.map((row) => row.map((x) => Math.round(x * 100) / 100))).toEqual(fromColumns);
  });

  it('V = (52.32, 5.55, 1.25, −1.82, 0)', () => {
    expect(round2(migrationValue(p, r, 0.2))).toEqual([52.32, 5.55, 1.25, -1.82, 0]);
  });

  it('stop mailing state 4: V = (53.15, 6.62, 2.64, 0, 0); also dropping state 3 lowers V₁ to 51.57', () => {
    expect(round2(migrationValue(recencyChain([0.3, 0.2, 0.15, 0, 0]), [36, -4, -4, 0, 0], 0.2))).toEqual([
      53.15, 6.62, 2.64, 0, 0,
    ]);
    expect(round2(migrationValue(recencyChain([0.3, 0.2, 0, 0, 0]), [36, -4, 0, 0, 0], 0.2))[0]).toBe(51.57);
  });

  it('finite horizon: V₀ … V₄ of state 1 = 36, 42.67, 46.28, 48.48, 50.11', () => {
    expect(round2(finiteHorizonValues(p, r, 0.2, 4).map((v) => v[0]!))).toEqual([
      36, 42.67, 46.28, 48.48, 50.11,
    ]);
  });

  it('phpOMS testMigrationModel: migrationModel(0.1, [0.5, 0.2, 0.1, 0], [100, 0, 0, 0]) = [231.08, 57.29, 21.01, 0]', () => {
    expect(round2(migrationValue(recencyChain([0.5, 0.2, 0.1, 0]), [100, 0, 0, 0], 0.1))).toEqual([
      231.08, 57.29, 21.01, 0,
    ]);
  });

  it('the finite horizon converges to the infinite one', () => {
    const far = finiteHorizonValues(p, r, 0.2, 200).at(-1)!;
    migrationValue(p, r, 0.2).forEach((v, i) => {
      expect(far[i]).toBeCloseTo(v, 6);
    });
  });

  it('refuses bad shapes and rates', () => {
    expect(() => migrationValue([[1]], [1, 2], 0.1)).toThrow(RangeError);
    expect(() => migrationValue([[1]], [1], -1)).toThrow(RangeError);
    expect(() => recencyChain([1.5])).toThrow(RangeError);
  });
});

describe('solveLinear (Gauss–Jordan)', () => {
  it.each([
    [
      [
        [2, 1],
        [1, 3],
      ],
      [3, 5],
      [0.8, 1.4],
    ],
    [
      [
        [0, 1],
        [1, 0],
      ],
      [2, 3],
      [3, 2],
    ], // needs a pivot swap
    [[[4]], [2], [0.5]],
  ])('%j x = %j', (a, b, x) => {
    solveLinear(a, b).forEach((v, i) => {
      expect(v).toBeCloseTo(x[i]!, 12);
    });
  });

  it('throws on a singular matrix', () => {
    expect(() =>
      solveLinear(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toThrow(SingularMatrixError);
    // undiscounted absorbing chain: I − P is singular
    expect(() => migrationValue(recencyChain([0.5, 0]), [1, 0], 0)).toThrow(SingularMatrixError);
  });
});
