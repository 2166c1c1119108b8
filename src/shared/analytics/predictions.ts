/**
 * A run's lifetime-value predictions (issue 6): the BG/NBD and Gamma-Gamma models fitted on the run's
 * own customers as of its day, every customer with an order scored, and the churn score with its
 * reasons. Pure: the run reads the inputs, this turns them into PredictionColumns (aligned with the
 * inputs) that the classifier attaches to the verdicts, and a model summary the run stores.
 *
 * Per customer, from the metric tables (a purchase occasion is a distinct order day):
 *   x = purchase days − 1, t_x = (last − first order day) ÷ period, T = (as-of − first order day) ÷ period,
 *   z̄ = (lifetime revenue − the first day's revenue) ÷ x, in yuan (the mean repeat purchase),
 *   margin = lifetime profit ÷ revenue (clamped to [−1, 1]) when CLV is in gross profit, else 1.
 *
 * The models are fitted on at most settings.clv.fitSample customers: a sample fixed by customer id, so
 * that runs over the same base fit the same customers (a million rows would cost seconds per likelihood
 * evaluation and move the estimates only in the third significant digit).
 */

import { churnFigureColumns } from './churn/churn-figures';
import { reasonCodes } from './churn/churn-reasons';
import { scoreChurnColumns } from './churn/churn-score';
import { horizonDays } from './churn/churn-settings';
import { pNoPurchaseColumns } from './churn/no-purchase';
import type { RunModel } from './churn-api.schema';
import { fitModelsOnly, PERIOD_DAYS, scoreCustomers } from './clv/models';
import { dayNumber, trustedDayNumber } from './days';
import type { CustomerValueInput, PredictionColumns } from './value.contract';
import type { ValueSettings } from './value-settings';

export type { RunModel };

/** rows: the models' rows the run scored (modelRows), for a caller that compares them with more. */
export type RunPredictions = { columns: PredictionColumns; model: RunModel; rows: ModelRows };
export type ModelRows = ReturnType<typeof modelRows>;

