import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDrivers } from '../../db/testing';
import { createTestApp, type TestApp } from '../../server/testing';
import type { CliContext } from '../context';
import { type ImportCliOptions, localeFromEnv, runImportCommand } from './import';

const drivers = await testDrivers();

const csv = (rows: readonly (readonly (string | number)[])[]) =>
  `\uFEFF${rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;

describe.each(drivers)('kehu import on %s', (kind) => {
  let t: TestApp;
  let ctx: CliContext;
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const run = (entity: Parameters<typeof runImportCommand>[1], path: string, opts: ImportCliOptions = {}) =>
    runImportCommand(ctx, entity, path, { lang: 'zh-CN', ...opts });
  const rows = async <T>(text: string): Promise<T[]> =>
    ((await t.db.db.execute(text)) as unknown as { rows: T[] }).rows;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ctx = { handle: t.db, workspaceId: t.fx.workspaceId, description: kind, close: async () => {} };
    dir = mkdtempSync(join(tmpdir(), 'kehu-import-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports every entity from files with Chinese headers', async () => {
    const customers = file(
      '客户.csv',
      csv([
        ['客户编码', '客户名称', '客户类型', '状态', '负责人', '分公司', '标签', '员工人数'],
        [
          'C001',
          '杭州西湖化工有限公司',
          '经销商',
          '合作中',
          'sales@test.kehu',
          'EAST',
          '重点、华东',
          '1,200',
        ],
        ['C002', '北京朝阳贸易有限公司', '企业', '潜在客户', 'salesNorth', '华北分公司', '', ''],
      ]),
    );
    expect(await run('customers', customers)).toMatchObject({ exitCode: 0, result: { inserted: 2 } });
    expect(await rows(`select code, type, status, tags, employees from customers order by code`)).toEqual([
      { code: 'C001', type: 'dealer', status: 'active', tags: ['重点', '华东'], employees: 1200 },
      { code: 'C002', type: 'enterprise', status: 'prospect', tags: [], employees: null },
    ]);
    const products = file(
      '产品.csv',
      csv([
        ['产品编码', '产品名称', '单位', '标准价'],
        ['P-01', '不锈钢球阀', '个', '¥1,234.50'],
      ]),
    );
    expect(await run('products', products)).toMatchObject({ exitCode: 0, result: { inserted: 1 } });
    const contacts = file(
      '联系人.csv',
      csv([
        ['客户编码', '联系人', '手机', '邮箱', '职务'],
        ['C001', '王伟', '13800000001；021-55550000', 'ww@xihu.cn', '采购经理'],
      ]),
    );
    expect(await run('contacts', contacts)).toMatchObject({ exitCode: 0, result: { inserted: 1 } });
    const orders = file(
      '订单.csv',
      csv([
        ['订单号', '客户编码', '下单日期', '金额', '成本', '产品编码', '数量', '币种'],
        ['SO-001', 'C001', '2024年3月5日', '¥2,469.00', '1 800,00', 'P-01', '2', 'cny'],
        ['SO-001', 'C001', '2024/3/5', '-100', '', '', '', 'CNY'],
        ['SO-002', 'C002', '20240306', '500', '', '', '', ''],
      ]),
    );
    expect(await run('orders', orders)).toMatchObject({ exitCode: 0, result: { rows: 3, inserted: 2 } });
    expect(
      await rows(
        `select order_no, ordered_at::text, total_amount::text, total_cost::text from orders order by order_no`,
      ),
    ).toEqual([
      { order_no: 'SO-001', ordered_at: '2024-03-05', total_amount: '2369.00', total_cost: '1800.00' },
      { order_no: 'SO-002', ordered_at: '2024-03-06', total_amount: '500.00', total_cost: null },
    ]);
    const activities = file(
      '跟进.csv',
      csv([
        ['客户编码', '类型', '主题', '发生时间', '联系人', '跟进人'],
        ['C001', '上门拜访', '季度回访', '2024-03-05 14:30', '王伟', 'sales'],
      ]),
    );
    expect(await run('activities', activities)).toMatchObject({ exitCode: 0, result: { inserted: 1 } });
    expect(
      await rows(
        `select type, to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as at from activities`,
      ),
    ).toEqual([{ type: 'visit', at: '2024-03-05 14:30' }]);
    // The same files again: nothing changes.
    for (const [entity, path] of [
      ['customers', customers],
      ['orders', orders],
      ['contacts', contacts],
    ] as const) {
      expect((await run(entity, path)).result).toMatchObject({ inserted: 0, updated: 0, invalid: 0 });
    }
  });

  it('writes every problem to the report, as CSV and as XLSX, in the chosen language', async () => {
    const bad = file(
      'bad.csv',
      csv([
        ['订单号', '客户编码', '下单日期', '金额'],
        ['SO-100', 'NOPE', '2024-02-30', 'abc'],
        ['SO-101', 'C001', '2024-03-01', '10'],
      ]),
    );
    const report = join(dir, 'report.csv');
    const outcome = await run('orders', bad, { report });
    expect(outcome).toMatchObject({ exitCode: 1, result: { written: false, invalid: 1 } });
    expect(readFileSync(report, 'utf8')).toBe(
      '\uFEFF行号,列,值,说明\r\n' +
        '2,下单日期,2024-02-30,日历中没有这一天。\r\n' +
        '2,金额,abc,不是有效的数字。\r\n' +
        '2,客户编码,NOPE,客户编码 NOPE 不存在。\r\n',
    );
    const xlsx = join(dir, 'report.xlsx');
    await run('orders', bad, { report: xlsx, lang: 'en', skipInvalid: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0]!;
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ['Row', 'Column', 'Value', 'Message'],
      [2, '下单日期', '2024-02-30', 'No such day in the calendar.'],
      [2, '金额', 'abc', 'Not a number.'],
      [2, '客户编码', 'NOPE', 'No customer has the code NOPE.'],
    ]);
    expect(await rows(`select order_no from orders where order_no like 'SO-10_'`)).toEqual([
      { order_no: 'SO-101' },
    ]);
  });

  it('reads the chosen sheet of a workbook, and a GB18030 file with semicolons', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').addRow(['本工作簿的第二张表是客户']);
    const sheet = book.addWorksheet('客户');
    sheet.addRow(['客户编码', '客户名称']);
    sheet.addRow(['X-01', '苏州工业园区某某公司']);
    const xlsx = join(dir, 'book.xlsx');
    await book.xlsx.writeFile(xlsx);
    await expect(run('customers', xlsx, { lang: 'en' })).rejects.toThrow(/several sheets/);
    expect(await run('customers', xlsx, { sheet: '客户' })).toMatchObject({
      exitCode: 0,
      result: { inserted: 1 },
    });
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, iconv.encode('客户编码;客户名称\r\nX-02;无锡某某贸易公司\r\n', 'gb18030'));
    expect(await run('customers', gbk)).toMatchObject({ exitCode: 0, result: { inserted: 1 } });
    expect(await rows(`select name from customers where code = 'X-02'`)).toEqual([
      { name: '无锡某某贸易公司' },
    ]);
  });

  it('names a missing required column before reading any row', async () => {
    // The last row is broken: had the rows been read, the error would be about its quote.
    const good = Array.from({ length: 30_000 }, (_, i) => `SO-${i},C001,2024-01-01\r\n`).join('');
    const path = file('no-amount.csv', `订单号,客户编码,下单日期\r\n${good}"SO-1,C001,2024-01-01\r\n`);
    await expect(run('orders', path, { lang: 'en' })).rejects.toThrow(
      'No column for the required field “amount” (a header such as amount / 金额 / 订单金额).',
    );
  });

  it('reports a look-alike of an existing customer, and merges it with --merge-duplicates', async () => {
    const path = file(
      'dupes.csv',
      csv([
        ['客户编码', '客户名称', '城市'],
        ['X-DUP', '杭州西湖化工股份有限公司', '杭州'],
      ]),
    );
    const said = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const report = join(dir, 'dupes-report.csv');
      const plain = await run('customers', path, { dryRun: true, report });
      expect(plain).toMatchObject({ exitCode: 0, result: { inserted: 1, duplicates: 1, merged: 0 } });
      expect(said.mock.calls.flat().join('\n')).toContain('疑似重复：提示 1，合并到已有客户 0。');
      expect(readFileSync(report, 'utf8')).toContain(
        '提示：疑似与已有客户 C001 杭州西湖化工有限公司 重复（相似度 1），已作为新客户导入。',
      );
      const merged = await run('customers', path, { mergeDuplicates: true, lang: 'en' });
      expect(merged).toMatchObject({ exitCode: 0, result: { inserted: 0, updated: 1, merged: 1 } });
      expect(said.mock.calls.flat().join('\n')).toContain(
        'Duplicates: 0 reported, 1 merged into existing customers.',
      );
    } finally {
      said.mockRestore();
    }
    expect(await rows(`select code, name, city from customers where code in ('C001', 'X-DUP')`)).toEqual([
      { code: 'C001', name: '杭州西湖化工股份有限公司', city: '杭州' },
    ]);
    // Orders have no 查重: the flag changes nothing there, and a dry run writes nothing.
    const orders = file(
      'dry.csv',
      csv([
        ['订单号', '客户编码', '下单日期', '金额'],
        ['SO-200', 'C001', '2024-01-01', '1'],
      ]),
    );
    const dry = await run('orders', orders, { dryRun: true, mergeDuplicates: true });
    expect(dry).toMatchObject({ exitCode: 0, result: { inserted: 1, merged: 0, written: false } });
    expect(await rows(`select 1 from orders where order_no = 'SO-200'`)).toEqual([]);
  });

  it('imports a generated 100,000-line order file, and again without changes', async () => {
    const n = 100_000;
    const lines = ['订单号,客户编码,下单日期,金额,成本,数量,单价'];
    for (let i = 0; i < n; i++) {
      lines.push(
        `BIG-${Math.floor(i / 5)},C00${(Math.floor(i / 5) % 2) + 1},2024-06-01,${i % 1000}.${i % 100},${i % 7},${(i % 3) + 1},`,
      );
    }
    const path = file('big.csv', `${lines.join('\n')}\n`);
    const first = await run('orders', path);
    expect(first).toMatchObject({ exitCode: 0, result: { rows: n, inserted: n / 5, invalid: 0 } });
    const [sum] = await rows<{ lines: number; total: string }>(
      `select count(*)::int as lines, sum(l.amount)::text as total from order_lines l
         join orders o on o.id = l.order_id where o.order_no like 'BIG-%'`,
    );
    let cents = 0;
    for (let i = 0; i < n; i++) cents += (i % 1000) * 100 + (i % 100 < 10 ? (i % 100) * 10 : i % 100);
    expect(sum).toEqual({
      lines: n,
      total: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    });
    expect((await run('orders', path)).result).toMatchObject({ unchanged: n / 5, inserted: 0, updated: 0 });
  }, 180_000);
});

describe('the import language', () => {
  it('is Chinese when LC_ALL or LANG starts with zh, English otherwise', () => {
    expect(localeFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnv({})).toBe('en');
  });
});
