import { describe, expect, it } from 'vitest';
import { UpdateQualitySettingsSchema } from './quality.schema';
import { customFieldKey, isRequiredFieldName } from './quality-fields';
import {
  type CustomerFacts,
  dayMinus,
  daysBetween,
  isFilled,
  scoreCustomer,
  staleCutoffDay,
} from './quality-score';

const empty: CustomerFacts = {
  shortName: null,
  industry: null,
  province: null,
  city: null,
  address: null,
  taxId: null,
  employees: null,
  revenueBand: null,
  creditRating: null,
  source: null,
  ownerId: null,
  branchId: null,
  customFields: {},
  contacts: [],
  createdDay: '2026-01-01',
  lastTouchDay: null,
};

describe('data quality scoring', () => {
  it.each([
    ['industry', { industry: '化工' }, true],
    ['industry', { industry: '   ' }, false],
    ['industry', { industry: '\u3000\u3000' }, false], // ideographic spaces are blank too
    ['industry', { industry: '' }, false],
    ['employees', { employees: 0 }, true],
    ['owner', { ownerId: 7 }, true],
    ['branch', { branchId: null }, false],
    ['contact', { contacts: [{ phones: [], email: null }] }, true],
    ['contactPhone', { contacts: [{ phones: [], email: 'a@b.cn' }] }, false],
    [
      'contactPhone',
      {
        contacts: [
          { phones: [' '], email: null },
          { phones: ['138'], email: null },
        ],
      },
      true,
    ],
    ['contactEmail', { contacts: [{ phones: ['1'], email: ' ' }] }, false],
    ['custom:erp', { customFields: { erp: 'X1' } }, true],
    ['custom:erp', { customFields: { erp: false } }, true],
    ['custom:erp', { customFields: { erp: 0 } }, true],
    ['custom:erp', { customFields: { erp: null } }, false],
    ['custom:erp', { customFields: { erp: ' ' } }, false],
    ['custom:erp', { customFields: {} }, false],
  ] as const)('%s filled by %j: %s', (field, facts, filled) => {
    expect(isFilled(field, { ...empty, ...facts } as CustomerFacts)).toBe(filled);
  });

  it('counts completeness over the required fields, in their order', () => {
    const facts = { ...empty, industry: '化工', taxId: '91330100MA27TEST01', ownerId: 1 };
    const s = scoreCustomer(
      facts,
      { requiredFields: ['industry', 'city', 'taxId', 'contact'], staleDays: 90 },
      '2026-01-02',
    );
    expect(s).toMatchObject({ required: 4, filled: 2, completeness: 0.5, missing: ['city', 'contact'] });
    expect(s.problems).toEqual(['incomplete']);
    const none = scoreCustomer(facts, { requiredFields: [], staleDays: 90 }, '2026-01-02');
    expect(none).toMatchObject({ required: 0, completeness: 1, missing: [], problems: [] });
  });

  it.each([
    // created, last touch, today, N → stale, days since
    ['2025-01-01', '2026-01-31', '2026-04-30', 90, false, 89],
    ['2025-01-01', '2026-01-30', '2026-04-30', 90, true, 90],
    ['2025-01-01', null, '2026-04-30', 90, true, 484],
    ['2026-04-01', null, '2026-04-30', 90, false, 29], // new customers count from their creation
    ['2026-04-29', null, '2026-04-30', 1, true, 1],
    ['2026-04-30', null, '2026-04-30', 1, false, 0],
    ['2024-02-28', '2024-02-28', '2024-03-01', 2, true, 2], // a leap day in between
  ] as const)(
    'created %s, touched %s, today %s, N=%i: stale %s',
    (createdDay, lastTouchDay, today, n, stale, days) => {
      const s = scoreCustomer(
        { ...empty, createdDay, lastTouchDay },
        { requiredFields: [], staleDays: n },
        today,
      );
      expect(s.stale).toBe(stale);
      expect(s.daysSinceTouch).toBe(days);
      expect(s.problems).toEqual(stale ? ['stale'] : []);
    },
  );

  it('reports duplicate reasons in a fixed order, once', () => {
    const s = scoreCustomer(empty, { requiredFields: [], staleDays: 9999 }, '2026-01-01', [
      'name',
      'email',
      'taxId',
      'email',
    ]);
    expect(s).toMatchObject({
      duplicate: true,
      duplicateReasons: ['taxId', 'email', 'name'],
      problems: ['duplicate'],
    });
  });

  it('does calendar arithmetic on days', () => {
    expect(dayMinus('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(staleCutoffDay('2026-04-30', 90)).toBe('2026-01-31');
  });

  it('accepts profile fields and custom:<key> only, each once', () => {
    expect(isRequiredFieldName('contactPhone')).toBe(true);
    expect(isRequiredFieldName('custom:erp_code')).toBe(true);
    expect(isRequiredFieldName('custom:Bad Key')).toBe(false);
    expect(isRequiredFieldName('fax')).toBe(false);
    expect(customFieldKey('industry')).toBeNull();
    const parsed = UpdateQualitySettingsSchema.safeParse({
      version: 1,
      requiredFields: ['city', 'fax', 'city'],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'requiredFields.1',
      'requiredFields.2',
    ]);
    expect(UpdateQualitySettingsSchema.safeParse({ version: 1, staleDays: 0 }).success).toBe(false);
    expect(UpdateQualitySettingsSchema.safeParse({ version: 1, other: 1 }).success).toBe(false);
  });
});
