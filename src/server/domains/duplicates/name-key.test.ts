import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/rows';
import { createTestDb, type TestDb, testDrivers } from '../../../db/testing';
import { nameKey } from '../../../shared/duplicates/name-key';

const drivers = await testDrivers();

/** Name → key: what nameKey() and the SQL function kehu_name_key() must both give. */
const CASES: [string, string][] = [
  ['厦门鹭岛精密机械有限公司', '厦门鹭岛精密机械'],
  ['厦门鹭岛精密机械股份有限公司', '厦门鹭岛精密机械'],
  ['厦门 鹭岛精密机械 有限责任公司', '厦门鹭岛精密机械'],
  ['海尔集团股份有限公司', '海尔'],
  ['中国石油天然气集团公司', '中国石油天然气'],
  ['华为技术（深圳）有限公司', '华为技术深圳'],
  ['华为技术(深圳)有限公司', '华为技术深圳'],
  ['ＡＣＭＥ　Ｔｒａｄｉｎｇ　Ｃｏ．，Ｌｔｄ．', 'acmetrading'],
  ['Acme Trading Co., Ltd.', 'acmetrading'],
  ['ACME TRADING CO LTD', 'acmetrading'],
  ['Acme Trading, Inc.', 'acmetrading'],
  ['Acme-Trading LLC', 'acmetrading'],
  ['Siemens AG', 'siemens'],
  ['Bosch GmbH', 'bosch'],
  ['Costco', 'costco'], // "co" only as a word
  ['Zinc Corp.', 'zinc'],
  ['公司', '公司'], // nothing distinctive left: the whole name
  ['有限公司', '有限公司'],
  ['Co., Ltd.', 'co'], // one form stripped leaves 2 characters
  ['北京银行', '北京银行'], // regions stay: 北京银行 is not 上海银行
  ['上海银行股份有限公司', '上海银行'],
  ['福州闽江化工有限公司 福清分公司', '福州闽江化工有限公司福清分'], // a branch keeps its own words
  ['Müller GmbH', 'müller'],
  ['ÉCOLE SA', 'École'], // only ASCII letters are lowered: no locale decides
  ['𠀀𠀁科技有限公司', '𠀀𠀁科技'],
  ['  ①号 工厂 ', '1号工厂'],
  ['株式会社 トヨタ', '株式会社トヨタ'],
  ['', ''],
];

describe.each(drivers)('the name key of 查重 on %s', (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  it('is the same in JavaScript and in SQL, and strips legal forms, widths, case and punctuation', async () => {
    const names = CASES.map(([name]) => name);
    const rows = await queryRows<{ name: string; key: string }>(
      db.db,
      sql`select n as name, kehu_name_key(n) as key from unnest(${`{${names.map((n) => JSON.stringify(n)).join(',')}}`}::text[]) as n`,
    );
    for (const [name, expected] of CASES) {
      const inSql = rows.find((r) => r.name === name)?.key;
      expect(nameKey(name), name).toBe(inSql);
      if (expected) expect(inSql, name).toBe(expected);
    }
  });

  it('is kept in customers.name_key by the database for every writer', async () => {
    await db.db.execute(
      sql`insert into workspaces (id, slug, name) values (9001, 'k9001', 'k') on conflict do nothing`,
    );
    const [row] = await queryRows<{ key: string }>(
      db.db,
      sql`insert into customers (workspace_id, code, name, type, status)
          values (9001, 'K1', 'Ａｃｍｅ Co., Ltd.', 'enterprise', 'active') returning name_key as key`,
    );
    expect(row!.key).toBe('acme');
    const [renamed] = await queryRows<{ key: string }>(
      db.db,
      sql`update customers set name = '鹭岛精密 有限公司' where workspace_id = 9001 and code = 'K1' returning name_key as key`,
    );
    expect(renamed!.key).toBe(nameKey('鹭岛精密 有限公司'));
  });
});
