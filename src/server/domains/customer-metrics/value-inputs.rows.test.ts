import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRow, parseCopyRow } from './value-inputs.rows';

const line = (fields: string[]) => fields.join('\t');
const base = [
  '42',
  '7',
  '5',
  '1234.50',
  '-0.05',
  '310.20',
  '2024-01-02',
  '2026-11-03',
  '3',
  '99.9',
  '0',
  '1000000000.00',
  '\\N',
  '\\N',
  '{1.00,-2.50,0.00,3,4.10,5,6,7,8,9,10,11.99}',
  '{"call": 2, "visit": 1}',
  'C\\\\001\\tX',
  '化工',
  'AA',
  '\\N',
];

describe('parseCopyRow', () => {
  it('reads every field of a COPY text line, money straight to cents', () => {
    expect(parseCopyRow(line(base))).toEqual({
      id: 42,
      orders: 7,
      purchase_days: 5,
      revenue: 123450,
      cost: -5,
      first_day: 31020,
      first_order_on: '2024-01-02',
      last_order_on: '2026-11-03',
      w_days: 3,
      w_rev: 9990,
      rev12: 0,
      cost12: 100000000000,
      budget: null,
      employees: null,
      monthly_cents: [100, -250, 0, 300, 410, 500, 600, 700, 800, 900, 1000, 1199],
      acts12: { call: 2, visit: 1 },
      code: 'C\\001\tX',
      industry: '化工',
      credit_rating: 'AA',
      revenue_band: null,
      m_at: null,
      m_rev: null,
      acts: null,
    });
  });

  it('takes a customer without metrics (every joined field NULL)', () => {
    const row = parseCopyRow(line(['9', ...Array(15).fill('\\N'), 'V1', '\\N', '\\N', '\\N']));
    expect(row).toMatchObject({
      id: 9,
      orders: 0,
      revenue: 0,
      first_day: 0,
      first_order_on: null,
      monthly_cents: null,
    });
    expect(row).toMatchObject({ acts12: null, code: 'V1', industry: null });
  });

  it('parses into a reused row exactly as into a fresh one', () => {
    const none = line(['9', ...Array(15).fill('\\N'), 'V1', '\\N', '\\N', '\\N']);
    const row = emptyRow();
    for (const text of [line(base), none, line(base), none]) {
      const fresh = parseCopyRow(text);
      expect(parseCopyRow(text, row)).toEqual(fresh);
    }
  });

  it('reads any two-place decimal exactly, and longer ones as Number would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
        fc.integer({ min: 0, max: 99 }),
        (c, extra) => {
          const yuan = `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
          const fields = [...base];
          fields[3] = yuan;
          fields[4] = `${yuan}${extra}`;
          const row = parseCopyRow(line(fields));
          expect(row.revenue).toBe(c);
          expect(row.cost).toBe(Math.round(Number(`${yuan}${extra}`) * 100));
        },
      ),
    );
  });

  it('refuses a field that is not a number', () => {
    const fields = [...base];
    fields[1] = 'seven';
    expect(() => parseCopyRow(line(fields))).toThrow(/not an integer/);
    fields[1] = '7';
    fields[3] = 'abc';
    expect(() => parseCopyRow(line(fields))).toThrow(/not a number/);
  });
});
