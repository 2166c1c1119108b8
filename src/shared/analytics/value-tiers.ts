/**
 * Value tiers after Peppers & Rogers (references §4): MVC (most valuable: keep), STC (second tier: grow
 * share of wallet), BZ (below zero: cut cost-to-serve or exit).
 *
 * - cost-to-serve = Σ activities of the last 12 months × the price of their type (settings.costs).
 * - actual value = 12-month gross profit − cost-to-serve.
 * - share of wallet = 12-month revenue ÷ estimated annual budget (null when the budget is unknown or ≤ 0).
 * - strategic value (growth potential, revenue cents):
 *     budget known: budget × (1 − min(1, share of wallet))   (basis 'wallet')
 *     else:         the revenue trend's projected gain (144 × monthly slope, revenue-trend.ts) when the
 *                   slope is significantly positive, else 0   (basis 'trend')
 * - BZ = actual value < bzBelowCents; MVC = the A class of an ABC over actual value with the same cuts
 *   (mvcBy 'abc_actual') or the A class of the main ABC ('abc_basis'); STC = everyone else.
 *   BZ is tested first, so a threshold above zero can take a customer out of MVC.
 * - high potential = the STCs with a positive strategic value among the top ⌈share × number of STCs⌉
 *   strategic values (ties by customer code).
 */
import { ABC_A, abcClasses } from './abc';
import { rankDescending, scratchOrder } from './ranking';
import type { ValueSettings } from './value-settings';

export const TIER_MVC = 0;
export const TIER_STC = 1;
export const TIER_BZ = 2;
export const TIER_KEYS = ['MVC', 'STC', 'BZ'] as const;

/** Activities priced by type; unknown types cost nothing. */
export function serveCostCents(
  activities: Readonly<Record<string, number>>,
  prices: Readonly<Record<string, number>>,
): number {
  let cost = 0;
  for (const type in activities) cost += (activities[type] ?? 0) * (prices[type] ?? 0);
  return cost;
}

export function shareOfWallet(revenue12mCents: number, budgetCents: number | null): number | null {
  return budgetCents === null || budgetCents <= 0 ? null : revenue12mCents / budgetCents;
}

/** Budget × (1 − share of wallet), never below 0, in whole cents. */
export function walletPotentialCents(budgetCents: number, share: number): number {
  return Math.round(budgetCents * (1 - Math.min(1, Math.max(0, share))));
}

/** The trend basis: the projected gain of a significantly rising line, else 0 (whole cents). */
export const trendPotentialCents = (projectedGainCents: number, significant: boolean): number =>
  significant && projectedGainCents > 0 ? Math.round(projectedGainCents) : 0;

export type TierAssignment = { tier: Uint8Array; highPotential: Uint8Array };

/**
 * Tiers for every customer. `basisClasses` is the main ABC (used when mvcBy is 'abc_basis');
 * `byCode` lists the customers in code order (ranking.ts codeOrder). Strategic values < 0 mean unknown.
 */
export function assignTiers(
  actual: Float64Array,
  strategic: Float64Array,
  byCode: Int32Array,
  basisClasses: Uint8Array,
  settings: Pick<ValueSettings, 'abc' | 'tiers'>,
): TierAssignment {
  const n = actual.length;
  const { aCut, bCut } = settings.abc;
  const mvcClasses =
    settings.tiers.mvcBy === 'abc_basis' ? basisClasses : abcClasses(actual, byCode, aCut, bCut);
  const tier = new Uint8Array(n);
  let stcCount = 0;
  for (let i = 0; i < n; i++) {
    if (actual[i]! < settings.tiers.bzBelowCents) tier[i] = TIER_BZ;
    else if (mvcClasses[i] === ABC_A) tier[i] = TIER_MVC;
    else {
      tier[i] = TIER_STC;
      stcCount++;
    }
  }
  const highPotential = new Uint8Array(n);
  const quota = Math.ceil(settings.tiers.highPotentialTopShare * stcCount);
  if (quota > 0) {
    const order = rankDescending(strategic, byCode, scratchOrder(n));
    for (let r = 0, marked = 0; r < n && marked < quota; r++) {
      const i = order[r]!;
      if (!(strategic[i]! > 0)) break;
      if (tier[i] !== TIER_STC) continue;
      highPotential[i] = 1;
      marked++;
    }
  }
  return { tier, highPotential };
}
