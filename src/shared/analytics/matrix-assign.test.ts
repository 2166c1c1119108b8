import { describe, expect, it } from 'vitest';
import {
  BUILTIN_MATRICES,
  CREDIT_RATINGS,
  PRODUCT_MARKET_MATRIX,
  REVENUE_BANDS,
  SIZE_CREDIT_MATRIX,
} from './builtin-matrices';
import { assignCell, compileMatrix, MatrixError, numericFactor, validateMatrix } from './matrix-assign';
import { type MatrixDefinition, matrixDefinitionSchema } from './value-matrix';

const at = (def: MatrixDefinition, factors: Record<string, string | number | null>) =>
  assignCell(compileMatrix(def), (name) => factors[name]);

describe('built-in matrices', () => {
  it.each(BUILTIN_MATRICES.map((m) => [m.key, m] as const))(
    '%s is valid and parses with the schema',
    (_key, m) => {
      expect(validateMatrix(m)).toEqual([]);
      expect(matrixDefinitionSchema.parse(m)).toEqual(m);
      for (const c of m.cells)
        for (const text of [c.nameZh, c.nameEn, c.strategyZh, c.strategyEn]) expect(text).not.toBe('');
    },
  );

  it('size × credit covers every revenue band and rating', () => {
    for (const band of REVENUE_BANDS)
      for (const rating of CREDIT_RATINGS)
        expect(at(SIZE_CREDIT_MATRIX, { revenue_band: band, credit_rating: rating })).not.toBeNull();
  });

  it.each([
    [{ revenue_band: 'gt_1b', credit_rating: 'AAA' }, 'key_account'],
    [{ revenue_band: 'lt_10m', credit_rating: 'C' }, 'small_risky'],
    [{ revenue_band: '50m_200m', credit_rating: 'BBB' }, 'mid_fair'],
    [{ revenue_band: '200m_1b', credit_rating: 'BB' }, 'large_risky'],
    [{ revenue_band: '200m_1b', credit_rating: null }, null],
    [{ revenue_band: 'huge', credit_rating: 'A' }, null],
    [{ credit_rating: 'A' }, null],
  ])('size × credit %j → %s', (factors, cell) => {
    expect(at(SIZE_CREDIT_MATRIX, factors)).toBe(cell);
  });

  it.each([
    [{ product_prospects: 5, market_growth: 10 }, 'star'], // a cut is the lower bound of the upper band
    [{ product_prospects: 3.49, market_growth: 9.99 }, 'stable_fair'],
    [{ product_prospects: 2.5, market_growth: -0.01 }, 'declining_fair'],
    [{ product_prospects: 1, market_growth: 0 }, 'stable_weak'],
    [{ product_prospects: '4', market_growth: '-20' }, 'declining_strong'],
    [{ product_prospects: 4, market_growth: null }, null],
    [{ product_prospects: 'high', market_growth: 5 }, null],
  ])('product × market %j → %s', (factors, cell) => {
    expect(at(PRODUCT_MARKET_MATRIX, factors)).toBe(cell);
  });
});

describe('validateMatrix', () => {
  const base: MatrixDefinition = {
    key: 'm',
    nameZh: '矩阵',
    nameEn: 'Matrix',
    x: { kind: 'numeric', factor: 'revenue_12m', cuts: [100] },
    y: { kind: 'ordered', factor: 'credit_rating', bands: [['C', 'B'], ['A']] },
    cells: [
      { x: 0, y: 0, key: 'a', nameZh: '甲', nameEn: 'a', strategyZh: '', strategyEn: '' },
      { x: 0, y: 1, key: 'b', nameZh: '乙', nameEn: 'b', strategyZh: '', strategyEn: '' },
      { x: 1, y: 0, key: 'c', nameZh: '丙', nameEn: 'c', strategyZh: '', strategyEn: '' },
      { x: 1, y: 1, key: 'd', nameZh: '丁', nameEn: 'd', strategyZh: '', strategyEn: '' },
    ],
  };
  const cell = base.cells[0]!;

  it.each([
    ['valid', base, []],
    [
      'cuts not increasing',
      { ...base, x: { kind: 'numeric', factor: 'f', cuts: [5, 5] } },
      ['x.cuts.1 cuts_not_increasing', 'cells cell_missing', 'cells cell_missing'],
    ],
    [
      'a value in two bands',
      { ...base, y: { kind: 'ordered', factor: 'f', bands: [['C', 'B'], ['B']] } },
      ['y.bands.1.0 value_in_two_bands'],
    ],
    ['a band pair without a cell', { ...base, cells: base.cells.slice(0, 3) }, ['cells cell_missing']],
    [
      'a band pair with two cells',
      { ...base, cells: [...base.cells, { ...cell, key: 'e' }] },
      ['cells.4 cell_twice'],
    ],
    [
      'a cell outside the grid',
      { ...base, cells: [...base.cells, { ...cell, x: 2, key: 'e' }] },
      ['cells.4 cell_outside_grid'],
    ],
    [
      'a key twice',
      { ...base, cells: [...base.cells.slice(0, 3), { ...base.cells[3]!, key: 'a' }] },
      ['cells.3.key cell_key_twice'],
    ],
  ] as [string, MatrixDefinition, string[]][])('%s', (_name, def, issues) => {
    expect(validateMatrix(def).map((i) => `${i.path} ${i.code}`)).toEqual(issues);
  });

  it('compileMatrix refuses an invalid definition', () => {
    expect(() => compileMatrix({ ...base, cells: base.cells.slice(1) })).toThrow(MatrixError);
  });

  it('numeric bands: below the first cut, between, at or above the last', () => {
    expect(at(base, { revenue_12m: 99.99, credit_rating: 'B' })).toBe('a');
    expect(at(base, { revenue_12m: 100, credit_rating: 'A' })).toBe('d');
    expect(numericFactor('  ')).toBeNull();
    expect(numericFactor(Number.NaN)).toBeNull();
    expect(numericFactor('1e3')).toBe(1000);
  });
});
