/**
 * The value engine's entry point (issue 5): ABC, RFM, value tiers and factor-matrix cells for every
 * customer, with the numbers that explain each verdict, and a summary. Pure and synchronous; the same
 * function serves `kehu classify` (inputs from the metric tables) and `kehu analyze` (from a file).
 *
 * Built for a million customers: every ranking sorts typed index arrays, per-customer work allocates
 * nothing but the verdict itself.
 *
 * Summary values: every ClassSummary.valueCents is the sum of the ABC basis value (lifetime profit or
 * revenue) of its customers and `share` that sum ÷ the total positive basis value, so shares of A, B and
 * C read as in a Pareto chart. summary.segments has every rule's key, 'others', and 'no_rfm' for the
 * customers without an order in the window. Warnings: 'future_orders_ignored' counts orders; 'no_orders',
 * 'negative_value' and 'no_rfm' count customers.
 *
 * Matrix factors (numeric axes use these units): revenue_12m, profit_12m, actual_value, strategic_value
 * in yuan; share_of_wallet as a fraction; revenue_trend in %/year (revenue-trend.ts); market_growth =
 * factors.market_growth, else factors.industry_growth, else settings.industryGrowth[factors.industry],
 * else revenue_trend; any other name is read from the customer's factors.
 */
import { ABC_A, ABC_LETTERS, rankAbc } from './abc';
import { cellMaps, checkEngineInput } from './classify-setup';
import { SummaryAccumulator } from './classify-summary';
import { dayNumber, trustedDayNumber } from './days';
import { cellOf } from './matrix-assign';
import { codeOrder, releaseScratch, scratchKeys } from './ranking';
import { tCritical95, trendStats } from './revenue-trend';
import { rankScores } from './rfm';
import { lookupSegment, NO_RFM_SEGMENT, OTHERS_SEGMENT, segmentTable } from './rfm-segments';
import type {
  ClassificationOutput,
  ClassificationSummary,
  CustomerValueInput,
  CustomerVerdict,
  PredictionColumns,
  RfmResult,
  VerdictFlag,
  VerdictPrediction,
} from './value.contract';
import { NO_PREDICTION } from './value.contract';
import type { MatrixDefinition } from './value-matrix';
import type { ValueSettings } from './value-settings';
import {
  assignTiers,
  serveCostCents,
  shareOfWallet,
  TIER_KEYS,
  trendPotentialCents,
  walletPotentialCents,
} from './value-tiers';

export { checkEngineInput, NO_RFM_SEGMENT };

const FLAG_BITS: readonly VerdictFlag[] = ['negative_value', 'no_orders', 'future_orders_ignored', 'no_rfm'];
/** The 16 flag lists, shared by the verdicts (most customers have none): index = bit mask. */
const FLAG_LISTS: readonly (readonly VerdictFlag[])[] = Array.from({ length: 16 }, (_, mask) =>
  Object.freeze(FLAG_BITS.filter((_, bit) => mask & (1 << bit))),
);

type FactorReader = (customer: number) => string | number | null | undefined;

/**
 * Per-customer numbers, read from the inputs in one pass (a million input objects do not fit in any
 * cache: each pass over them costs ~0.3 s in memory latency alone).
 */
type Columns = {
  codes: string[];
  ids: Float64Array;
  /** Days since the last order in the RFM window; NO_RECENCY: no order in the window. */
  recency: Int32Array;
  windowDays: Float64Array;
  windowRevenue: Float64Array;
  /** Flag bits known from the input: 2 no_orders, 4 future_orders_ignored. */
  inputFlags: Uint8Array;
  futureOrders: Float64Array;
  basis: Float64Array;
  actual: Float64Array;
  /** −1 when unknown (no budget and fewer than 3 months of history). */
  strategic: Float64Array;
  strategicBasis: Uint8Array; // 0 none, 1 wallet, 2 trend, 3 clv
  serveCost: Float64Array;
  sow: Float64Array; // NaN when unknown
  trendPct: Float64Array; // NaN when unknown
};

const STRATEGIC_BASES = [null, 'wallet', 'trend', 'clv'] as const;
const NO_RECENCY = -0x80000000;

