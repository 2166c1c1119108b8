import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing';
import { createTestApp, type TestApp } from '../../server/testing';
import type { CliContext } from '../context';
import { exportToFile, parseExportOptions } from './export';
import { runImportCommand } from './import';

const drivers = await testDrivers();

/**
 * What Kehu exports, Kehu imports unchanged: a GB18030 file in, CSV out and back in; orders with their
 * lines out as XLSX and back in. The second import of each must find nothing to change.
 */
describe.each(drivers)('import and export round trips on %s', (kind) => {
  let t: TestApp;
  let ctx: CliContext;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    ctx = { handle: t.db, workspaceId: t.fx.workspaceId, description: kind, close: async () => {} };
    dir = mkdtempSync(join(tmpdir(), 'kehu-roundtrip-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const gb = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, iconv.encode(lines.join('\r\n'), 'gb18030'));
    return path;
  };
  const exported = async (entity: string, out: string, lines = false) => {
    const options = parseExportOptions(entity, { out: join(dir, out), lang: 'zh-CN', lines, force: true });
    await exportToFile(t.db, t.fx.workspaceId, options);
    return options.path;
  };
  const run = (entity: Parameters<typeof runImportCommand>[1], path: string) =>
    runImportCommand(ctx, entity, path, { lang: 'zh-CN' });

  it('takes back its own CSV export of customers imported from GB18030, changing nothing', async () => {
    const file = gb('客户.csv', [
      '客户编码,客户名称,客户类型,状态,省份,城市,标签,统一社会信用代码',
      'RT-001,杭州西湖往返机械有限公司,经销商,活跃,浙江省,杭州市,重点；华东,91350100M000100Y43',
      'RT-002,苏州往返贸易有限公司,企业,潜在,江苏省,苏州市,,',
    ]);
    expect(await run('customers', file)).toMatchObject({ exitCode: 0, result: { inserted: 2, invalid: 0 } });
    const csv = await exported('customers', 'customers.csv');
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain('杭州西湖往返机械有限公司');
    expect(text).toContain('重点；华东');
    const again = await run('customers', csv);
    expect(again).toMatchObject({ exitCode: 0, result: { inserted: 0, updated: 0, invalid: 0 } });
    expect(again.result!.unchanged).toBeGreaterThanOrEqual(2);
  });

  it('takes back its own CSV exports of contacts and activities, changing nothing', async () => {
    const contacts = gb('联系人.csv', [
      '客户编码,姓名,职务,电话,邮箱,决策角色,态度,主要联系人,生日',
      'RT-001,王往返,采购经理,13800138000；0571-88886666,wang@rt.cn,决策者,支持者,是,1980-05-06',
      'RT-001,李往返,工程师,13900139000,,使用者,支持,否,',
      'RT-002,赵往返,总经理,,zhao@rt.cn,影响者,中立,,',
    ]);
    expect(await run('contacts', contacts)).toMatchObject({
      exitCode: 0,
      result: { inserted: 3, invalid: 0 },
    });
    const activities = gb('活动.csv', [
      '客户编码,类型,主题,发生时间,方向,时长(分钟),结果,下次跟进,详情',
      'RT-001,拜访,年度框架协议沟通,2024-03-05 14:30,外呼,90,同意报价,2024/3/20,带样品',
      'RT-002,电话,询价回访,2024年3月6日,呼入,,,,',
    ]);
    expect(await run('activities', activities)).toMatchObject({
      exitCode: 0,
      result: { inserted: 2, invalid: 0 },
    });
    for (const entity of ['contacts', 'activities'] as const) {
      const again = await run(entity, await exported(entity, `${entity}.csv`));
      expect(again, entity).toMatchObject({ exitCode: 0, result: { inserted: 0, updated: 0, invalid: 0 } });
    }
  });

  it('takes back its own XLSX export of order lines, changing nothing', async () => {
    const products = gb('产品.csv', [
      '产品编码,产品名称,单位,标准价',
      'RT-P1,往返钢板,吨,4200.00',
      'RT-P2,往返螺栓,个,0.35',
    ]);
    expect(await run('products', products)).toMatchObject({ exitCode: 0 });
    const orders = gb('订单.csv', [
      '客户编码,订单号,下单日期,产品编码,数量,单价,金额,成本',
      'RT-001,RT-SO-1,2024年3月5日,RT-P1,2,"4,200.00","8,400.00",7000',
      'RT-001,RT-SO-1,2024年3月5日,RT-P2,1000,0.35,350.00,',
      'RT-002,RT-SO-2,20240306,,,,-120.50,',
    ]);
    expect(await run('orders', orders)).toMatchObject({ exitCode: 0, result: { inserted: 2, invalid: 0 } });
    const xlsx = await exported('orders', 'order-lines.xlsx', true);
    const again = await run('orders', xlsx);
    expect(again).toMatchObject({ exitCode: 0, result: { inserted: 0, updated: 0, invalid: 0 } });
    expect(again.result!.unchanged).toBeGreaterThanOrEqual(2);
  });
});
