import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, type ImportField } from '../../../../shared/imports/import-fields';
import type { Cell } from '../import.contract';
import { convertRow, rowConverter } from './convert-row';
import { suggestMapping } from './mapping';

const ctx = { timeZone: 'Asia/Shanghai' };

/** Converts one row of a file with these headers for an entity. */
function read(entity: keyof typeof IMPORT_FIELDS, headers: string[], cells: Cell[], line = 2) {
  const { mapping } = suggestMapping(entity, headers);
  return convertRow(IMPORT_FIELDS[entity], mapping, { line, cells }, { ...ctx, headers });
}

describe('convertRow', () => {
  it('checks tax IDs, phones and e-mails as the API does, and keeps them as it keeps them', () => {
    const good = read(
      'customers',
      ['客户编码', '客户名称', '税号'],
      ['C1', '某公司', ' 91350100m000100y43 '],
    );
    expect(good.issues).toEqual([]);
    expect(good.values.tax_id).toBe('91350100M000100Y43');
    const bad = read('customers', ['客户编码', '客户名称', '税号'], ['C1', '某公司', '91350100M000100Y44']);
    expect(bad.issues).toEqual([
      {
        line: 2,
        column: '税号',
        value: '91350100M000100Y44',
        code: 'invalid_tax_id',
        params: { value: '91350100M000100Y44' },
      },
    ]);
    const contact = read(
      'contacts',
      ['客户编码', '姓名', '电话', '邮箱'],
      ['C1', '王五', '13800138000；0571-88886666', ' Wang@Example.CN '],
    );
    expect(contact.issues).toEqual([]);
    expect(contact.values).toMatchObject({
      phones: ['13800138000', '0571-88886666'],
      email: 'wang@example.cn',
    });
    const wrong = read(
      'contacts',
      ['客户编码', '姓名', '电话', '邮箱'],
      ['C1', '王五', '13800138000,12345', 'wang@'],
    );
    expect(wrong.issues.map((i) => [i.column, i.code, i.params])).toEqual([
      ['电话', 'invalid_phone', { value: '12345' }],
      ['邮箱', 'invalid_email', { value: 'wang@' }],
    ]);
  });

  it('gives every type its canonical text', () => {
    const row = read(
      'orders',
      ['客户编码', '订单号', '下单日期', '金额', '数量', '单价', '订单状态', '备注'],
      [' C001 ', 'SO-1', '2024年3月5日', '￥1,234.50', '2.500', '(12.00)', '已发货', 'line 1\r\nline 2'],
    );
    expect(row.issues).toEqual([]);
    expect(row.values).toEqual({
      customer_code: 'C001',
      order_no: 'SO-1',
      ordered_at: '2024-03-05',
      amount: '1234.50',
      cost: null,
      product_code: null,
      quantity: '2.5',
      unit_price: '-12.00',
      currency: null,
      status: 'shipped',
      notes: 'line 1\nline 2',
    });
  });

  it('reads booleans, enums by value or label, lists and timestamps', () => {
    const contact = read(
      'contacts',
      ['客户编码', '姓名', '电话', '决策角色', '态度', '生日', '主要联系人'],
      ['C1', '王伟', '13800138000，010-12345678; 021-1234、\n', 'Decision Maker', 'CHAMPION', 45356, '是'],
    );
    expect(contact.issues).toEqual([]);
    expect(contact.values).toMatchObject({
      phones: ['13800138000', '010-12345678', '021-1234'],
      decision_role: 'decision_maker',
      attitude: 'champion',
      birthday: '2024-03-05',
      is_primary: 't',
    });
    for (const [cell, expected] of [
      [true, 't'],
      [false, 'f'],
      ['N', 'f'],
      ['yes', 't'],
      ['TRUE', 't'],
      ['0', 'f'],
      [1, 't'],
      ['否', 'f'],
    ] as const) {
      expect(read('products', ['编码', '名称', '单位', '启用'], ['P', 'n', 'kg', cell]).values.active).toBe(
        expected,
      );
    }
    const activity = read(
      'activities',
      ['客户编码', '方式', '主题', '时间', '时长(分钟)'],
      ['C1', '上门拜访', 'Kick-off', '2024-03-05 14:30', '1,200'],
    );
    expect(activity.issues).toEqual([]);
    expect(activity.values).toMatchObject({
      type: 'visit',
      occurred_at: '2024-03-05T14:30:00+08:00',
      duration_minutes: '1200',
    });
  });

  it('takes XLSX cells: numbers, booleans and date cells', () => {
    const row = read(
      'orders',
      ['客户编码', '订单号', '下单日期', '金额', '数量'],
      [10001, 20240001, new Date(Date.UTC(2024, 2, 5)), 1234.5, 3],
    );
    expect(row.issues).toEqual([]);
    expect(row.values).toMatchObject({
      customer_code: '10001',
      order_no: '20240001',
      ordered_at: '2024-03-05',
      amount: '1234.50',
      quantity: '3',
    });
  });

  it('reports each bad cell with its line, header, value as written, code and params', () => {
    const row = read(
      'orders',
      ['客户编码', '订单号', '下单日期', '金额', '数量', '订单状态', '币种'],
      ['', 'SO-1', '2024-02-30', '12元5', '1.2345', '已退货', 'RMB!'],
      7,
    );
    expect(row.values).toMatchObject({ customer_code: null, ordered_at: null, amount: null, status: null });
    expect(row.issues).toEqual([
      { line: 7, column: '客户编码', value: null, code: 'required' },
      { line: 7, column: '下单日期', value: '2024-02-30', code: 'invalid_date' },
      { line: 7, column: '金额', value: '12元5', code: 'not_a_number', params: { kind: 'money' } },
      { line: 7, column: '数量', value: '1.2345', code: 'too_many_decimals', params: { max: 3 } },
      { line: 7, column: '币种', value: 'RMB!', code: 'too_long', params: { max: 3, length: 4 } },
      {
        line: 7,
        column: '订单状态',
        value: '已退货',
        code: 'unknown_value',
        params: {
          allowed: 'draft, confirmed, shipped, completed, cancelled',
          labels: '草稿、已确认、已发货、已完成、已取消',
        },
      },
    ]);
  });

  it('reports text in number columns, booleans it cannot read and too long text', () => {
    const product = read(
      'products',
      ['编码', '名称', '单位', '标准价', '启用'],
      ['P1', 'x'.repeat(201), 'kg', 'abc', 'maybe'],
    );
    expect(product.issues.map((i) => [i.column, i.code])).toEqual([
      ['名称', 'too_long'],
      ['标准价', 'not_a_number'],
      ['启用', 'not_a_boolean'],
    ]);
    // Length counts characters, not UTF-16 units: 200 Han characters (some outside the BMP) fit.
    const name = '𠀀'.repeat(100) + '客'.repeat(100);
    expect(read('products', ['编码', '名称', '单位'], ['P1', name, 'kg']).issues).toEqual([]);
    const employees = read('customers', ['编码', '名称', '员工数'], ['C', 'n', true]);
    expect(employees.issues[0]).toMatchObject({ column: '员工数', value: 'true', code: 'not_a_number' });
  });

  it('names a required field the file has no column for by its key', () => {
    const row = read('customers', ['名称'], ['n']);
    expect(row.issues).toEqual([{ line: 2, column: 'customer_code', value: null, code: 'required' }]);
  });

  it('treats a short row as empty cells and reports cells past the last header', () => {
    const short = read('customers', ['编码', '名称', '城市'], ['C1']);
    expect(short.issues).toEqual([{ line: 2, column: '名称', value: null, code: 'required' }]);
    expect(short.values.city).toBeNull();
    const long = read('customers', ['编码', '名称'], ['C1', 'Acme', ' Inc', '', '']);
    expect(long.issues).toEqual([
      { line: 2, column: null, value: ' Inc', code: 'extra_cells', params: { expected: 2, found: 3 } },
    ]);
    expect(read('customers', ['编码', '名称'], ['C1', 'Acme', '', ' ']).issues).toEqual([]);
  });

  it('drops the apostrophe our CSV exports put before formula-like text, and empty list items', () => {
    const row = read(
      'orders',
      ['客户编码', '订单号', '下单日期', '金额', '备注'],
      ['C', "'=1+2", '2024-01-01', "'-5.00", "'@x"],
    );
    expect(row.values).toMatchObject({ order_no: '=1+2', amount: '-5.00', notes: '@x' });
    const tags = read('customers', ['编码', '名称', '标签'], ['C', 'n', ' ,；| ']);
    expect(tags.values.tags).toBeNull();
    expect(tags.issues).toEqual([]);
  });

  it('reuses one converter for many rows (rowConverter)', () => {
    const fields: readonly ImportField[] = IMPORT_FIELDS.products;
    const headers = ['编码', '名称', '单位', '售价'];
    const convert = rowConverter(fields, suggestMapping(fields, headers).mapping, { ...ctx, headers });
    const rows = [2, 3, 4].map((line) => convert({ line, cells: [`P${line}`, 'n', '个', `${line},5`] }));
    expect(rows.map((r) => [r.line, r.values.list_price])).toEqual([
      [2, '2.50'],
      [3, '3.50'],
      [4, '4.50'],
    ]);
  });
});
