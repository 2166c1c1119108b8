import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing';
import { AS_OF, makeBase } from '../../server/domains/value/value.test-support';
import { createTestApp, type TestApp } from '../../server/testing';
import { dayArg, runClassifyCommand } from './classify';

const drivers = await testDrivers();

describe.each(drivers)('kehu classify on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await makeBase(t);
  });
  afterAll(() => t.close());

  it('classifies, keeps the run and prints the summary table', async () => {
    const ctx = { handle: t.db, workspaceId: t.fx.workspaceId };
    const { result, text } = await runClassifyCommand(ctx, { asOf: AS_OF, lang: 'en' });
    expect(result.summary.customers).toBe(4);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^Run ${result.runId}: 4 customers classified as of ${AS_OF} \\(ABC by profit\\)`),
    );
    expect(lines).toContain('Value tier  customers  share  value share');
    expect(lines.find((l) => l.startsWith('MVC'))).toMatch(/^MVC\s+1\s+25\.0%/);
    expect(lines.find((l) => l.startsWith('BZ'))).toMatch(/^BZ\s+1\s+25\.0%/);
    expect(text).toContain('No RFM (no order in the window)');
    // Four customers are too few for the lifetime-value models: said, not invented.
    expect(text).toContain(
      'Lifetime-value models (weeks, horizon 52): fitted on 3 of 3 customers with an order.',
    );
    expect(text).toContain('BG/NBD withheld: only 3 customers with an order (at least 50 needed)');
    expect(text).not.toContain('  BG/NBD       r');
    const zh = await runClassifyCommand(ctx, { asOf: AS_OF, lang: 'zh-CN' });
    expect(zh.text.split('\n')[0]).toBe(
      `第 ${zh.result.runId} 次分类：截至 ${AS_OF} 共 4 个客户（ABC 按毛利），用时 ${zh.text.match(/用时 ([\d.]+) 秒/)![1]} 秒。`,
    );
    const checked = await runClassifyCommand(ctx, { asOf: AS_OF, lang: 'en', checkModel: true });
    expect(checked.text).toMatch(/Model check: fitted on the history up to \d{4}-\d{2}-\d{2}, compared with/);
    expect(checked.text).toContain('Churn risk AUC —');
  });
});

describe('kehu classify --as-of', () => {
  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '20240301', 'today'])('refuses %s', (day) => {
    expect(() => dayArg(day)).toThrow('use a day as YYYY-MM-DD');
  });
  it.each(['2024-02-29', '2026-11-30'])('takes %s', (day) => {
    expect(dayArg(day)).toBe(day);
  });
});
