import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { DEFAULT_VALUE_SETTINGS } from '../../../shared/analytics/value-settings';
import { createTestApp, type TestApp, type TestUser } from '../../testing';

const drivers = await testDrivers();

describe.each(drivers)('value settings, matrices and policies on %s', (kind) => {
  let t: TestApp;
  const call = (
    user: TestUser,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    lang = 'en',
  ) => t.as(user, { method, url, headers: { 'accept-language': lang }, ...(payload ? { payload } : {}) });
  const audits = (entity: string, entityId: number) =>
    t.db.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
      .orderBy(auditLog.id);

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('serves the defaults, then saves settings with optimistic versions (admins and managers)', async () => {
    const { admin, manager, sales } = t.fx.users;
    const first = (await call(sales, 'GET', '/api/v1/value/settings')).json();
    expect(first).toMatchObject({
      version: 1,
      updatedAt: null,
      settings: { abc: { aCut: 0.8, bCut: 0.95 } },
    });
    const changed = { ...DEFAULT_VALUE_SETTINGS, abc: { basis: 'revenue', aCut: 0.7, bCut: 0.9 } };
    expect(
      (await call(sales, 'PUT', '/api/v1/value/settings', { settings: changed, version: 1 })).statusCode,
    ).toBe(403);
    const saved = await call(manager, 'PUT', '/api/v1/value/settings', { settings: changed, version: 1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 2,
      updatedBy: manager.userId,
      settings: { abc: { aCut: 0.7 } },
    });
    const stale = await call(admin, 'PUT', '/api/v1/value/settings', { settings: changed, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect(await audits('value_settings', t.fx.workspaceId)).toEqual([
      { action: 'update', actorId: manager.userId },
    ]);
  });

  it.each([
    ['en', 'ABC cut-offs must increase: the A cut-off must be below the B cut-off.'],
    ['zh-CN', 'ABC 分界点必须递增：A 类分界点须小于 B 类分界点。'],
  ])('refuses cut-offs that do not increase, naming the field (%s)', async (lang, message) => {
    const bad = { ...DEFAULT_VALUE_SETTINGS, abc: { basis: 'profit', aCut: 0.95, bCut: 0.8 } };
    const res = await call(
      t.fx.users.admin,
      'PUT',
      '/api/v1/value/settings',
      { settings: bad, version: 2 },
      lang,
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ field: 'settings.abc.bCut', message }]);
    expect((await call(t.fx.users.admin, 'GET', '/api/v1/value/settings')).json().version).toBe(2);
  });

  it('seeds the built-in matrices once; they can be changed and switched off, never deleted', async () => {
    const { admin, sales } = t.fx.users;
    const [a, b] = await Promise.all([
      call(sales, 'GET', '/api/v1/value/matrices'),
      call(admin, 'GET', '/api/v1/value/matrices'),
    ]);
    expect(a.json().items.map((m: { key: string }) => m.key)).toEqual(['size_credit', 'product_market']);
    expect(b.json().items).toHaveLength(2);
    const builtin = a.json().items[0];
    expect(builtin).toMatchObject({ builtin: true, active: true, version: 1 });
    const off = await call(admin, 'PATCH', `/api/v1/value/matrices/${builtin.id}`, {
      active: false,
      version: 1,
    });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    const del = await call(admin, 'DELETE', `/api/v1/value/matrices/${builtin.id}?version=2`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('builtin_matrix');
    const rekey = await call(admin, 'PATCH', `/api/v1/value/matrices/${builtin.id}`, {
      definition: { ...builtin.definition, key: 'other' },
      version: 2,
    });
    expect(rekey.json().code).toBe('matrix_key_fixed');
  });

  it('adds a matrix of one’s own after checking it, and deletes it', async () => {
    const { admin, sales } = t.fx.users;
    const definition = {
      key: 'value_growth',
      nameZh: '价值 × 增长',
      nameEn: 'Value × growth',
      x: { kind: 'numeric', factor: 'actual_value', cuts: [0] },
      y: { kind: 'numeric', factor: 'revenue_trend', cuts: [0] },
      cells: [
        { x: 0, y: 0, key: 'exit', nameZh: '退出', nameEn: 'Exit' },
        { x: 0, y: 1, key: 'watch', nameZh: '观察', nameEn: 'Watch' },
        { x: 1, y: 0, key: 'keep', nameZh: '保持', nameEn: 'Keep' },
        { x: 1, y: 1, key: 'grow', nameZh: '发展', nameEn: 'Grow' },
      ],
    };
    expect((await call(sales, 'POST', '/api/v1/value/matrices', { definition })).statusCode).toBe(403);
    const broken = await call(admin, 'POST', '/api/v1/value/matrices', {
      definition: { ...definition, x: { ...definition.x, cuts: [5, 1] }, cells: definition.cells.slice(1) },
    });
    expect(broken.statusCode).toBe(422);
    const fields = broken.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('definition.x.cuts.1');
    expect(fields).toContain('definition.cells');
    const made = await call(admin, 'POST', '/api/v1/value/matrices', { definition });
    expect(made.statusCode).toBe(201);
    const twice = await call(admin, 'POST', '/api/v1/value/matrices', { definition });
    expect(twice.json().code).toBe('matrix_key_taken');
    const id = made.json().id;
    expect((await call(admin, 'DELETE', `/api/v1/value/matrices/${id}?version=1`)).statusCode).toBe(204);
    expect((await audits('value_matrix', id)).map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('keeps one policy per target and checks the target', async () => {
    const { admin, manager, analyst } = t.fx.users;
    const body = {
      targetKind: 'tier',
      targetKey: 'MVC',
      visitIntervalDays: 30,
      maxDiscount: '5.5',
      strategy: 'retain',
    };
    expect((await call(analyst, 'POST', '/api/v1/value/policies', body)).statusCode).toBe(403);
    const made = await call(manager, 'POST', '/api/v1/value/policies', body);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ maxDiscount: '5.50', dedicatedManager: false, responseHours: null });
    expect((await call(admin, 'POST', '/api/v1/value/policies', body)).json().code).toBe(
      'policy_target_taken',
    );
    for (const [targetKind, targetKey] of [
      ['tier', 'VIP'],
      ['abc', 'D'],
      ['segment', 'nobody'],
      ['cell', 'size_credit:nowhere'],
    ]) {
      const res = await call(admin, 'POST', '/api/v1/value/policies', { targetKind, targetKey });
      expect(res.statusCode, targetKey).toBe(422);
      expect(res.json().errors[0].field).toBe('targetKey');
    }
    const cell = await call(admin, 'POST', '/api/v1/value/policies', {
      targetKind: 'cell',
      targetKey:
        'size_credit:' +
        (await call(admin, 'GET', '/api/v1/value/matrices')).json().items[0].definition.cells[0].key,
      dedicatedManager: true,
    });
    expect(cell.statusCode).toBe(201);
    const badDiscount = await call(admin, 'POST', '/api/v1/value/policies', {
      targetKind: 'abc',
      targetKey: 'A',
      maxDiscount: '120',
    });
    expect(badDiscount.json().errors).toEqual([
      { field: 'maxDiscount', message: 'Not a percentage from 0 to 100.' },
    ]);
    const id = made.json().id;
    const patched = await call(admin, 'PATCH', `/api/v1/value/policies/${id}`, {
      visitIntervalDays: 14,
      version: 1,
    });
    expect(patched.json()).toMatchObject({ visitIntervalDays: 14, version: 2 });
    expect((await call(admin, 'GET', '/api/v1/value/policies')).json().items).toHaveLength(2);
    expect((await call(t.fx.users.otherAdmin, 'GET', `/api/v1/value/policies/${id}`)).statusCode).toBe(404);
    expect((await call(admin, 'DELETE', `/api/v1/value/policies/${id}?version=2`)).statusCode).toBe(204);
    expect((await audits('value_policy', id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});
