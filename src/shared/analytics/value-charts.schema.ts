/**
 * Two aggregate reads of one classification run for the value dashboard's charts: the Pareto curve
 * (cumulative value share by rank, sampled) and the RFM R×F grid (count and mean M per cell). Both cover
 * the whole workspace, as the run's summary does; neither names a customer.
 */
import { z } from 'zod';
import { id } from '../common/fields';
import { ABC_CLASSES, VALUE_TIERS } from './value.contract';

export const RunChartQuerySchema = z
  .object({
    /** Default: the latest finished run. */
    run: id.optional(),
  })
  .strict();
export type RunChartQuery = z.infer<typeof RunChartQuerySchema>;

const runRef = z.object({ id: z.number(), asOf: z.string() });

/** At most this many points (plus the last rank of each class) are sent. */
export const PARETO_POINTS = 200;

export const ParetoSchema = z
  .object({
    run: runRef,
    basis: z.enum(['profit', 'revenue']),
    customers: z.number(),
    /** Ascending ranks; cumShare is the share of the total positive value reached at that rank (0–1). */
    points: z.array(z.object({ rank: z.number(), cumShare: z.number(), abc: z.enum(ABC_CLASSES) })),
  })
  .meta({ id: 'ValuePareto' });
export type Pareto = z.infer<typeof ParetoSchema>;

export const RfmGridSchema = z
  .object({
    run: runRef,
    /** One entry per (R, F) score pair that has customers; monetary is the mean M in yuan. */
    cells: z.array(
      z.object({
        r: z.number(),
        f: z.number(),
        count: z.number(),
        avgMonetary: z.number(),
        avgM: z.number(),
      }),
    ),
    /** Customers without RFM scores (no orders in the window). */
    unscored: z.number(),
  })
  .meta({ id: 'ValueRfmGrid' });
export type RfmGrid = z.infer<typeof RfmGridSchema>;

/**
 * CLV per tier of a finished run (issue 6): count of customers with a CLV, sum and quantiles (yuan); and
 * the churn risk histogram (customers per band of 10 points, 0–9 … 90–100) per tier.
 */
export const ClvByTierSchema = z
  .object({
    run: runRef,
    tiers: z.array(
      z.object({
        tier: z.enum(VALUE_TIERS),
        customers: z.number(),
        sum: z.number(),
        p10: z.number(),
        p25: z.number(),
        median: z.number(),
        p75: z.number(),
        p90: z.number(),
        /** Customers per churn-risk band: index k holds risks 10k … 10k + 9 (the last also 100). */
        riskBands: z.array(z.number()),
      }),
    ),
  })
  .meta({ id: 'ValueClvByTier' });
export type ClvByTier = z.infer<typeof ClvByTierSchema>;
