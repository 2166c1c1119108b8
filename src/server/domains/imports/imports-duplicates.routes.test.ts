import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

describe.each(drivers)('web import 查重 over HTTP on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object, lang = 'en') =>
    t.as(t.fx.users.admin, {
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { 'accept-language': lang },
    });
  const importFile = async (text: string, body: object, lang = 'en') => {
    const up = await t.as(t.fx.users.admin, {
      method: 'POST',
      url: `/api/v1/imports?fileName=customers.csv`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(`\uFEFF客户编码,客户名称,税号\r\n${text}\r\n`),
    });
    expect(up.statusCode, up.body).toBe(201);
    const { id } = up.json() as { id: string };
    const mapping = { customer_code: '客户编码', name: '客户名称', tax_id: '税号' };
    const res = await call('POST', `/api/v1/imports/${id}/run`, { entity: 'customers', mapping, ...body });
    expect(res.statusCode, res.body).toBe(202);
    for (;;) {
      const run = (await call('GET', `/api/v1/imports/${id}`)).json();
      if (run.status !== 'running') {
        const issues = (await call('GET', `/api/v1/imports/${id}/issues`, undefined, lang)).json();
        return { run, issues: issues.items as { line: number; severity: string; message: string }[] };
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const customers = async () =>
    (
      (await t.db.db.execute(`select code, name from customers order by code`)) as unknown as {
        rows: { code: string; name: string }[];
      }
    ).rows;

  it('reports a look-alike as a warning, and merges it when asked', async () => {
    await importFile('W-1,杭州某某机械有限公司,91350100M000100Y43', { mode: 'all-or-nothing' });
    const plain = await importFile('W-2,杭州某某机械股份有限公司,', { mode: 'dry-run' }, 'zh-CN');
    expect(plain.run).toMatchObject({
      status: 'done',
      counts: { rows: 1, inserted: 1, invalid: 0, duplicates: 1, merged: 0 },
    });
    expect(plain.issues).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'warning',
        message: '提示：疑似与已有客户 W-1 杭州某某机械有限公司 重复（相似度 1），已作为新客户导入。',
      }),
    ]);
    const merged = await importFile('W-3,杭州新名称有限公司,91350100m000100y43', {
      mode: 'all-or-nothing',
      mergeDuplicates: true,
    });
    expect(merged.run).toMatchObject({
      written: true,
      counts: { inserted: 0, updated: 1, merged: 1, duplicates: 0 },
    });
    expect(merged.issues[0]?.message).toMatch(/^Warning: Merged into existing customer W-1/);
    expect(await customers()).toEqual([{ code: 'W-1', name: '杭州新名称有限公司' }]);
    const bad = await call('POST', `/api/v1/imports/00000000-0000-0000-0000-000000000000/run`, {
      entity: 'customers',
      mode: 'dry-run',
      mapping: {},
      mergeDuplicates: 'yes',
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('mergeDuplicates');
  });
});
