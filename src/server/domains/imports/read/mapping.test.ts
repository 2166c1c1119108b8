import { describe, expect, it } from 'vitest';
import { IMPORT_ENTITIES, IMPORT_FIELDS } from '../../../../shared/imports/import-fields';
import { fold } from './fold';
import { mappingFromTemplate, mappingMessages, suggestMapping, templateFromMapping } from './mapping';

describe('fold', () => {
  it('folds case, width, spaces, underscores, hyphens, brackets and punctuation', () => {
    expect(fold('Customer_Code')).toBe('customercode');
    expect(fold('ＣＵＳＴＯＭＥＲ　ＣＯＤＥ')).toBe('customercode');
    expect(fold(' customer-code ')).toBe('customercode');
    expect(fold('客户编码*')).toBe('客户编码');
    expect(fold('时长（分钟）')).toBe(fold('时长(分钟)'));
    expect(fold('【客户名称】')).toBe('客户名称');
    expect(fold('E-mail:')).toBe('email');
  });
});

describe('suggestMapping', () => {
  it('matches the Chinese headers of every entity', () => {
    const files = {
      customers: [
        '客户编码',
        '客户名称',
        '简称',
        '客户类型',
        '客户状态',
        '所属行业',
        '省份',
        '城市',
        '详细地址',
        '统一社会信用代码',
        '员工人数',
        '营收规模',
        '信用等级',
        '负责人',
        '分公司',
        '客户来源',
        '标签',
      ],
      contacts: [
        '客户编码',
        '联系人',
        '职务',
        '部门',
        '手机',
        '邮箱',
        '微信',
        '决策角色',
        '态度',
        '生日',
        '主要联系人',
        '备注',
      ],
      products: ['产品编码', '产品名称', '产品类别', '计量单位', '标准价', '标准成本', '启用'],
      orders: [
        '客户编码',
        '订单号',
        '下单日期',
        '金额',
        '成本金额',
        '产品编码',
        '数量',
        '单价',
        '币种',
        '订单状态',
        '备注',
      ],
      activities: [
        '客户编码',
        '活动类型',
        '主题',
        '发生时间',
        '详情',
        '结果',
        '方向',
        '时长（分钟）',
        '下次跟进',
        '跟进人',
        '联系人',
      ],
    } as const;
    for (const entity of IMPORT_ENTITIES) {
      const headers = files[entity];
      const result = suggestMapping(entity, headers);
      expect(result.missing, entity).toEqual([]);
      expect(result.extra, entity).toEqual([]);
      // Every field found, each in its own column, in the order written above.
      expect(Object.keys(result.mapping).sort(), entity).toEqual(
        IMPORT_FIELDS[entity].map((f) => f.key).sort(),
      );
      expect(
        IMPORT_FIELDS[entity].map((f) => result.mapping[f.key]),
        entity,
      ).toEqual(IMPORT_FIELDS[entity].map((_, i) => i));
    }
  });

  it('matches English headers and the keys themselves, in any case and width', () => {
    const result = suggestMapping('orders', [
      'Customer Code',
      'ORDER_NO',
      'Order Date',
      'Ａｍｏｕｎｔ',
      'qty',
    ]);
    expect(result.mapping).toEqual({ customer_code: 0, order_no: 1, ordered_at: 2, amount: 3, quantity: 4 });
    expect(result.missing).toEqual([]);
  });

  it('reports the required fields without a column and the headers no field reads', () => {
    const result = suggestMapping('customers', ['名称', '微信群', '城市', 'Remarks 2']);
    expect(result.mapping).toEqual({ name: 0, city: 2 });
    expect(result.missing).toEqual(['customer_code']);
    expect(result.extra).toEqual(['微信群', 'Remarks 2']);
  });

  it('gives a header to one field only, and a field one header only', () => {
    // Two headers for unit_price: the field's earlier alias ('price' before '单价') wins; so for the code.
    const result = suggestMapping('orders', ['单价', 'price', '客户代码', '客户编码']);
    expect(result.mapping.unit_price).toBe(1);
    expect(result.mapping.customer_code).toBe(3);
    expect(result.extra).toEqual(['单价', '客户代码']);
  });

  it('lets a template win over the aliases, and falls back when its header is gone', () => {
    const headers = ['编号', '公司', '名称', '城市'];
    const result = suggestMapping('customers', headers, { name: '公司', city: '所在地' });
    expect(result.mapping).toEqual({ customer_code: 0, name: 1, city: 3 });
    expect(result.extra).toEqual(['名称']);
    // Template headers compare folded too; unknown keys are ignored.
    expect(suggestMapping('customers', [' 公司 *', 'X'], { name: '公司', nope: 'X' }).mapping).toEqual({
      name: 0,
    });
  });
});

describe('mappingFromTemplate and templateFromMapping', () => {
  it('round-trips a mapping through a saved template, strictly', () => {
    const headers = ['单号', '客户', '日期', '含税金额'];
    const template = { order_no: '单号', customer_code: '客户', ordered_at: '日期', amount: '含税金额' };
    const result = mappingFromTemplate('orders', headers, template);
    expect(result.mapping).toEqual({ order_no: 0, customer_code: 1, ordered_at: 2, amount: 3 });
    expect(templateFromMapping(headers, result.mapping)).toEqual(template);
    const gone = mappingFromTemplate('orders', ['单号', '日期'], template);
    expect(gone.missing).toEqual(['customer_code', 'amount']);
  });
});

describe('mappingMessages', () => {
  it('names the missing required fields with headers that would do, and the ignored headers', () => {
    const result = suggestMapping('orders', ['客户编码', '金额', '微信群']);
    expect(mappingMessages('orders', result)).toEqual([
      { code: 'missing_column', params: { field: 'order_no', names: 'order_no / 订单号 / 订单编号' } },
      { code: 'missing_column', params: { field: 'ordered_at', names: 'ordered_at / 下单日期 / 订单日期' } },
      { code: 'extra_column', params: { header: '微信群' } },
    ]);
  });
});