/** A hash of the customer id to [0, 1): the fixed fitting sample (splitmix32's finaliser). */
function unitHash(id: number): number {
  let h = (id ^ (id / 0x100000000)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
  return ((h ^ (h >>> 15)) >>> 0) / 0x100000000;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The models' rows: the customers with an order (index k), and their place among the inputs (at[k]). */
export function modelRows(inputs: readonly CustomerValueInput[], asOf: string, settings: ValueSettings) {
  const n = inputs.length;
  const periodDays = PERIOD_DAYS[settings.clv.period];
  const asOfDay = dayNumber(asOf);
  const byRevenue = settings.clv.basis === 'revenue';
  const at = new Int32Array(n);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const zbar = new Float64Array(n);
  const margin = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = inputs[i]!;
    if (c.purchaseDays < 1 || c.firstOrderOn === null || c.lastOrderOn === null) continue;
    const first = trustedDayNumber(c.firstOrderOn);
    at[m] = i;
    x[m] = c.purchaseDays - 1;
    tx[m] = (trustedDayNumber(c.lastOrderOn) - first) / periodDays;
    T[m] = (asOfDay - first) / periodDays;
    zbar[m] = x[m]! > 0 ? (c.revenueCents - c.firstDayRevenueCents) / x[m]! / 100 : 0;
    margin[m] = byRevenue || c.revenueCents <= 0 ? 1 : clamp(c.profitCents / c.revenueCents, -1, 1);
    m++;
  }
  return {
    at: at.subarray(0, m),
    x: x.subarray(0, m),
    tx: tx.subarray(0, m),
    T: T.subarray(0, m),
    zbar: zbar.subarray(0, m),
    margin: margin.subarray(0, m),
    m,
  };
}

export function predictForRun(
  inputs: readonly CustomerValueInput[],
  asOf: string,
  settings: ValueSettings,
): RunPredictions {
  const t0 = performance.now();
  const { clv, churn } = settings;
  const n = inputs.length;
  const periodDays = PERIOD_DAYS[clv.period];
  const asOfDay = dayNumber(asOf);
  const rows = modelRows(inputs, asOf, settings);
  const { at, x, tx, T, zbar, margin, m } = rows;
  const share = Math.min(1, clv.fitSample / Math.max(1, m));
  const sample = [];
  for (let k = 0; k < m; k++)
    if (share >= 1 || unitHash(inputs[at[k]!]!.customerId) < share)
      sample.push({ x: x[k]!, t_x: tx[k]!, T: T[k]!, zbar: zbar[k]! });
  const fitted = fitModelsOnly(sample, {});
  const t1 = performance.now();

  const columns: PredictionColumns = {
    pAlive: new Float64Array(n).fill(Number.NaN),
    expectedPurchases: new Float64Array(n).fill(Number.NaN),
    expectedSpendCents: new Float64Array(n).fill(Number.NaN),
    clvCents: new Float64Array(n).fill(Number.NaN),
    churnRisk: new Int16Array(n).fill(-1),
    churnReasons: new Array(n),
    daysSinceLastOrder: new Float64Array(n).fill(Number.NaN),
    meanIntervalDays: new Float64Array(n).fill(Number.NaN),
    trendPct: new Float64Array(n).fill(Number.NaN),
  };
  const pAlive = new Float64Array(m).fill(Number.NaN);
  const p0 = new Float64Array(m).fill(Number.NaN);
  if (fitted.bgnbd) {
    const discountRate = (1 + clv.annualDiscountRate) ** (periodDays / 365.25) - 1;
    const scores = scoreCustomers(
      { bgnbd: fitted.bgnbd, gammaGamma: fitted.gammaGamma },
      {
        x: x.subarray(0, m),
        t_x: tx.subarray(0, m),
        T: T.subarray(0, m),
        zbar: zbar.subarray(0, m),
        margin: margin.subarray(0, m),
      },
      { horizon: clv.horizonPeriods, discountRate },
    );
    pAlive.set(scores.pAlive);
    pNoPurchaseColumns(
      fitted.bgnbd,
      x.subarray(0, m),
      tx.subarray(0, m),
      T.subarray(0, m),
      horizonDays(churn) / periodDays,
      p0,
    );
    for (let k = 0; k < m; k++) {
      const i = at[k]!;
      // BG/NBD lets customers drop out only after a repeat purchase, so a one-time buyer is "alive" with
      // probability 1 however long ago they bought: not a figure to show (the churn score uses p0).
      if (x[k]! > 0) columns.pAlive[i] = scores.pAlive[k]!;
      columns.expectedPurchases[i] = scores.expectedPurchases[k]!;
      if (scores.expectedSpend) columns.expectedSpendCents[i] = Math.round(scores.expectedSpend[k]! * 100);
      if (scores.clv) columns.clvCents[i] = Math.round(scores.clv[k]! * 100);
    }
  }
  churnColumns(inputs, at, m, asOfDay, pAlive, p0, settings, columns);
  const t2 = performance.now();
  // A standard error is NaN where the Hessian is not invertible (a parameter at its bound): unknown.
  const se = (s: object | undefined | null): Record<string, number | null> =>
    Object.fromEntries(
      Object.entries(s ?? {}).map(([k, v]) => [k, Number.isFinite(v) ? (v as number) : null]),
    );
  return {
    rows,
    columns,
    model: {
      period: clv.period,
      horizonPeriods: clv.horizonPeriods,
      annualDiscountRate: clv.annualDiscountRate,
      basis: clv.basis,
      customers: m,
      fittedOn: sample.length,
      bgnbd: fitted.bgnbd
        ? {
            r: fitted.bgnbd.r,
            alpha: fitted.bgnbd.alpha,
            a: fitted.bgnbd.a,
            b: fitted.bgnbd.b,
            ll: fitted.bgnbd.ll,
            se: se(fitted.bgnbd.se),
          }
        : null,
      gammaGamma: fitted.gammaGamma
        ? {
            p: fitted.gammaGamma.p,
            q: fitted.gammaGamma.q,
            gamma: fitted.gammaGamma.gamma,
            ll: fitted.gammaGamma.ll,
            se: se(fitted.gammaGamma.se),
          }
        : null,
      warnings: fitted.warnings,
      fitMs: Math.round(t1 - t0),
      scoreMs: Math.round(t2 - t1),
    },
  };
}

/** Churn scores and reasons of the customers with an order (the others have none). */
function churnColumns(
  inputs: readonly CustomerValueInput[],
  at: Int32Array,
  m: number,
  asOfDay: number,
  pAlive: Float64Array,
  p0: Float64Array,
  settings: ValueSettings,
  out: PredictionColumns,
) {
  const firstDay = new Float64Array(m);
  const lastDay = new Float64Array(m);
  const purchaseDays = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const c = inputs[at[k]!]!;
    firstDay[k] = trustedDayNumber(c.firstOrderOn!);
    lastDay[k] = trustedDayNumber(c.lastOrderOn!);
    purchaseDays[k] = c.purchaseDays;
  }
  const figures = churnFigureColumns(
    m,
    { firstDay, lastDay, purchaseDays, monthly: (k) => inputs[at[k]!]!.monthlyRevenueCents },
    asOfDay,
    p0,
    pAlive,
  );
  const { daysSince, meanInterval, trendPct } = figures;
  const scores = { score: new Int16Array(m), reasons: new Uint16Array(m) };
  scoreChurnColumns(figures, settings.churn, scores);
  const lists = new Map<number, readonly string[]>();
  for (let k = 0; k < m; k++) {
    const i = at[k]!;
    out.churnRisk[i] = scores.score[k]!;
    out.daysSinceLastOrder[i] = daysSince[k]!;
    out.meanIntervalDays[i] = meanInterval[k]!;
    out.trendPct[i] = trendPct[k]!;
    const mask = scores.reasons[k]!;
    let list = lists.get(mask);
    if (!list) {
      list = Object.freeze(reasonCodes(mask));
      lists.set(mask, list);
    }
    out.churnReasons[i] = list;
  }
}
