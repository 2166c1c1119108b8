import { describe, expect, it } from 'vitest';
import { atRiskList, type ChurnListRow, winBackAction, winBackCandidates } from './churn-lists';
import type { ChurnReason } from './churn-reasons';
import { DEFAULT_CHURN_SETTINGS as S } from './churn-settings';

let nextId = 1;
const row = (over: Partial<ChurnListRow>): ChurnListRow => {
  const id = nextId++;
  return {
    customerId: id,
    code: `K${String(id).padStart(4, '0')}`,
    name: `Customer ${id}`,
    ownerId: 1,
    tier: 'STC',
    actualValueCents: 0,
    basisValueCents: 0,
    daysSinceLastOrder: 30,
    score: 0,
    reasons: [],
    ...over,
  };
};
const codes = (rows: readonly ChurnListRow[]) => rows.map((r) => r.code);
const overdue = (typicalDays: number): ChurnReason => ({ code: 'overdue', days: 400, typicalDays });

describe('atRiskList', () => {
  it('keeps score ≥ atRiskScore, groups by owner (unowned last), orders MVC/STC/BZ, score, value, code', () => {
    const rows = [
      row({ code: 'A', ownerId: 2, score: 90, tier: 'STC' }),
      row({ code: 'B', ownerId: 2, score: 60, tier: 'MVC' }),
      row({ code: 'C', ownerId: 2, score: 90, tier: 'STC', actualValueCents: 500 }),
      row({ code: 'D', ownerId: 2, score: 59, tier: 'MVC' }),
      row({ code: 'E', ownerId: null, score: 100, tier: 'BZ' }),
      row({ code: 'F', ownerId: 1, score: null, tier: 'MVC' }),
      row({ code: 'G', ownerId: 1, score: 70, tier: 'BZ' }),
      row({ code: 'H', ownerId: 2, score: 90, tier: 'STC', actualValueCents: 500 }),
      row({ code: 'I', ownerId: 2, score: 95, tier: 'BZ' }),
    ];
    const groups = atRiskList(rows, S);
    expect(groups.map((g) => [g.ownerId, codes(g.customers)])).toEqual([
      [1, ['G']],
      [2, ['B', 'C', 'H', 'A', 'I']],
      [null, ['E']],
    ]);
  });

  it('empty when nobody reaches the score', () => {
    expect(atRiskList([row({ score: 10 }), row({ score: null })], S)).toEqual([]);
  });
});

describe('winBackCandidates', () => {
  it('dormant customers in the top share of positive lifetime value, most valuable first', () => {
    // 10 customers with a positive value → the top 2 (20 %) are V900 and V800; zero values do not count.
    const values = [900, 800, 700, 600, 500, 400, 300, 200, 100, 50];
    const rows = [
      ...values.map((v) => row({ code: `V${v}`, basisValueCents: v, daysSinceLastOrder: 200 })),
      row({ code: 'Z1', basisValueCents: 0, daysSinceLastOrder: 999 }),
      row({ code: 'Z2', basisValueCents: -5, daysSinceLastOrder: 999 }),
    ];
    expect(codes(winBackCandidates(rows, S))).toEqual(['V900', 'V800']);
    // 0.3 × 10 is 3, not 4, despite floating point.
    expect(codes(winBackCandidates(rows, { ...S, winBackTopShare: 0.3 }))).toEqual(['V900', 'V800', 'V700']);
  });

  it('needs winBackDormantDays or more without an order; the top share counts active customers too', () => {
    const rows = [
      row({ code: 'ACTIVE', basisValueCents: 1_000, daysSinceLastOrder: 10 }),
      row({ code: 'EDGE', basisValueCents: 900, daysSinceLastOrder: 180 }),
      row({ code: 'NEARLY', basisValueCents: 800, daysSinceLastOrder: 179 }),
      row({ code: 'NEVER', basisValueCents: 700, daysSinceLastOrder: null }),
      ...[1, 2, 3, 4, 5, 6].map((v) => row({ code: `LOW${v}`, basisValueCents: v, daysSinceLastOrder: 400 })),
    ];
    // 10 positive → top 2 are ACTIVE and EDGE; only EDGE is dormant.
    expect(codes(winBackCandidates(rows, S))).toEqual(['EDGE']);
  });

  it('ties at the cut are ranked by code, as the high-potential quota is', () => {
    const rows = [
      row({ code: 'B', basisValueCents: 100, daysSinceLastOrder: 300 }),
      row({ code: 'A', basisValueCents: 100, daysSinceLastOrder: 300 }),
      row({ code: 'C', basisValueCents: 100, daysSinceLastOrder: 300 }),
      row({ code: 'D', basisValueCents: 200, daysSinceLastOrder: 300 }),
      row({ code: 'E', basisValueCents: 10, daysSinceLastOrder: 300 }),
    ];
    // 5 positive, share 0.4 → 2: D, then A of the three tied at 100.
    expect(codes(winBackCandidates(rows, { ...S, winBackTopShare: 0.4 }))).toEqual(['D', 'A']);
  });

  it('carries the suggested action', () => {
    const rows = [row({ code: 'M', tier: 'MVC', basisValueCents: 5, daysSinceLastOrder: 365 })];
    expect(winBackCandidates(rows, S)).toEqual([{ ...rows[0], action: 'owner_visit' }]);
  });
});

describe('winBackAction (first matching rule)', () => {
  it.each([
    ['a complaint, even for an MVC', 'MVC', [{ code: 'complaints', count: 1 }], 'resolve_complaint'],
    ['low satisfaction', 'STC', [{ code: 'low_satisfaction', score: 3 }], 'resolve_complaint'],
    ['overdue receivables', 'MVC', [{ code: 'overdue_receivables', cents: 100 }], 'settle_receivables'],
    ['a former MVC', 'MVC', [overdue(30)], 'owner_visit'],
    ['a high-frequency ex-buyer (every 60 days)', 'STC', [overdue(60)], 'reactivation_offer'],
    ['a slower buyer', 'STC', [overdue(61)], 'check_in_call'],
    ['nothing on record', 'BZ', [], 'check_in_call'],
  ] as [string, ChurnListRow['tier'], ChurnReason[], string][])('%s', (_name, tier, reasons, action) => {
    expect(winBackAction({ tier, reasons })).toBe(action);
  });
});
