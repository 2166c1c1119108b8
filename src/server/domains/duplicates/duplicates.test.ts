import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';
import { apiOf, codesOf, TAX_ID } from './duplicates.test-support';
import { findDuplicatesForStaging } from './index';

const drivers = await testDrivers();

describe.each(drivers)('the duplicates list on %s', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof apiOf>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    api = apiOf(t);
    const { sales, salesNorth, sales2 } = t.fx.users;
    // Same company twice in EAST: the same tax ID and the same name but for the legal form.
    ids.A1 = await api.customer(sales, { name: '厦门鹭岛精密机械有限公司', code: 'A1', taxId: TAX_ID });
    ids.A2 = await api.customer(sales2, {
      name: '厦门 鹭岛精密机械 股份有限公司',
      code: 'A2',
      taxId: TAX_ID,
    });
    // Across branches: a shared phone and an alike name.
    ids.B1 = await api.customer(sales, { name: '泉州刺桐纺织有限公司', code: 'B1' });
    ids.B2 = await api.customer(salesNorth, { name: '泉州刺桐纺织品贸易有限公司', code: 'B2' });
    await api.contact(sales, { customerId: ids.B1, name: '林海', phones: ['139-5000-1234'] });
    await api.contact(salesNorth, { customerId: ids.B2, name: '林海', phones: ['13950001234'] });
    // Only an e-mail in common.
    ids.E1 = await api.customer(sales, { name: '福建海峡物流', code: 'E1' });
    ids.E2 = await api.customer(sales, { name: '漳州港务集团', code: 'E2' });
    await api.contact(sales, { customerId: ids.E1, name: '王芳', email: 'Wang.Fang@hx.cn' });
    await api.contact(sales, { customerId: ids.E2, name: '王芳', email: 'wang.fang@hx.cn' });
    ids.C = await api.customer(sales, { name: '完全不同的名字', code: 'C' });
    // A deleted look-alike takes no part.
    const gone = await api.customer(sales, { name: '厦门鹭岛精密机械（旧）', code: 'GONE', taxId: TAX_ID });
    await api.call(sales, 'DELETE', `/api/v1/customers/${gone}`);
  });
  afterAll(() => t.close());

  it('ranks the pairs by score with their reasons', async () => {
    const { items, nextCursor } = await api.pairs(t.fx.users.admin);
    expect(nextCursor).toBeNull();
    expect(codesOf(items)).toEqual(['A1~A2', 'B1~B2', 'E1~E2']);
    const [a, b, e] = items;
    expect(a).toMatchObject({
      score: 1,
      reasons: [
        { kind: 'taxId', value: TAX_ID, similarity: null },
        { kind: 'name', value: null, similarity: 1 },
      ],
    });
    expect(b!.reasons.map((r) => r.kind)).toEqual(['phone', 'name']);
    expect(b!.reasons[0]!.value).toBe('13950001234');
    const sim = b!.reasons[1]!.similarity!;
    expect(sim).toBeGreaterThan(0.3);
    expect(b!.score).toBeCloseTo(1 - 0.3 * (1 - sim), 2);
    expect(e).toMatchObject({ score: 0.7, reasons: [{ kind: 'email', value: 'wang.fang@hx.cn' }] });
    for (const p of items) expect(p.a.id).toBeLessThan(p.b.id);
  });

  it('filters by minimum score and pages by keyset', async () => {
    const { admin } = t.fx.users;
    expect(codesOf((await api.pairs(admin, 'minScore=0.9')).items)).toEqual(['A1~A2']);
    const first = await api.pairs(admin, 'limit=2');
    expect(codesOf(first.items)).toEqual(['A1~A2', 'B1~B2']);
    const second = await api.pairs(admin, `limit=2&cursor=${first.nextCursor}`);
    expect(codesOf(second.items)).toEqual(['E1~E2']);
    expect(second.nextCursor).toBeNull();
    const bad = await t.as(admin, { method: 'GET', url: '/api/v1/duplicates?cursor=xyz' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });

  it('shows only pairs whose both customers the caller may see', async () => {
    const u = t.fx.users;
    expect(codesOf((await api.pairs(u.sales)).items)).toEqual(['E1~E2']); // A2 is sales2's, B2 NORTH's
    expect(codesOf((await api.pairs(u.sales2)).items)).toEqual([]);
    expect(codesOf((await api.pairs(u.manager)).items)).toEqual(['A1~A2', 'E1~E2']);
    expect(codesOf((await api.pairs(u.managerNorth)).items)).toEqual([]);
    expect(codesOf((await api.pairs(u.analyst)).items)).toEqual(['A1~A2', 'B1~B2', 'E1~E2']);
    expect(codesOf((await api.pairs(u.otherAdmin)).items)).toEqual([]);
  });

  it('dismisses a pair for everyone, audited, if the caller may change both customers', async () => {
    const u = t.fx.users;
    const dismiss = (user: typeof u.admin, customerA: number, customerB: number) =>
      t.as(user, { method: 'POST', url: '/api/v1/duplicates/dismiss', payload: { customerA, customerB } });
    expect((await dismiss(u.salesNorth, ids.E2!, ids.E1!)).statusCode).toBe(404);
    expect((await dismiss(u.analyst, ids.E2!, ids.E1!)).statusCode).toBe(403);
    expect((await dismiss(u.sales, ids.E1!, ids.E1!)).statusCode).toBe(422);
    expect((await dismiss(u.sales, ids.E2!, ids.E1!)).statusCode).toBe(204);
    expect((await dismiss(u.sales, ids.E1!, ids.E2!)).statusCode).toBe(204); // again: nothing more
    expect(codesOf((await api.pairs(u.admin)).items)).toEqual(['A1~A2', 'B1~B2']);
    const audit = await t.db.db.select().from(auditLog).where(sql`${auditLog.entity} = 'duplicate_pair'`);
    expect(audit).toMatchObject([
      {
        entityId: ids.E1,
        action: 'create',
        actorId: u.sales.userId,
        after: { customerA: ids.E1, customerB: ids.E2 },
      },
    ]);
  });

  it('keeps the pairs up to date as customers and contacts change, as a full scan finds them', async () => {
    const { admin, sales } = t.fx.users;
    const pairsNow = async () =>
      (await api.pairs(admin, 'minScore=0&limit=100')).items.map(
        (p) => `${p.a.code}~${p.b.code} ${p.score} ${p.reasons.map((r) => r.kind).join('+')}`,
      );
    await pairsNow(); // scanned
    const c2 = await api.customer(sales, { name: '完全不同的名字 有限公司', code: 'C2' });
    await api.contact(sales, { customerId: ids.C!, name: '赵', email: 'zhao@c.cn' });
    await api.contact(sales, { customerId: c2, name: '赵', email: 'ZHAO@c.cn' });
    const b2 = await api.call(admin, 'GET', `/api/v1/customers/${ids.B2}`);
    await api.call(admin, 'PATCH', `/api/v1/customers/${ids.B2}`, { version: b2.version, name: '北方重工' });
    const incremental = await pairsNow();
    expect(incremental).toContain('C~C2 1 email+name');
    expect(incremental.find((p) => p.startsWith('B1~B2'))).toBe('B1~B2 0.7 phone'); // the name went
    // The same as a scan from scratch.
    await t.db.db.execute(sql`delete from duplicate_pairs`);
    await t.db.db.execute(sql`delete from duplicate_scans`);
    expect(await pairsNow()).toEqual(incremental);
    // A deleted customer's pairs are not listed.
    await api.call(sales, 'DELETE', `/api/v1/customers/${c2}`);
    expect((await pairsNow()).filter((p) => p.includes('C2'))).toEqual([]);
  });

  it('finds the existing look-alikes of a staging table set-wise, for imports', async () => {
    const found = await t.db.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table stage_x (row_no bigint, name text, tax_id text, phone text, email text)
        on commit drop`);
      await tx.execute(sql`insert into stage_x values
        (1, '厦门鹭岛精密机械 Co., Ltd.', null, null, null),
        (2, '全新客户', ${TAX_ID.toLowerCase()}, null, null),
        (3, '另一家', null, '139 5000 1234', null),
        (4, '还有一家', null, null, 'WANG.FANG@hx.cn'),
        (5, '毫无关系', null, null, null),
        (6, null, null, null, null)`);
      const probed = await findDuplicatesForStaging(tx, t.fx.workspaceId, 'stage_x');
      // The set-wise join of a big batch finds the same.
      expect(await findDuplicatesForStaging(tx, t.fx.workspaceId, 'stage_x', { probeRows: 0 })).toEqual(
        probed,
      );
      return probed;
    });
    const by = (row: number) => found.filter((f) => f.rowNo === row).map((f) => [f.name, f.reasons, f.score]);
    expect(by(1)).toEqual([
      ['厦门鹭岛精密机械有限公司', ['name'], 1],
      ['厦门 鹭岛精密机械 股份有限公司', ['name'], 1],
    ]);
    expect(by(2)).toEqual([
      ['厦门鹭岛精密机械有限公司', ['taxId'], 0.95],
      ['厦门 鹭岛精密机械 股份有限公司', ['taxId'], 0.95],
    ]);
    expect(by(3)).toEqual([
      ['泉州刺桐纺织有限公司', ['phone'], 0.7],
      ['北方重工', ['phone'], 0.7], // B2, renamed above
    ]);
    expect(by(4).map((f) => f[0])).toEqual(['福建海峡物流', '漳州港务集团']);
    expect(by(5)).toEqual([]);
    expect(by(6)).toEqual([]);
    await expect(
      findDuplicatesForStaging(t.db.db, t.fx.workspaceId, 'x; drop table customers'),
    ).rejects.toThrow(/Not a table name/);
  });
});
