import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CDNOW_DIR } from '../../shared/analytics/cdnow.test-support';
import { CliError } from '../context';
import { orderDay, runAnalyze } from './analyze';
import { CUSTOMER_COLUMNS } from './analyze-output';

const dir = mkdtempSync(join(tmpdir(), 'kehu-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csvRows = (path: string) =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));

describe('kehu analyze on CDNOW (references §1f)', () => {
  // CDNOW_master.txt: a header, then whitespace-separated id, date YYYYMMDD, CDs, dollars.
  const file = join(dir, 'cdnow.csv');
  const lines = readFileSync(join(CDNOW_DIR, 'CDNOW_master.txt'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [id, date, cds, dollars] = l.trim().split(/\s+/);
      return `${id},${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6)},${dollars},${cds}`;
    });
  writeFileSync(file, `customer_code,ordered_at,amount,cds\n${lines.join('\n')}\n`);

  it('writes customers.csv and summary.json: 7,695 customers reach 80% of revenue, 15,739 reach 95%', async () => {
    const logged: string[] = [];
    const out = join(dir, 'cdnow-out');
    const r = await runAnalyze({
      locale: 'en',
      file,
      asOf: '1998-06-30',
      out,
      windowMonths: null,
      log: (l) => logged.push(l),
    });
    expect(logged).toEqual([
      'Warning: ignoring unknown column cds.',
      'Warning: Gamma-Gamma: 1 repeat customer with a zero or negative average spend left out of the fit.',
    ]);
    expect(r.unknownColumns).toEqual(['cds']);
    const rows = csvRows(r.customersPath);
    expect(rows[0]).toEqual([...CUSTOMER_COLUMNS]);
    expect(rows).toHaveLength(1 + 23_570);
    const abc = rows.slice(1).map((row) => row[7]);
    expect(abc.filter((c) => c === 'A')).toHaveLength(7_695);
    expect(abc.filter((c) => c === 'B')).toHaveLength(15_739 - 7_695);
    const summary = JSON.parse(readFileSync(r.summaryPath, 'utf8'));
    expect(summary).toMatchObject({
      asOf: '1998-06-30',
      basis: 'revenue',
      customers: 23_570,
      orders: 69_659,
      totalPositiveValue: '2500315.63',
      abc: { A: { count: 7_695 }, B: { count: 8_044 }, C: { count: 7_831 } },
    });
    expect(summary.abc.A.share).toBeGreaterThanOrEqual(0.8);
    const segmentCounts = Object.values(summary.rfmSegments as Record<string, { count: number }>).reduce(
      (s, x) => s + x.count,
      0,
    );
    expect(segmentCounts).toBe(23_570);
    // customer 00003: 6 orders on 6 days, 1997-01-02 … 1998-05-28, $156.46; the models as of as-of:
    // x = 5, t_x = 511 days = 73 weeks, T = 544 days
    expect(rows[3]!.slice(12, 15)).toEqual(['5', '73', '77.7143']);
    expect(rows[3]!.slice(15).every((cell) => cell !== '')).toBe(true);
    expect(rows[3]!.slice(0, 12)).toEqual([
      '00003',
      '6',
      '6',
      '1997-01-02',
      '1998-05-28',
      '156.46',
      '',
      'A',
      '5',
      '5',
      '5',
      'Champions',
    ]);
  });
});

describe('kehu analyze: bad input', () => {
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const good = write(
    'good.csv',
    [
      'customer_code,ordered_at,amount,cost,region',
      'K1,2026-11-01,1000.00,600.00,east',
      'K1,2026-10-01,500,200,east',
      'K2,2026-06-15,-50.00,-30.00,west', // a return: negative value, class C, flagged
      'K3,2026-12-24,99.00,10.00,east', // after as-of: ignored, K3 listed with no orders
      'K4,2020-01-01 10:30,80.5,,north', // missing cost: profit = amount; outside a 12-month window
      '"K,5",2026/11/30,10.00,1.00,south',
    ].join('\n'),
  );

  it('profit by default with cost; future orders ignored with a warning; customers with no orders listed', async () => {
    const logged: string[] = [];
    const out = join(dir, 'good-out');
    const r = await runAnalyze({
      locale: 'en',
      file: good,
      asOf: '2026-11-30',
      out,
      windowMonths: 12,
      log: (l) => logged.push(l),
    });
    expect(logged.slice(0, 2)).toEqual([
      'Warning: ignoring unknown column region.',
      'Warning: ignored 1 order(s) dated after 2026-11-30.',
    ]);
    // Then the lifetime-value models' warnings (withheld on 4 customers: analyze-clv.test.ts).
    expect(logged.slice(2).every((l) => l.includes('withheld'))).toBe(true);
    expect(readFileSync(r.customersPath, 'utf8').trimEnd().split('\n')).toEqual([
      CUSTOMER_COLUMNS.join(','),
      // code order: ',' sorts before '1'. RFM over the 3 customers with orders in the 12 months (n = 3):
      // R on 0 / 29 / 168 days → 4 / 2 / 1; F 1, 2, 1 → 1 / 4 / 1; M 10, 1500, −50 → 2 / 4 / 1.
      // Then x, t_x, T in weeks as of as-of (the calibration end), the models' figures withheld.
      '"K,5",1,1,2026-11-30,2026-11-30,10.00,9.00,C,4,1,2,Potential Loyalist,0,0,0,,,,,',
      'K1,2,2,2026-10-01,2026-11-01,1500.00,700.00,A,2,4,4,At Risk,1,4.4286,8.5714,,,,,',
      'K2,1,1,2026-06-15,2026-06-15,-50.00,-20.00,C,1,1,1,Lost,0,0,24,,,,,',
      'K3,0,0,,,0.00,0.00,C,,,,,,,,,,,,',
      'K4,1,1,2020-01-01,2020-01-01,80.50,80.50,B,,,,,0,0,360.7143,,,,,',
    ]);
    expect(r.summary).toMatchObject({
      basis: 'profit',
      windowMonths: 12,
      customers: 5,
      orders: 5,
      futureOrdersIgnored: 1,
      totalPositiveValue: '789.50',
    });
    expect(r.summary.rfmSegments['No RFM']).toMatchObject({ key: 'no_rfm', count: 2 });
    expect(r.summary.warnings).toEqual([
      { code: 'future_orders_ignored', count: 1 },
      { code: 'no_orders', count: 1 },
      { code: 'negative_value', count: 1 },
      { code: 'no_rfm', count: 2 },
    ]);
  });

  it('--basis revenue on the same file', async () => {
    const r = await runAnalyze({
      locale: 'en',
      file: good,
      asOf: '2026-11-30',
      out: join(dir, 'rev'),
      basis: 'revenue',
      windowMonths: null,
      log: () => {},
    });
    expect(r.summary.basis).toBe('revenue');
    expect(r.summary.totalPositiveValue).toBe('1590.50');
  });

  it('bad rows are reported with their line numbers and nothing is written, unless skipped', async () => {
    const bad = write(
      'bad.csv',
      [
        'customer_code,ordered_at,amount',
        'K1,2026-11-01,10',
        ',2026-11-01,10',
        'K2,2026-02-30,10',
        'K3,2026-11-01,1.234',
        'K4,2026-11-01,12abc',
      ].join('\n'),
    );
    const out = join(dir, 'bad-out');
    const run = () =>
      runAnalyze({ locale: 'en', file: bad, asOf: '2026-11-30', out, windowMonths: null, log: () => {} });
    await expect(run()).rejects.toThrow(CliError);
    await expect(run()).rejects.toThrow(
      [
        '4 bad row(s); nothing written (--skip-bad-rows analyzes the rest):',
        '  line 3: customer_code is empty',
        '  line 4: ordered_at "2026-02-30" is not a date (YYYY-MM-DD)',
        '  line 5: amount "1.234" is not an amount with at most 2 decimals',
        '  line 6: amount "12abc" is not an amount with at most 2 decimals',
      ].join('\n'),
    );
    expect(() => readFileSync(join(out, 'customers.csv'))).toThrow();
    const r = await runAnalyze({
      locale: 'en',
      file: bad,
      asOf: '2026-11-30',
      out,
      windowMonths: null,
      skipBadRows: true,
      log: () => {},
    });
    expect(r.badRows).toHaveLength(4);
    expect(r.summary.customers).toBe(1);
  });

  it('speaks Chinese when the locale is zh-CN', async () => {
    const file = write('zh.csv', 'customer_code,ordered_at,amount\nK1,2026-11-01,abc\n');
    await expect(
      runAnalyze({
        file,
        asOf: '2026-11-30',
        out: join(dir, 'zh-out'),
        windowMonths: null,
        locale: 'zh-CN',
        log: () => {},
      }),
    ).rejects.toThrow(
      '1 行有误，未写出任何文件（--skip-bad-rows 可跳过错误行继续分析）：\n  第 2 行：amount“abc”不是最多两位小数的金额',
    );
  });

  it.each([
    ['missing.csv', 'customer_code,amount\nK1,10\n', {}, 'missing column ordered_at'],
    [
      'nocost.csv',
      'customer_code,ordered_at,amount\nK1,2026-01-01,10\n',
      { basis: 'profit' },
      '--basis profit needs a cost column',
    ],
    ['asof.csv', 'customer_code,ordered_at,amount\n', { asOf: '2026-13-01' }, '--as-of'],
  ] as const)('%s is refused', async (name, text, extra, message) => {
    const file = write(name, text);
    await expect(
      runAnalyze({
        locale: 'en',
        file,
        asOf: '2026-11-30',
        out: join(dir, `${name}-out`),
        windowMonths: null,
        log: () => {},
        ...extra,
      }),
    ).rejects.toThrow(message);
  });

  it('an empty base (header only) writes a header and zero counts', async () => {
    const file = write('empty.csv', 'customer_code,ordered_at,amount\n');
    const r = await runAnalyze({
      locale: 'en',
      file,
      asOf: '2026-11-30',
      out: join(dir, 'empty-out'),
      windowMonths: null,
      log: () => {},
    });
    expect(readFileSync(r.customersPath, 'utf8')).toBe(`${CUSTOMER_COLUMNS.join(',')}\n`);
    expect(r.summary.abc.A).toEqual({ count: 0, value: '0.00', share: 0 });
  });

  it.each([
    ['2026-11-30', '2026-11-30'],
    ['2026/1/5', '2026-01-05'],
    ['2026-11-30T23:59:00+08:00', '2026-11-30'],
    ['19970101', '1997-01-01'],
    ['2026-02-29', null],
    ['30/11/2026', null],
    [null, null],
  ])('orderDay(%j) = %j', (cell, day) => {
    expect(orderDay(cell)).toBe(day);
  });

  it('runs as `kehu analyze` from the command line', async () => {
    const out = join(dir, 'cli-out');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['bin/kehu.js', 'analyze', good, '--as-of', '2026-11-30', '--out', out, '--window-months', '12'],
      { cwd: join(import.meta.dirname, '../../..'), env: { ...process.env, LC_ALL: '', LANG: 'C.UTF-8' } },
    );
    expect(stdout).toContain(
      '5 customers, 5 orders up to 2026-11-30 (value: profit; RFM window: 12 months).',
    );
    expect(stdout).toContain('ABC  A 1 (');
    expect(stderr).toContain('Warning: ignored 1 order(s) dated after 2026-11-30.');
    expect(csvRows(join(out, 'customers.csv'))).toHaveLength(6);
  });
});
