/**
 * Purchase records → the models' per-customer summary for a calibration end day (references §6): a
 * purchase occasion is a customer's distinct order day (same-day amounts merged), x = occasions − 1,
 * t_x = last − first and T = calibration end − first, in periods (unrounded); z̄ = the mean of the
 * day-merged repeat purchases (the first purchase excluded; 0 when x = 0). Optionally the repeat days in a
 * holdout (calibration end, holdout end], for checking forecasts against what happened.
 */
import { dayNumber, isoDay } from '../days';
import { ClvError } from './clv-errors';

export type PurchaseRecord = {
  key: string;
  /** ISO day (YYYY-MM-DD). */
  day: string;
  /** Integer cents; negative for a refund. */
  amountCents: number;
};

export type ClvPeriod = 'day' | 'week' | 'month';

/** Days per period; a month is the average Gregorian month, 365.25/12 days. */
export const PERIOD_DAYS: Record<ClvPeriod, number> = { day: 1, week: 7, month: 365.25 / 12 };

export type CalibrationOptions = {
  calibrationEnd: string;
  /** Holdout end day (after the calibration end); omit for no holdout. */
  holdoutEnd?: string;
  period: ClvPeriod;
};

export type CalibrationRow = {
  key: string;
  x: number;
  t_x: number;
  T: number;
  /** Mean day-merged repeat purchase, in cents (the unit of the input); 0 when x = 0. */
  zbar: number;
  /** The first purchase day (ISO): the customer's "birth". */
  firstDay: string;
};

export type CalibrationData = {
  /** Customers whose first purchase is on or before the calibration end, in order of first appearance. */
  rows: CalibrationRow[];
  /** Repeat purchase days in (calibration end, holdout end] per row, or null without a holdout. */
  holdout: Int32Array | null;
  /** The holdout's length in periods, or null. */
  holdoutLength: number | null;
  periodDays: number;
  calibrationEnd: string;
  holdoutEnd: string | null;
  /** For tracking: customers per first-purchase day, and repeat purchases per day up to the last day used. */
  births: Map<number, number>;
  repeats: Map<number, number>;
  /** Customers whose first purchase came after the calibration end (not in the cohort). */
  laterCustomers: number;
};

function checkedDay(iso: string, what: string): number {
  const n = dayNumber(iso);
  if (Number.isNaN(n)) throw new ClvError('invalid_day', `${what} is not a valid day (YYYY-MM-DD): ${iso}`);
  return n;
}

/** Day-merged purchases per customer: key → (day number → cents). */
function purchaseDays(records: Iterable<PurchaseRecord>): Map<string, Map<number, number>> {
  const customers = new Map<string, Map<number, number>>();
  for (const r of records) {
    const day = checkedDay(r.day, `the purchase day of ${r.key}`);
    if (!Number.isSafeInteger(r.amountCents))
      throw new ClvError('invalid_amount', `the amount of ${r.key} on ${r.day} is not whole cents`);
    let days = customers.get(r.key);
    if (!days) {
      days = new Map();
      customers.set(r.key, days);
    }
    days.set(day, (days.get(day) ?? 0) + r.amountCents);
  }
  return customers;
}

const bump = (m: Map<number, number>, k: number): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};

export function calibrationSummary(
  records: Iterable<PurchaseRecord>,
  options: CalibrationOptions,
): CalibrationData {
  const end = checkedDay(options.calibrationEnd, 'the calibration end');
  const holdoutEnd =
    options.holdoutEnd === undefined ? null : checkedDay(options.holdoutEnd, 'the holdout end');
  if (holdoutEnd !== null && holdoutEnd <= end)
    throw new ClvError('holdout_not_after_calibration', 'the holdout must end after the calibration end');
  const periodDays = PERIOD_DAYS[options.period];
  const lastDay = holdoutEnd ?? end;
  const customers = purchaseDays(records);
  const rows: CalibrationRow[] = [];
  const holdout: number[] = [];
  const births = new Map<number, number>();
  const repeats = new Map<number, number>();
  let laterCustomers = 0;
  for (const [key, days] of customers) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const first = sorted[0]!;
    if (first > end) {
      laterCustomers++;
      continue;
    }
    bump(births, first);
    let x = 0;
    let last = first;
    let spend = 0;
    let later = 0;
    for (const d of sorted.slice(1)) {
      if (d > lastDay) break;
      bump(repeats, d);
      if (d > end) {
        later++;
        continue;
      }
      x++;
      last = d;
      spend += days.get(d)!;
    }
    rows.push({
      key,
      x,
      t_x: (last - first) / periodDays,
      T: (end - first) / periodDays,
      zbar: x > 0 ? spend / x : 0,
      firstDay: isoDay(first),
    });
    holdout.push(later);
  }
  if (rows.length === 0 && laterCustomers > 0)
    throw new ClvError(
      'calibration_before_first_order',
      `the calibration end ${options.calibrationEnd} precedes every customer's first order`,
    );
  return {
    rows,
    holdout: holdoutEnd === null ? null : Int32Array.from(holdout),
    holdoutLength: holdoutEnd === null ? null : (holdoutEnd - end) / periodDays,
    periodDays,
    calibrationEnd: options.calibrationEnd,
    holdoutEnd: options.holdoutEnd ?? null,
    births,
    repeats,
    laterCustomers,
  };
}
