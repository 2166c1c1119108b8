/**
 * The churn early warning's two lists, as pure selections over scored customers:
 * - at risk: score ≥ atRiskScore, one group per owner (so each salesperson sees theirs), MVCs first;
 * - win-back: dormant customers who used to be worth the most, each with a suggested action.
 */
import { VALUE_TIERS, type ValueTier } from '../value.contract';
import type { ChurnReason } from './churn-reasons';
import type { ChurnSettings } from './churn-settings';

export type ChurnListRow = {
  customerId: number;
  code: string;
  name: string;
  ownerId: number | null;
  tier: ValueTier;
  actualValueCents: number;
  /** Lifetime value on the ABC basis (profit or revenue). */
  basisValueCents: number;
  daysSinceLastOrder: number | null;
  score: number | null;
  reasons: ChurnReason[];
};

export type AtRiskGroup<R extends ChurnListRow = ChurnListRow> = { ownerId: number | null; customers: R[] };

const byCode = (a: ChurnListRow, b: ChurnListRow): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** MVC, STC, BZ; then score, actual value (both descending); then code. */
function atRiskOrder(a: ChurnListRow, b: ChurnListRow): number {
  return (
    VALUE_TIERS.indexOf(a.tier) - VALUE_TIERS.indexOf(b.tier) ||
    b.score! - a.score! ||
    b.actualValueCents - a.actualValueCents ||
    byCode(a, b)
  );
}

/** Customers scoring at least atRiskScore, grouped by owner (ascending id, unowned last). */
export function atRiskList<R extends ChurnListRow>(
  rows: readonly R[],
  settings: Pick<ChurnSettings, 'atRiskScore'>,
): AtRiskGroup<R>[] {
  const groups = new Map<number | null, R[]>();
  for (const row of rows) {
    if (row.score === null || row.score < settings.atRiskScore) continue;
    const group = groups.get(row.ownerId);
    if (group) group.push(row);
    else groups.set(row.ownerId, [row]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([ownerId, customers]) => ({ ownerId, customers: customers.sort(atRiskOrder) }));
}

/**
 * Suggested win-back actions, first matching rule wins:
 * 1. resolve_complaint — a complaint or low satisfaction on record: an offer will not undo it;
 * 2. settle_receivables — overdue receivables: clear them before selling again;
 * 3. owner_visit — an MVC by the last run: worth the owner's visit;
 * 4. reactivation_offer — a high-frequency ex-buyer (used to order at least every HIGH_FREQUENCY_DAYS):
 *    a habit to restart with an offer;
 * 5. check_in_call — otherwise, a call to ask how things are.
 */
export const WIN_BACK_ACTIONS = [
  'resolve_complaint',
  'settle_receivables',
  'owner_visit',
  'reactivation_offer',
  'check_in_call',
] as const;
export type WinBackAction = (typeof WIN_BACK_ACTIONS)[number];

export const HIGH_FREQUENCY_DAYS = 60;

export function winBackAction(row: Pick<ChurnListRow, 'tier' | 'reasons'>): WinBackAction {
  const has = (code: ChurnReason['code']) => row.reasons.some((r) => r.code === code);
  if (has('complaints') || has('low_satisfaction')) return 'resolve_complaint';
  if (has('overdue_receivables')) return 'settle_receivables';
  if (row.tier === 'MVC') return 'owner_visit';
  const rhythm = row.reasons.find((r) => r.code === 'overdue');
  if (rhythm && rhythm.typicalDays <= HIGH_FREQUENCY_DAYS) return 'reactivation_offer';
  return 'check_in_call';
}

/**
 * Which customers are in the top share by lifetime basis value: the first ⌈share × n⌉ of the n with a
 * positive value, ranked by value then code (as the high-potential quota in value-tiers.ts). Typed-array
 * sort for the cut value; only ties at the cut are ranked by code.
 */
function topByValue(rows: readonly ChurnListRow[], share: number): (row: ChurnListRow) => boolean {
  const values = Float64Array.from(
    rows.filter((r) => r.basisValueCents > 0),
    (r) => r.basisValueCents,
  ).sort();
  const n = values.length;
  // The tolerance keeps 0.3 × 10 (= 3.0000000000000004 in floating point) at 3.
  const quota = Math.ceil(share * n - 1e-9);
  if (quota === 0) return () => false;
  const cut = values[n - quota]!;
  let above = 0;
  for (let i = n - quota + 1; i < n; i++) if (values[i]! > cut) above++;
  const atCut = rows.filter((r) => r.basisValueCents === cut).sort(byCode);
  const tiedIn = new Set(atCut.slice(0, quota - above).map((r) => r.customerId));
  return (row) => row.basisValueCents > cut || (row.basisValueCents === cut && tiedIn.has(row.customerId));
}

/**
 * Dormant customers (no order for winBackDormantDays or more) in the top winBackTopShare by lifetime basis
 * value, each with its suggested action; the most valuable first. `rows` must hold every customer (the
 * share is of all customers with a positive value), dormant or not.
 */
export function winBackCandidates<R extends ChurnListRow>(
  rows: readonly R[],
  settings: Pick<ChurnSettings, 'winBackDormantDays' | 'winBackTopShare'>,
): (R & { action: WinBackAction })[] {
  const isTop = topByValue(rows, settings.winBackTopShare);
  return rows
    .filter(
      (r) => r.daysSinceLastOrder !== null && r.daysSinceLastOrder >= settings.winBackDormantDays && isTop(r),
    )
    .sort((a, b) => b.basisValueCents - a.basisValueCents || byCode(a, b))
    .map((r) => ({ ...r, action: winBackAction(r) }));
}
