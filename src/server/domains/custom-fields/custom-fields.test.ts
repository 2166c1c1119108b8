import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

describe.each(drivers)('custom fields on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('lets an admin define typed fields that customer writes are validated against', async () => {
    const def = await t.as(t.fx.users.admin, {
      method: 'POST',
      url: '/api/v1/custom-fields',
      payload: {
        key: 'grade',
        labelZh: '等级',
        labelEn: 'Grade',
        type: 'select',
        options: ['gold', 'silver'],
      },
    });
    expect(def.statusCode).toBe(201);
    const dup = await t.as(t.fx.users.admin, {
      method: 'POST',
      url: '/api/v1/custom-fields',
      payload: { key: 'grade', labelZh: '等级', labelEn: 'Grade', type: 'text' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      code: 'duplicate_custom_field',
      errors: [{ field: 'key', message: 'Another custom field has this key.' }],
    });
    const noOptions = await t.as(t.fx.users.admin, {
      method: 'POST',
      url: '/api/v1/custom-fields',
      payload: { key: 'tier', labelZh: '层级', labelEn: 'Tier', type: 'select', options: [] },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(noOptions.statusCode).toBe(422);
    expect(noOptions.json()).toMatchObject({
      code: 'select_needs_options',
      errors: [{ field: 'options', message: '下拉字段至少需要一个选项。' }],
    });
    const notAdmin = await t.as(t.fx.users.manager, {
      method: 'POST',
      url: '/api/v1/custom-fields',
      payload: { key: 'x', labelZh: 'x', labelEn: 'x', type: 'text' },
    });
    expect(notAdmin.statusCode).toBe(403);

    const good = await t.as(t.fx.users.sales, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: { name: 'Gold Co', customFields: { grade: 'gold' } },
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().customFields).toEqual({ grade: 'gold' });
    const bad = await t.as(t.fx.users.sales, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: { name: 'Tin Co', customFields: { grade: 'tin', other: 1 } },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { field: 'customFields.grade', message: '不是允许的选项之一。' },
      { field: 'customFields.other', message: '没有这个自定义字段。' },
    ]);
    // other workspaces neither see nor use the definition
    const other = await t.as(t.fx.users.otherAdmin, { method: 'GET', url: '/api/v1/custom-fields' });
    expect(other.json().items).toEqual([]);
  });

  it('changes a definition with optimistic locking', async () => {
    const list = (await t.as(t.fx.users.analyst, { method: 'GET', url: '/api/v1/custom-fields' })).json();
    const def = list.items[0];
    const ok = await t.as(t.fx.users.admin, {
      method: 'PATCH',
      url: `/api/v1/custom-fields/${def.id}`,
      payload: { version: def.version, options: ['gold', 'silver', 'bronze'] },
    });
    expect(ok.json().version).toBe(def.version + 1);
    const stale = await t.as(t.fx.users.admin, {
      method: 'PATCH',
      url: `/api/v1/custom-fields/${def.id}`,
      payload: { version: def.version, required: true },
    });
    expect(stale.statusCode).toBe(409);
  });
});
