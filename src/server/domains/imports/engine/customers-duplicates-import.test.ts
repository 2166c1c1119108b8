import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../../db/testing';
import { createTestApp, type TestApp } from '../../../testing';
import { importMessage } from './engine.messages';
import { importRows, issueSummary } from './engine.test-support';

const drivers = await testDrivers();

describe.each(drivers)('查重 on a customers import on %s', (kind) => {
  let t: TestApp;
  const as = (key: keyof TestApp['fx']['users']) => ({
    workspaceId: t.fx.workspaceId,
    userId: t.fx.users[key].userId,
  });
  const rows = async <T>(text: string): Promise<T[]> =>
    ((await t.db.db.execute(text)) as unknown as { rows: T[] }).rows;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const existing = [
      { customer_code: 'D1', name: '杭州某某机械有限公司', city: '杭州' },
      { customer_code: 'D2', name: '宁波海港物流有限公司', tax_id: '91330200MA2XXXXX1' },
      { customer_code: 'D3', name: '广州华南贸易有限公司', owner: 'salesNorth', branch: 'NORTH' },
    ];
    expect(await importRows(t.db, as('admin'), 'customers', existing)).toMatchObject({ inserted: 3 });
  });
  afterAll(() => t.close());

  const file = [
    // The same company under a new code: a near-identical name, and the same tax ID under another name.
    { customer_code: 'N1', name: '杭州某某机械股份有限公司', province: '浙江' },
    { customer_code: 'N2', name: '宁波港口物流公司', tax_id: '91330200ma2xxxxx1', status: 'active' },
    // Nothing like any customer.
    { customer_code: 'N3', name: '成都天府软件开发中心' },
    // The same company as N3, twice in the file.
    { customer_code: 'N4', name: '成都天府软件开发中心有限公司' },
  ];

  it('reports look-alikes as warnings and imports the rows as new customers', async () => {
    const result = await importRows(t.db, as('admin'), 'customers', file, 'all-or-nothing');
    expect(result).toMatchObject({
      rows: 4,
      inserted: 4,
      invalid: 0,
      duplicates: 3,
      merged: 0,
      written: true,
    });
    expect(issueSummary(result.issues)).toEqual([
      '2:name:duplicate_customer',
      '3:name:duplicate_customer',
      '5:name:duplicate_in_file',
    ]);
    expect(result.issues.every((i) => i.severity === 'warning')).toBe(true);
    const [n1, n2, n4] = result.issues;
    expect(n1?.params).toMatchObject({ code: 'D1', name: '杭州某某机械有限公司', score: 1 });
    expect(n2?.params).toMatchObject({ code: 'D2', name: '宁波海港物流有限公司' });
    expect(Number(n2?.params?.score)).toBeGreaterThanOrEqual(0.95);
    expect(importMessage(n1!, 'en')).toBe(
      'Looks like existing customer D1 杭州某某机械有限公司 (score 1); imported as a new customer.',
    );
    expect(importMessage(n1!, 'zh-CN')).toBe(
      '疑似与已有客户 D1 杭州某某机械有限公司 重复（相似度 1），已作为新客户导入。',
    );
    expect(importMessage(n4!, 'zh-CN')).toBe('疑似与第 4 行是同一家公司。');
    expect(await rows(`select code from customers where code like 'N%' order by code`)).toEqual([
      { code: 'N1' },
      { code: 'N2' },
      { code: 'N3' },
      { code: 'N4' },
    ]);
    // Roll the new customers back out of the way (the next test starts from D1–D3 only).
    await rows(`delete from customers where code like 'N%'`);
  });

  it('merges into the look-alike with mergeDuplicates, keeping its code, and a re-import changes nothing', async () => {
    const dry = await importRows(t.db, as('admin'), 'customers', file, 'dry-run', { mergeDuplicates: true });
    expect(dry).toMatchObject({ inserted: 2, updated: 2, merged: 2, duplicates: 1, written: false });
    expect(await rows(`select 1 from customers where code like 'N%'`)).toEqual([]);

    const result = await importRows(t.db, as('admin'), 'customers', file, 'all-or-nothing', {
      mergeDuplicates: true,
    });
    expect(result).toMatchObject({
      rows: 4,
      inserted: 2,
      updated: 2,
      merged: 2,
      duplicates: 1,
      written: true,
    });
    expect(issueSummary(result.issues)).toEqual([
      '2:name:duplicate_merged',
      '3:name:duplicate_merged',
      '5:name:duplicate_in_file',
    ]);
    expect(importMessage(result.issues[0]!, 'en')).toBe(
      'Merged into existing customer D1 杭州某某机械有限公司 (score 1), which keeps its code.',
    );
    expect(
      await rows(`select code, name, province, city, tax_id, status, version from customers
                    where code in ('D1', 'D2') order by code`),
    ).toEqual([
      {
        code: 'D1',
        name: '杭州某某机械股份有限公司',
        province: '浙江',
        city: '杭州',
        tax_id: null,
        status: 'prospect',
        version: 2,
      },
      {
        code: 'D2',
        name: '宁波港口物流公司',
        province: null,
        city: null,
        tax_id: '91330200MA2XXXXX1',
        status: 'active',
        version: 2,
      },
    ]);
    expect(await rows(`select code from customers where code like 'N%' order by code`)).toEqual([
      { code: 'N3' },
      { code: 'N4' },
    ]);

    const again = await importRows(t.db, as('admin'), 'customers', file, 'all-or-nothing', {
      mergeDuplicates: true,
    });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, merged: 2, written: true });
    expect(await rows(`select count(*)::int as n from customers`)).toEqual([{ n: 5 }]);
  });

  it('merges one row per customer and never names a customer the importer may not change', async () => {
    const twice = [
      { customer_code: 'M1', name: '广州华南贸易股份有限公司' },
      { customer_code: 'M2', name: '广州华南贸易有限公司', city: '广州' },
    ];
    // D3 belongs to the northern branch: the eastern manager neither sees it nor merges into it.
    const manager = await importRows(t.db, as('manager'), 'customers', twice, 'dry-run', {
      mergeDuplicates: true,
    });
    expect(manager).toMatchObject({ inserted: 2, merged: 0, invalid: 0 });
    expect(issueSummary(manager.issues)).toEqual(['3:name:duplicate_in_file']);

    const admin = await importRows(t.db, as('admin'), 'customers', twice, 'dry-run', {
      mergeDuplicates: true,
    });
    expect(admin).toMatchObject({ inserted: 1, updated: 1, merged: 1, duplicates: 1 });
    expect(issueSummary(admin.issues)).toEqual(['2:name:duplicate_merged', '3:name:duplicate_merge_taken']);
    expect(importMessage(admin.issues[1]!, 'en')).toContain('which row 2 is merged into');
  });

  it('matches a big file set-wise', async () => {
    const n = 1200;
    const big: { customer_code: string; name: string; tax_id?: string }[] = Array.from(
      { length: n },
      (_, i) => ({
        customer_code: `B${i}`,
        name: i === 700 ? '杭州某某机械有限公司' : `测试公司${String(i).padStart(5, '0')}号`,
      }),
    );
    const result = await importRows(t.db, as('admin'), 'customers', big, 'dry-run');
    expect(result).toMatchObject({ rows: n, inserted: n, duplicates: 1, namesUnchecked: 0 });
    expect(result.issues.map((i) => [i.line, i.code, i.params?.code])).toEqual([
      [702, 'duplicate_customer', 'D1'],
    ]);
    // Beyond the limit names are not compared (and the count says so); tax IDs still are.
    await rows(`update customers set tax_id = '91440000GZ0000001' where code = 'D3'`);
    big[5] = { customer_code: 'B5', name: '某个完全不同的名字', tax_id: '91440000gz0000001' };
    const capped = await importRows(t.db, as('admin'), 'customers', big, 'dry-run', {
      nameCheckMaxRows: 1000,
    });
    expect(capped).toMatchObject({ rows: n, inserted: n, duplicates: 1, namesUnchecked: n });
    expect(capped.issues.map((i) => [i.line, i.code, i.params?.code])).toEqual([
      [7, 'duplicate_customer', 'D3'],
    ]);
  });
});
