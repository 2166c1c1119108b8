/**
 * `kehu analyze`'s lifetime-value part (issue 6 item 6): BG/NBD and Gamma-Gamma fitted on the orders up
 * to the calibration end, every customer scored as of that day (P(alive), expected purchases and spend,
 * CLV, churn risk), and, when orders after it are there (the holdout, up to as-of), how the forecasts
 * compare with what happened. The definitions are the server run's (predictions.ts): a purchase occasion
 * is a distinct order day (same-day amounts merged), x = purchase days − 1, t_x and T in periods, z̄ = the
 * mean of the repeat days' amounts (calibration.ts does the counting for both).
 */
import { horizonDays } from '../../shared/analytics/churn/churn-settings';
import {
  type CalibrationData,
  type CalibrationRow,
  ClvError,
  type ClvPeriod,
  calibrationSummary,
  type FittedModels,
  fitModelsOnly,
  PERIOD_DAYS,
  type PurchaseRecord,
} from '../../shared/analytics/clv/models';
import { dayNumber, isoDay, monthOfDay } from '../../shared/analytics/days';
import { DEFAULT_VALUE_SETTINGS } from '../../shared/analytics/value-settings';
import { CliError } from '../context';
import { CHURN, scoreAll } from './analyze-clv-score';
import type { analyzeText } from './analyze-messages';

export type ClvRunOptions = {
  asOf: string;
  /** On or before as-of; orders after it (up to as-of) are the holdout. */
  calibrationEnd: string;
  period: ClvPeriod;
  /** Periods ahead for expected purchases and CLV. */
  horizon: number;
  /** Yearly; converted to the period as the server does. */
  discountRate: number;
};

type Customer = {
  /** Day number → cents of the orders up to as-of, merged per day; handed over once by records(). */
  days: Map<number, number>;
  /** Revenue of the 12 calendar months ending with the calibration end's month (orders up to it). */
  monthly: Float64Array | null;
  /** An order day in (calibration end, calibration end + the churn horizon]: did not churn. */
  boughtSoon: boolean;
};

/**
 * What the models need of each order, gathered as the file streams. It keeps the last 12 months' revenue
 * before the calibration end per customer (the churn score's revenue-trend reason needs it; the
 * OrderAccumulator's months end at as-of, which is the holdout's end, not the calibration's).
 */
export class ClvAccumulator {
  readonly customers = new Map<string, Customer>();
  /** Day numbers of the calibration end, as-of and the churn horizon's end; the trend's first month. */
  private readonly at: { end: number; asOf: number; soon: number; firstMonth: number };
  /** Orders up to as-of, those dated on a 1st of a month, and the first order day. */
  orders = 0;
  firstOfMonth = 0;
  firstDay = Number.POSITIVE_INFINITY;

  constructor(calibrationEnd: string, asOf: string) {
    const end = dayNumber(calibrationEnd);
    this.at = {
      end,
      asOf: dayNumber(asOf),
      soon: end + horizonDays(CHURN),
      firstMonth: monthOfDay(end) - 11,
    };
  }

  /** day: a checked ISO day. Orders after as-of are left out (the OrderAccumulator counts them). */
  add(code: string, day: string, cents: number): void {
    const d = dayNumber(day);
    const { end, asOf, soon, firstMonth } = this.at;
    if (d > asOf) return;
    let c = this.customers.get(code);
    if (!c) {
      c = { days: new Map(), monthly: null, boughtSoon: false };
      this.customers.set(code, c);
    }
    this.orders++;
    if (day.endsWith('-01')) this.firstOfMonth++;
    if (d < this.firstDay) this.firstDay = d;
    c.days.set(d, (c.days.get(d) ?? 0) + cents);
    if (d > end) {
      if (d <= soon) c.boughtSoon = true;
    } else {
      const month = monthOfDay(d) - firstMonth;
      if (month < 0) return;
      c.monthly ??= new Float64Array(12);
      c.monthly[month]! += cents;
    }
  }

  /** Every order date is the first of a month: monthly data. */
  get wholeMonths(): boolean {
    return this.orders > 0 && this.firstOfMonth === this.orders;
  }

