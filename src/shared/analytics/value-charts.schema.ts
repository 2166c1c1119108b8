/**
 * Two aggregate reads of one classification run for the value dashboard's charts: the Pareto curve
 * (cumulative value share by rank, sampled) and the RFM R×F grid (count and mean M per cell). Both cover
 * the whole workspace, as the run's summary does; neither names a customer.
 */
import { z } from 'zod';
import { id } from '../common/fields';
import { ABC_CLASSES } from './value.contract';

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
