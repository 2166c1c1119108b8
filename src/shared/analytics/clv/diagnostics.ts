/**
 * How well a fitted BG/NBD forecasts what happened next (Fader, Hardie & Lee 2005, figures 3–5):
 * (a) expected vs actual repeat purchases in the holdout, grouped by calibration repeats 0..6 and 7+;
 * (b) tracking: expected vs actual cumulative repeat purchases per period over calibration + holdout.
 */
import { dayNumber, isoDay } from '../days';
import type { BgNbdParams } from './bgnbd';
import { conditionalExpectedPurchases, expectedPurchases } from './bgnbd-predict';
import type { SummaryRow } from './summary-rows';

export type HoldoutGroup = {
  /** '0' … '6', then '7+' (with the default of 7 groups before the last). */
  label: string;
  customers: number;
  /** Mean repeat purchases per customer in the holdout: actual and forecast. */
  actual: number;
  expected: number;
};

/** Groups by calibration repeats x = 0 … lastGroup − 1 and lastGroup+ (FHL 2005 fig. 4 uses 7+). */
export function calibrationVsHoldout(
  p: BgNbdParams,
  rows: readonly SummaryRow[],
  holdout: ArrayLike<number>,
  holdoutLength: number,
  lastGroup = 7,
): HoldoutGroup[] {
  if (holdout.length !== rows.length) throw new RangeError('one holdout count per row');
  const count = new Array<number>(lastGroup + 1).fill(0);
  const actual = new Array<number>(lastGroup + 1).fill(0);
  const expected = new Array<number>(lastGroup + 1).fill(0);
  rows.forEach((r, i) => {
    const g = Math.min(r.x, lastGroup);
    count[g]!++;
    actual[g]! += holdout[i]!;
    expected[g]! += conditionalExpectedPurchases(p, holdoutLength, r.x, r.t_x, r.T);
  });
  return count.map((n, g) => ({
    label: g === lastGroup ? `${g}+` : String(g),
    customers: n,
    actual: n > 0 ? actual[g]! / n : 0,
    expected: n > 0 ? expected[g]! / n : 0,
  }));
}

export type TrackingInput = {
  /** Customers per first-purchase day (day numbers), and repeat purchases per day (calibration.ts). */
  births: ReadonlyMap<number, number>;
  repeats: ReadonlyMap<number, number>;
  periodDays: number;
  calibrationEnd: string;
  /** The last day tracked: the holdout end, or the calibration end without a holdout. */
  lastDay: string;
};

export type Tracking = {
  /** The last day of each period (ISO), from the cohort's first purchase day on. */
  periodEnds: string[];
  /** Cumulative repeat purchases up to each period's end. */
  actual: number[];
  expected: number[];
  /** How many of the periods lie in the calibration (the rest is holdout). */
  calibrationPeriods: number;
};

/**
 * Period k covers the days [start + (k−1)P, start + kP) and ends at time t_k = start + kP − 1 (its last
 * day, as the calibration end is the last day of T). Actual: repeat days ≤ t_k. Expected: Σ over
 * customers born by t_k of E[X((t_k − birth)/P)], computed once per distinct age.
 */
export function trackingSeries(p: BgNbdParams, input: TrackingInput): Tracking {
  const births = [...input.births].sort((a, b) => a[0] - b[0]);
  if (births.length === 0) return { periodEnds: [], actual: [], expected: [], calibrationPeriods: 0 };
  const P = input.periodDays;
  const start = births[0]![0];
  const last = dayNumber(input.lastDay);
  const calibrationEnd = dayNumber(input.calibrationEnd);
  const repeats = [...input.repeats].sort((a, b) => a[0] - b[0]);
  const periods = Math.ceil((last - start + 1) / P);
  const byAge = new Map<number, number>();
  const out: Tracking = { periodEnds: [], actual: [], expected: [], calibrationPeriods: 0 };
  let nextRepeat = 0;
  let actual = 0;
  for (let k = 1; k <= periods; k++) {
    const t = Math.min(start + k * P - 1, last);
    while (nextRepeat < repeats.length && repeats[nextRepeat]![0] <= t) actual += repeats[nextRepeat++]![1];
    let expected = 0;
    for (const [birth, n] of births) {
      if (birth > t) break;
      const age = (t - birth) / P;
      let e = byAge.get(age);
      if (e === undefined) {
        e = expectedPurchases(p, age);
        byAge.set(age, e);
      }
      expected += n * e;
    }
    out.periodEnds.push(isoDay(Math.floor(t)));
    out.actual.push(actual);
    out.expected.push(expected);
    if (t <= calibrationEnd) out.calibrationPeriods = k;
  }
  return out;
}