function columns(inputs: readonly CustomerValueInput[], settings: ValueSettings, asOfDay: number): Columns {
  const n = inputs.length;
  const c: Columns = {
    codes: new Array<string>(n),
    ids: new Float64Array(n),
    recency: new Int32Array(n),
    windowDays: new Float64Array(n),
    windowRevenue: new Float64Array(n),
    inputFlags: new Uint8Array(n),
    futureOrders: new Float64Array(n),
    basis: new Float64Array(n),
    actual: new Float64Array(n),
    strategic: new Float64Array(n),
    strategicBasis: new Uint8Array(n),
    serveCost: new Float64Array(n),
    sow: new Float64Array(n),
    trendPct: new Float64Array(n),
  };
  const byProfit = settings.abc.basis === 'profit';
  const prices = settings.costs.activityCents;
  const stats = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    const input = inputs[i]!;
    c.codes[i] = input.code;
    c.ids[i] = input.customerId;
    const last = input.windowLastOrderOn;
    c.recency[i] = last === null ? NO_RECENCY : asOfDay - trustedDayNumber(last);
    c.windowDays[i] = input.windowPurchaseDays;
    c.windowRevenue[i] = input.windowRevenueCents;
    c.inputFlags[i] = (input.orders === 0 ? 2 : 0) | (input.futureOrders > 0 ? 4 : 0);
    c.futureOrders[i] = input.futureOrders;
    c.basis[i] = byProfit ? input.profitCents : input.revenueCents;
    const cost = serveCostCents(input.activities12m, prices);
    c.serveCost[i] = cost;
    c.actual[i] = input.profit12mCents - cost;
    const months = input.monthlyRevenueCents;
    trendStats(months, stats);
    const slope = stats[0]!;
    const mean = stats[2]!;
    c.trendPct[i] = months.length >= 3 && mean > 0 ? ((12 * slope) / mean) * 100 : Number.NaN;
    const share = shareOfWallet(input.revenue12mCents, input.budgetCents);
    c.sow[i] = share ?? Number.NaN;
    if (share !== null && input.budgetCents !== null) {
      c.strategic[i] = walletPotentialCents(input.budgetCents, share);
      c.strategicBasis[i] = 1;
    } else if (months.length >= 3) {
      c.strategic[i] = trendPotentialCents(144 * slope, stats[1]! >= tCritical95(months.length - 2));
      c.strategicBasis[i] = 2;
    } else c.strategic[i] = -1;
  }
  return c;
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

function predictionOf(p: PredictionColumns, i: number): VerdictPrediction {
  const risk = p.churnRisk[i]!;
  return {
    pAlive: orNull(p.pAlive[i]!),
    expectedPurchases: orNull(p.expectedPurchases[i]!),
    expectedSpendCents: orNull(p.expectedSpendCents[i]!),
    clvCents: orNull(p.clvCents[i]!),
    churnRisk: risk < 0 ? null : risk,
    churnReasons: p.churnReasons[i] ?? NO_PREDICTION.churnReasons,
    daysSinceLastOrder: orNull(p.daysSinceLastOrder[i]!),
    meanIntervalDays: orNull(p.meanIntervalDays[i]!),
    trendPct: orNull(p.trendPct[i]!),
  };
}

/** CLV replaces the stop-gap strategic value where it is known; a negative CLV is no potential (0). */
function clvAsStrategic(col: Columns, clvCents: Float64Array) {
  if (clvCents.length !== col.strategic.length) throw new RangeError('predictions do not match the inputs');
  for (let i = 0; i < clvCents.length; i++) {
    const clv = clvCents[i]!;
    if (Number.isNaN(clv)) continue;
    col.strategic[i] = Math.max(0, clv);
    col.strategicBasis[i] = 3;
  }
}

/** RFM scores of the customers with an order in the window (0 = not scored). */
function rfmColumns(col: Columns) {
  const n = col.recency.length;
  const scored = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (col.recency[i] !== NO_RECENCY) scored[m++] = i;
  const score = (key: Float64Array | Int32Array, sign: number, out: Uint8Array) => {
    const keys = scratchKeys(m);
    for (let j = 0; j < m; j++) keys[j] = sign * key[scored[j]!]!;
    const scores = rankScores(keys);
    for (let j = 0; j < m; j++) out[scored[j]!] = scores[j]!;
  };
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const mm = new Uint8Array(n);
  score(col.recency, -1, r);
  score(col.windowDays, 1, f);
  score(col.windowRevenue, 1, mm);
  return { r, f, m: mm };
}

/**
 * A classification whose verdicts are made when asked for: the store writes each verdict as it makes it,
 * so a million verdict objects are never held at once (held, they outlive the young generation and are
 * copied into the old one) and their making overlaps the database taking in the chunk before.
 */
export type VerdictSource = { readonly count: number; verdict(i: number): CustomerVerdict };
export type LazyClassification = VerdictSource & { summary: ClassificationSummary };

export function classifyCustomers(
  inputs: readonly CustomerValueInput[],
  settings: ValueSettings,
  matrices: readonly MatrixDefinition[],
  asOf: string,
  predictions?: PredictionColumns,
): ClassificationOutput {
  const lazy = classifyLazily(inputs, settings, matrices, asOf, predictions);
  const verdicts: CustomerVerdict[] = new Array(lazy.count);
  for (let i = 0; i < lazy.count; i++) verdicts[i] = lazy.verdict(i);
  return { verdicts, summary: lazy.summary };
}

/**
 * Every class, score, tier and cell, and the summary, in one pass; the verdict objects on demand (the
 * same for the same i, made anew each time). With predictions, a customer's CLV is its strategic value
 * (issue 6); without one (models withheld, no order) the wallet or trend estimate stands.
 */
