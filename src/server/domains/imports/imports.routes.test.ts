import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customers } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import type { Actor } from '../../../shared/auth/roles';
import { createTestApp, type TestApp } from '../../testing';
import { createImportUploads } from './web/import-uploads';

const drivers = await testDrivers();

type UserKey = keyof TestApp['fx']['users'];

describe.each(drivers)('web import over HTTP on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const call = (
    user: UserKey,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
    lang = 'en',
  ) =>
    t.as(t.fx.users[user], {
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { 'accept-language': lang },
    });
  const upload = async (user: UserKey, fileName: string, bytes: Buffer) => {
    const res = await t.as(t.fx.users[user], {
      method: 'POST',
      url: `/api/v1/imports?fileName=${encodeURIComponent(fileName)}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; size: number; status: string };
  };
  const finished = async (user: UserKey, id: string) => {
    for (;;) {
      const run = (await call(user, 'GET', `/api/v1/imports/${id}`)).json();
      if (run.status !== 'running') return run;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const codes = async () =>
    (
      await t.db.db
        .select({ code: customers.code })
        .from(customers)
        .where(eq(customers.workspaceId, t.fx.workspaceId))
        .orderBy(asc(customers.code))
    ).map((c) => c.code);

  // Excel in China writes CSV in GB18030 (GBK) with Chinese headers.
  const gbFile = (rows: string[]) =>
    iconv.encode(['客户编码,客户名称,省份', ...rows].join('\r\n'), 'gb18030');

  it('previews a GB18030 file with its Chinese headers mapped, dry-runs it, then imports it', async () => {
    const file = gbFile(['IMP-001,杭州导入机械有限公司,浙江省', 'IMP-002,宁波导入贸易有限公司,浙江省']);
    const up = await upload('admin', '客户.csv', file);
    expect(up).toMatchObject({ status: 'uploaded', size: file.length });
    const preview = (await call('admin', 'GET', `/api/v1/imports/${up.id}/preview?entity=customers`)).json();
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
      headers: ['客户编码', '客户名称', '省份'],
      mapping: { customer_code: '客户编码', name: '客户名称', province: '省份' },
      missing: [],
      problem: null,
    });
    expect(preview.rows[0]).toEqual({ line: 2, cells: ['IMP-001', '杭州导入机械有限公司', '浙江省'] });

    const before = await codes();
    const body = { entity: 'customers', mapping: preview.mapping };
    const dry = await call('admin', 'POST', `/api/v1/imports/${up.id}/run`, { ...body, mode: 'dry-run' });
    expect(dry.statusCode, dry.body).toBe(202);
    expect(await finished('admin', up.id)).toMatchObject({
      status: 'done',
      mode: 'dry-run',
      written: false,
      counts: { rows: 2, invalid: 0 },
    });
    expect(await codes()).toEqual(before);

    await call('admin', 'POST', `/api/v1/imports/${up.id}/run`, { ...body, mode: 'all-or-nothing' });
    expect(await finished('admin', up.id)).toMatchObject({
      status: 'done',
      written: true,
      counts: { rows: 2, inserted: 2, invalid: 0 },
    });
    expect(await codes()).toEqual([...before, 'IMP-001', 'IMP-002'].sort());
  });

  it('names a required column left unmapped before reading any row', async () => {
    const up = await upload('admin', 'c.csv', gbFile(['IMP-009,某公司,江苏省']));
    const res = await call(
      'admin',
      'POST',
      `/api/v1/imports/${up.id}/run`,
      { entity: 'customers', mode: 'all-or-nothing', mapping: { name: '客户名称', city: '城市' } },
      'zh-CN',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'mapping.customer_code', message: '必填：请选择读取它的列。' },
      { field: 'mapping.city', message: '文件中没有这个表头的列。' },
    ]);
    expect((await call('admin', 'GET', `/api/v1/imports/${up.id}`)).json().status).toBe('uploaded');
  });

  it('lists the problems of a bad file in the reader’s language and writes none of it', async () => {
    const up = await upload('admin', 'bad.csv', gbFile(['IMP-101,好公司,浙江省', 'IMP-102,,浙江省']));
    const before = await codes();
    await call('admin', 'POST', `/api/v1/imports/${up.id}/run`, {
      entity: 'customers',
      mode: 'all-or-nothing',
      mapping: { customer_code: '客户编码', name: '客户名称' },
    });
    const run = await finished('admin', up.id);
    expect(run).toMatchObject({ status: 'done', written: false, issueCount: 1, counts: { invalid: 1 } });
    expect(await codes()).toEqual(before);
    const zh = (await call('admin', 'GET', `/api/v1/imports/${up.id}/issues`, undefined, 'zh-CN')).json();
    expect(zh.items).toMatchObject([{ line: 3, column: '客户名称', code: 'required' }]);
    expect(zh.items[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.nextCursor).toBeNull();
    const report = await call('admin', 'GET', `/api/v1/imports/${up.id}/report?format=csv&lang=en`);
    expect(report.headers['content-type']).toContain('text/csv');
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Row,Column,Value,Problem');
    expect(lines[1]).toMatch(/^3,客户名称,,/);
    const xlsx = await t.as(t.fx.users.admin, {
      method: 'GET',
      url: `/api/v1/imports/${up.id}/report?format=xlsx&lang=zh-CN`,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('问题')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '列', '值', '问题']);
    expect(sheet.getRow(2).values).toEqual([undefined, 3, '客户名称', undefined, zh.items[0].message]);
  });

  it('keeps an upload to its owner and imports only what the role may', async () => {
    const up = await upload('sales', 'p.csv', Buffer.from('product_code,name,unit\r\nP-1,钢板,t\r\n'));
    expect((await call('salesNorth', 'GET', `/api/v1/imports/${up.id}`)).statusCode).toBe(404);
    const res = await call('sales', 'POST', `/api/v1/imports/${up.id}/run`, {
      entity: 'products',
      mode: 'all-or-nothing',
      mapping: { product_code: 'product_code', name: 'name', unit: 'unit' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('saves, lists and deletes mapping templates, one name per user, auditing each write', async () => {
    const body = {
      entity: 'orders',
      name: 'ERP 订单导出',
      mapping: { order_no: '单据编号', amount: '价税合计' },
    };
    const made = await call('sales', 'POST', '/api/v1/import-templates', body);
    expect(made.statusCode, made.body).toBe(201);
    const template = made.json();
    expect(template).toMatchObject({ ...body, version: 1 });
    const again = await call(
      'sales',
      'POST',
      '/api/v1/import-templates',
      { ...body, name: 'erp 订单导出' },
      'zh-CN',
    );
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toEqual([{ field: 'name', message: '此类记录您已有同名的导入模板。' }]);
    const unknown = await call('sales', 'POST', '/api/v1/import-templates', {
      ...body,
      name: 'x',
      mapping: { order_number: 'x' },
    });
    expect(unknown.json().errors).toMatchObject([{ field: 'mapping.order_number' }]);
    expect((await call('salesNorth', 'GET', '/api/v1/import-templates?entity=orders')).json().items).toEqual(
      [],
    );
    expect((await call('sales', 'GET', '/api/v1/import-templates?entity=orders')).json().items).toMatchObject(
      [{ id: template.id }],
    );
    const stale = await call('sales', 'DELETE', `/api/v1/import-templates/${template.id}?version=2`);
    expect(stale.statusCode).toBe(409);
    expect(
      (await call('sales', 'DELETE', `/api/v1/import-templates/${template.id}?version=1`)).statusCode,
    ).toBe(204);
    const audit = await t.db.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'import_template'), eq(auditLog.entityId, template.id)))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});

describe('import uploads on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-uploads-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const actor: Actor = {
    workspaceId: 1,
    userId: 1,
    role: 'admin',
    branchId: null,
    email: 'a@x.cn',
    name: 'A',
  };

  it('stops an upload over the limit and leaves no part of it behind', async () => {
    const uploads = createImportUploads(dir, 1000);
    const big = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(uploads.receive(actor, 'big.csv', big)).rejects.toMatchObject({ code: 'file_too_large' });
    expect(readdirSync(dir)).toEqual([]);
    const ok = await uploads.receive(actor, 'ok.csv', Readable.from([Buffer.alloc(600)]));
    expect(ok.run.size).toBe(600);
    expect(existsSync(ok.path)).toBe(true);
    await uploads.close();
    expect(existsSync(ok.path)).toBe(false);
  });
});
