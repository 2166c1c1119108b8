/**
 * Factor matrices (因素组合矩阵): two factors, each cut into bands, form a grid whose cells carry a name,
 * a strategy text and (in value_policies, target 'cell', key 'matrixKey:cellKey') a policy.
 * A numeric factor is cut at ascending `cuts` (n cuts → n+1 bands, band i = values in [cuts[i−1], cuts[i]));
 * an ordered factor lists its values from low to high, grouped into bands.
 */
import { z } from 'zod';

/** Factors the engine computes or reads (CustomerValueInput.factors carries custom ones too). */
export const BUILTIN_FACTORS = [
  'revenue_band',
  'credit_rating',
  'revenue_12m',
  'profit_12m',
  'actual_value',
  'strategic_value',
  'share_of_wallet',
  'product_prospects',
  'market_growth',
  'revenue_trend',
  'employees',
] as const;

export const matrixAxisSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('numeric'),
    factor: z.string().min(1).max(60),
    cuts: z.array(z.number()).min(1).max(9),
  }),
  z.object({
    kind: z.literal('ordered'),
    factor: z.string().min(1).max(60),
    /** Bands from low to high; each band lists the values it holds. */
    bands: z
      .array(z.array(z.string().min(1)).min(1))
      .min(2)
      .max(10),
  }),
]);
export type MatrixAxis = z.infer<typeof matrixAxisSchema>;

export const matrixCellSchema = z.object({
  /** Band indexes, 0 = lowest. */
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  nameZh: z.string().min(1).max(40),
  nameEn: z.string().min(1).max(40),
  strategyZh: z.string().max(500).default(''),
  strategyEn: z.string().max(500).default(''),
});
export type MatrixCell = z.infer<typeof matrixCellSchema>;

export const matrixDefinitionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  nameZh: z.string().min(1).max(60),
  nameEn: z.string().min(1).max(60),
  x: matrixAxisSchema,
  y: matrixAxisSchema,
  /** Every (x, y) band pair has exactly one cell (checked by validateMatrix). */
  cells: z.array(matrixCellSchema).min(1).max(100),
});
export type MatrixDefinition = z.infer<typeof matrixDefinitionSchema>;
