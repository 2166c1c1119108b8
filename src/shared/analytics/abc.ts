/**
 * ABC (Pareto) classification. Customers are ranked by value, highest first, ties by customer code.
 * A is the smallest set of top customers whose positive value reaches `aCut` of the total positive value;
 * B the next ones until the cumulative share reaches `bCut`; C the rest. A value ≤ 0 is always C (and a
 * negative one is flagged by the caller). The cut-offs are cumulative value shares, not customer
 * percentages: on CDNOW the top 32.65 % of customers make 80 % of revenue (references §1f).
 *
 * Works on typed arrays (ranking.ts) so that a million customers rank in a few hundred milliseconds.
 */
import { codeOrder, rankDescending, releaseScratch, scratchOrder } from './ranking';

export const ABC_A = 0;
export const ABC_B = 1;
export const ABC_C = 2;
export const ABC_LETTERS = ['A', 'B', 'C'] as const;

export type CutOffIssue = { path: 'aCut' | 'bCut'; code: 'cut_off_out_of_range' | 'cut_offs_not_increasing' };

/** Why a pair of cut-offs is refused (empty: accepted). 0 < aCut < bCut ≤ 1. */
export function validateCutOffs(aCut: number, bCut: number): CutOffIssue[] {
  const issues: CutOffIssue[] = [];
  const inRange = (x: number) => Number.isFinite(x) && x > 0 && x <= 1;
  if (!inRange(aCut)) issues.push({ path: 'aCut', code: 'cut_off_out_of_range' });
  if (!inRange(bCut)) issues.push({ path: 'bCut', code: 'cut_off_out_of_range' });
  if (issues.length === 0 && !(aCut < bCut)) issues.push({ path: 'bCut', code: 'cut_offs_not_increasing' });
  return issues;
}

export type AbcRanking = {
  /** Customer indexes in rank order (highest value first). */
  order: Int32Array;
  /** ABC_A, ABC_B or ABC_C per customer. */
  classes: Uint8Array;
  /** 1-based rank per customer. */
  rank: Int32Array;
  /** Cumulative share of the total positive value up to and including the customer; NaN when value ≤ 0. */
  cumShare: Float64Array;
  totalPositive: number;
};

/**
 * Ranks and classifies. `values` are integer cents (sums stay exact below 2^53); `byCode` lists the
 * customers in code order (ranking.ts codeOrder) to break ties. A customer belongs to A when the share of
 * the customers ranked above it is still below aCut: the first customer whose share reaches the cut is the
 * last of A. Shares are compared as cum ÷ total, so an exact decimal cut (70 of 100 at 0.7) is reached
 * exactly.
 */
export function rankAbc(
  values: ArrayLike<number>,
  byCode: Int32Array,
  aCut: number,
  bCut: number,
): AbcRanking {
  const n = values.length;
  const order = rankDescending(values, byCode);
  const classes = new Uint8Array(n);
  const rank = new Int32Array(n);
  const cumShare = new Float64Array(n);
  const totalPositive = classifyRanked(values, order, aCut, bCut, classes, cumShare);
  for (let r = 0; r < n; r++) rank[order[r]!] = r + 1;
  return { order, classes, rank, cumShare, totalPositive };
}

/** The classes only (ABC_A … per customer), for rankings that need no explanation. */
export function abcClasses(
  values: ArrayLike<number>,
  byCode: Int32Array,
  aCut: number,
  bCut: number,
): Uint8Array {
  const classes = new Uint8Array(values.length);
  classifyRanked(
    values,
    rankDescending(values, byCode, scratchOrder(values.length)),
    aCut,
    bCut,
    classes,
    null,
  );
  return classes;
}

/** Fills classes (and cumulative shares) walking customers in rank order; returns the positive total. */
function classifyRanked(
  values: ArrayLike<number>,
  order: Int32Array,
  aCut: number,
  bCut: number,
  classes: Uint8Array,
  cumShare: Float64Array | null,
): number {
  const n = order.length;
  let totalPositive = 0;
  for (let r = 0; r < n && values[order[r]!]! > 0; r++) totalPositive += values[order[r]!]!;
  let cum = 0;
  let before = 0; // share of the customers ranked above
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const v = values[i]!;
    if (v > 0) {
      cum += v;
      classes[i] = before < aCut ? ABC_A : before < bCut ? ABC_B : ABC_C;
      before = cum / totalPositive;
      if (cumShare) cumShare[i] = before;
    } else {
      classes[i] = ABC_C;
      if (cumShare) cumShare[i] = Number.NaN;
    }
  }
  return totalPositive;
}

/** Convenience for callers with few customers: the class letter per customer, in input order. */
export function classifyAbc(
  customers: readonly { code: string; valueCents: number }[],
  aCut: number,
  bCut: number,
): ('A' | 'B' | 'C')[] {
  const values = Float64Array.from(customers, (c) => c.valueCents);
  const ranking = rankAbc(values, codeOrder(customers.map((c) => c.code)), aCut, bCut);
  releaseScratch();
  return Array.from(ranking.classes, (k) => ABC_LETTERS[k]!);
}