export function classifyLazily(
  inputs: readonly CustomerValueInput[],
  settings: ValueSettings,
  matrices: readonly MatrixDefinition[],
  asOf: string,
  predictions?: PredictionColumns,
): LazyClassification {
  const compiled = checkEngineInput(settings, matrices, asOf);
  const n = inputs.length;
  const { aCut, bCut, basis } = settings.abc;
  const col = columns(inputs, settings, dayNumber(asOf));
  if (predictions) clvAsStrategic(col, predictions.clvCents);
  const byCode = codeOrder(col.codes);
  const abc = rankAbc(col.basis, byCode, aCut, bCut);
  const rfm = rfmColumns(col);
  const rules = settings.rfm.segments;
  const segTable = segmentTable(rules);
  const tiers = assignTiers(col.actual, col.strategic, byCode, abc.classes, settings);

  // One reader per matrix axis, chosen once: reading a factor costs no string comparison per customer.
  const nullable = (x: number) => (Number.isNaN(x) ? null : x);
  const reader = (name: string): FactorReader => {
    switch (name) {
      case 'revenue_12m':
        return (i) => inputs[i]!.revenue12mCents / 100;
      case 'profit_12m':
        return (i) => inputs[i]!.profit12mCents / 100;
      case 'actual_value':
        return (i) => col.actual[i]! / 100;
      case 'strategic_value':
        return (i) => (col.strategic[i]! < 0 ? null : col.strategic[i]! / 100);
      case 'share_of_wallet':
        return (i) => nullable(col.sow[i]!);
      case 'revenue_trend':
        return (i) => nullable(col.trendPct[i]!);
      case 'market_growth':
        return (i) => {
          const f = inputs[i]!.factors;
          const given = f.market_growth ?? f.industry_growth;
          if (given !== null && given !== undefined) return given;
          const industry = f.industry;
          const byIndustry =
            industry === null || industry === undefined
              ? undefined
              : settings.industryGrowth[String(industry)];
          return byIndustry ?? nullable(col.trendPct[i]!);
        };
      default:
        return (i) => inputs[i]!.factors[name];
    }
  };
  const axes = compiled.map((m) => ({ m, x: reader(m.x.factor), y: reader(m.y.factor) }));

  const maps = cellMaps(compiled);
  const summary = new SummaryAccumulator(
    rules.map((rule) => rule.key),
    compiled,
  );
  const segs = new Int16Array(n);
  const cellsOf: Readonly<Record<string, string>>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const klass = abc.classes[i]!;
    const value = col.basis[i]!;
    const r = rfm.r[i]!;
    const seg = r === 0 ? -2 : lookupSegment(segTable, r, rfm.f[i]!, rfm.m[i]!);
    segs[i] = seg;
    for (let k = 0; k < axes.length; k++) {
      const { m, x, y } = axes[k]!;
      maps.picked[k] = cellOf(m, x(i), y(i));
    }
    cellsOf[i] = maps.get();
    summary.add(value, klass, tiers.tier[i]!, seg, maps.picked, flagMaskOf(i), col.futureOrders[i]!);
  }
  function flagMaskOf(i: number): number {
    return (col.basis[i]! < 0 ? 1 : 0) | col.inputFlags[i]! | (rfm.r[i] === 0 ? 8 : 0);
  }
  function verdict(i: number): CustomerVerdict {
    const klass = abc.classes[i]!;
    const r = rfm.r[i]!;
    const seg = segs[i]!;
    const rfmResult: RfmResult | null =
      r === 0
        ? null
        : {
            r,
            f: rfm.f[i]!,
            m: rfm.m[i]!,
            recencyDays: col.recency[i]!,
            frequency: col.windowDays[i]!,
            monetaryCents: col.windowRevenue[i]!,
            segment: seg < 0 ? OTHERS_SEGMENT : rules[seg]!.key,
          };
    const cum = abc.cumShare[i]!;
    const strategic = col.strategic[i]!;
    const sow = col.sow[i]!;
    return {
      customerId: col.ids[i]!,
      code: col.codes[i]!,
      abc: ABC_LETTERS[klass]!,
      abcExplain: {
        basis,
        valueCents: col.basis[i]!,
        rank: abc.rank[i]!,
        of: n,
        cumShare: Number.isNaN(cum) ? null : cum,
        cut: klass === ABC_A ? aCut : bCut,
      },
      rfm: rfmResult,
      tier: TIER_KEYS[tiers.tier[i]!]!,
      highPotential: tiers.highPotential[i] === 1,
      actualValueCents: col.actual[i]!,
      strategicValueCents: strategic < 0 ? null : strategic,
      strategicBasis: STRATEGIC_BASES[col.strategicBasis[i]!]!,
      serveCostCents: col.serveCost[i]!,
      shareOfWallet: Number.isNaN(sow) ? null : sow,
      cells: cellsOf[i]!,
      flags: FLAG_LISTS[flagMaskOf(i)]!,
      prediction: predictions ? predictionOf(predictions, i) : NO_PREDICTION,
    };
  }
  releaseScratch();
  return {
    count: n,
    verdict,
    summary: summary.finish({ customers: n, asOf, basis, totalPositive: abc.totalPositive }),
  };
}
