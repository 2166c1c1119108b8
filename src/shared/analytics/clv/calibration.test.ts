import { describe, expect, it } from 'vitest';
import { calibrationSummary, type PurchaseRecord } from './calibration';
import { cdnowCalibration, cdnowPublishedSummary } from './cdnow-clv.test-support';
import { ClvError } from './clv-errors';

const record = (key: string, day: string, amountCents: number): PurchaseRecord => ({ key, day, amountCents });

describe('calibrationSummary on CDNOW (references §6)', () => {
  const cal = cdnowCalibration();
  const published = cdnowPublishedSummary();

  it('rebuilds cdnow_customers_summary.csv, all 2,357 rows to 2 decimals', () => {
    expect(cal.rows).toHaveLength(2_357);
    expect(published).toHaveLength(2_357);
    const mismatches = cal.rows.filter((r, i) => {
      const p = published[i]!;
      return (
        Number(r.key) !== Number(p.id) ||
        r.x !== p.x ||
        r.t_x.toFixed(2) !== p.t_x.toFixed(2) ||
        r.T.toFixed(2) !== p.T.toFixed(2)
      );
    });
    expect(mismatches).toEqual([]);
  });

  it('has 946 repeat buyers, 2,457 calibration and 1,882 holdout repeat purchases over 39 weeks', () => {
    expect(cal.rows.filter((r) => r.x > 0)).toHaveLength(946);
    expect(cal.rows.reduce((s, r) => s + r.x, 0)).toBe(2_457);
    expect(cal.holdout!.reduce((s, v) => s + v, 0)).toBe(1_882);
    expect(cal.holdoutLength).toBe(39);
    expect(cal.laterCustomers).toBe(0);
    expect(cal.rows[0]).toMatchObject({ key: '0001', x: 2, zbar: 2234.5, firstDay: '1997-01-01' });
  });
});

describe('calibrationSummary rules', () => {
  const records = [
    record('a', '2024-01-01', 1000),
    record('a', '2024-01-01', 500), // same day: one occasion of 15.00
    record('a', '2024-01-15', 2000),
    record('a', '2024-01-29', -400),
    record('a', '2024-02-20', 700), // holdout
    record('b', '2024-01-20', 300),
    record('c', '2024-02-10', 900), // first purchase after the calibration end
  ];
  const cal = calibrationSummary(records, {
    calibrationEnd: '2024-01-31',
    holdoutEnd: '2024-02-29',
    period: 'week',
  });

  it('merges same-day purchases, counts repeat days, measures t_x and T in periods', () => {
    expect(cal.rows).toEqual([
      { key: 'a', x: 2, t_x: 4, T: 30 / 7, zbar: 800, firstDay: '2024-01-01' },
      { key: 'b', x: 0, t_x: 0, T: 11 / 7, zbar: 0, firstDay: '2024-01-20' },
    ]);
    expect(Array.from(cal.holdout!)).toEqual([1, 0]);
    expect(cal.holdoutLength).toBe(29 / 7);
    expect(cal.laterCustomers).toBe(1);
    expect([...cal.repeats.values()].reduce((s, v) => s + v, 0)).toBe(3);
  });

  it.each([
    ['day', 28, 30],
    ['month', 28 / (365.25 / 12), 30 / (365.25 / 12)],
  ] as const)('period %s', (period, tx, T) => {
    const row = calibrationSummary(records, { calibrationEnd: '2024-01-31', period }).rows[0]!;
    expect(row.t_x).toBeCloseTo(tx, 12);
    expect(row.T).toBeCloseTo(T, 12);
  });

  it.each([
    [{ calibrationEnd: '2023-12-31', period: 'week' }, 'calibration_before_first_order'],
    [{ calibrationEnd: '2024-02-30', period: 'week' }, 'invalid_day'],
    [
      { calibrationEnd: '2024-01-31', holdoutEnd: '2024-01-31', period: 'week' },
      'holdout_not_after_calibration',
    ],
  ] as const)('refuses %j with a typed error', (options, code) => {
    expect(() => calibrationSummary(records, options)).toThrow(expect.objectContaining({ code }));
    expect(() => calibrationSummary(records, options)).toThrow(ClvError);
  });

  it('refuses amounts that are not whole cents', () => {
    expect(() =>
      calibrationSummary([record('a', '2024-01-01', 1.5)], { calibrationEnd: '2024-01-31', period: 'day' }),
    ).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
  });
});