  /** The day-merged purchases, each customer's freed once read (the summary keeps its own copy). */
  *records(): Generator<PurchaseRecord> {
    for (const [key, c] of this.customers) {
      for (const [d, amountCents] of c.days) yield { key, day: isoDay(d), amountCents };
      c.days = new Map();
    }
  }
}

/** Per customer of the inputs (aligned with them); NaN, or −1 for churn risk, where there is no figure. */
export type ClvColumns = {
  x: Float64Array;
  t_x: Float64Array;
  T: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** In money (not cents). */
  expectedSpend: Float64Array;
  clv: Float64Array;
  churnRisk: Int16Array;
};

export type ClvRun = {
  data: CalibrationData;
  fitted: Omit<FittedModels, 'predictions'>;
  /** Customers the models were fitted on (a fixed sample of a large base). */
  fittedOn: number;
  /** The churn risk of data.rows (−1: none), for the holdout's check. */
  churnRisk: Int16Array;
  columns: ClvColumns;
  discountRatePerPeriod: number;
};

/** The server's cap: more customers move the estimates only in the third significant digit. */
const FIT_SAMPLE = DEFAULT_VALUE_SETTINGS.clv.fitSample;

/** FNV-1a of the customer code to [0, 1): the same customers are sampled on every run of a file. */
function unitHash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return ((h ^ (h >>> 15)) >>> 0) / 0x100000000;
}

function fitSample(rows: readonly CalibrationRow[], zbar: Float64Array) {
  const share = Math.min(1, FIT_SAMPLE / Math.max(1, rows.length));
  const sample = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (share >= 1 || unitHash(r.key) < share) sample.push({ x: r.x, t_x: r.t_x, T: r.T, zbar: zbar[k]! });
  }
  return sample;
}

const filled = (n: number) => new Float64Array(n).fill(Number.NaN);

export function runClv(
  acc: ClvAccumulator,
  codes: readonly string[],
  o: ClvRunOptions,
  t: ReturnType<typeof analyzeText>,
): ClvRun {
  let data: CalibrationData;
  try {
    data = calibrationSummary(acc.records(), {
      calibrationEnd: o.calibrationEnd,
      holdoutEnd: o.calibrationEnd < o.asOf ? o.asOf : undefined,
      period: o.period,
    });
  } catch (err) {
    if (err instanceof ClvError && err.code === 'calibration_before_first_order')
      throw new CliError(t.calibrationBeforeFirstOrder(o.calibrationEnd, isoDay(acc.firstDay)));
    throw err;
  }
  const { rows } = data;
  // Spend in money, as the server fits it: γ is then in yuan (CDNOW: dollars, γ ≈ 15.44).
  const zbar = Float64Array.from(rows, (r) => r.zbar / 100);
  const sample = fitSample(rows, zbar);
  const fitted = fitModelsOnly(sample, {});
  const discountRatePerPeriod = (1 + o.discountRate) ** (PERIOD_DAYS[o.period] / 365.25) - 1;
  const { scores, churnRisk } = scoreAll(acc, data, zbar, fitted, {
    horizon: o.horizon,
    discountRate: discountRatePerPeriod,
  });

  const n = codes.length;
  const columns: ClvColumns = {
    x: filled(n),
    t_x: filled(n),
    T: filled(n),
    pAlive: filled(n),
    expectedPurchases: filled(n),
    expectedSpend: filled(n),
    clv: filled(n),
    churnRisk: new Int16Array(n).fill(-1),
  };
  const at = new Map<string, number>(codes.map((code, i) => [code, i]));
  rows.forEach((r, k) => {
    const i = at.get(r.key)!;
    columns.x[i] = r.x;
    columns.t_x[i] = r.t_x;
    columns.T[i] = r.T;
    columns.churnRisk[i] = churnRisk[k]!;
    if (!scores) return;
    columns.pAlive[i] = scores.pAlive[k]!;
    columns.expectedPurchases[i] = scores.expectedPurchases[k]!;
    if (scores.expectedSpend) columns.expectedSpend[i] = scores.expectedSpend[k]!;
    if (scores.clv) columns.clv[i] = scores.clv[k]!;
  });
  return { data, fitted, fittedOn: sample.length, churnRisk, columns, discountRatePerPeriod };
}
