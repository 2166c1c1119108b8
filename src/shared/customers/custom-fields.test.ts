import { describe, expect, it } from 'vitest';
import { type CustomFieldDef, validateCustomFields } from './custom-fields';

const defs: CustomFieldDef[] = [
  { key: 'erp_id', type: 'text', options: [], required: true },
  { key: 'kilns', type: 'number', options: [], required: false },
  { key: 'iso9001', type: 'boolean', options: [], required: false },
  { key: 'audited_on', type: 'date', options: [], required: false },
  { key: 'grade', type: 'select', options: ['gold', 'silver'], required: false },
];

describe('validateCustomFields', () => {
  it('accepts well-typed values', () => {
    expect(
      validateCustomFields(defs, {
        erp_id: 'X1',
        kilns: 3,
        iso9001: true,
        audited_on: '2025-01-31',
        grade: 'gold',
      }),
    ).toEqual([]);
  });

  it.each([
    [{ erp_id: 'X', kilns: '3' }, 'kilns', 'kehu.custom_field_type'],
    [{ erp_id: 'X', audited_on: '2025-13-45' }, 'audited_on', 'kehu.custom_field_type'],
    [{ erp_id: 'X', grade: 'bronze' }, 'grade', 'kehu.custom_field_option'],
    [{ erp_id: 'X', nope: 1 }, 'nope', 'kehu.unknown_custom_field'],
    [{ kilns: 1 }, 'erp_id', 'kehu.custom_field_required'],
    [{ erp_id: null }, 'erp_id', 'kehu.custom_field_required'],
  ])('%o → %s %s', (values, key, message) => {
    expect(validateCustomFields(defs, values)).toContainEqual({ key, message });
  });
});
