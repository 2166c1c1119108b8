/**
 * `kehu analyze`'s lifetime-value models (issue 6 item 6): CDNOW's published fits end to end through the
 * orders file (references §1a, §1c, §6), the holdout checks, and the bad inputs the issue lists.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cdnowOrders } from '../../shared/analytics/cdnow.test-support';
import { formatCentsPlain } from '../../shared/analytics/orders-to-inputs';
import type { Locale } from '../../shared/common/locale';
import { type AnalyzeOptions, runAnalyze } from './analyze';
import { CUSTOMER_COLUMNS } from './analyze-output';

const dir = mkdtempSync(join(tmpdir(), 'kehu-analyze-clv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, lines: readonly string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `customer_code,ordered_at,amount\n${lines.join('\n')}\n`);
  return path;
};

/** The 1/10 sample (sample id = customer) as an orders file. */
const SAMPLE = Array.from(
  cdnowOrders('CDNOW_sample.txt'),
  (o) => `${o.customerCode},${o.orderedAt},${formatCentsPlain(o.amountCents)}`,
);

/** customers.csv as records by code (the files here hold no quoted fields). */
function customers(path: string): Map<string, Record<string, string>> {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  expect(header).toBe(CUSTOMER_COLUMNS.join(','));
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [CUSTOMER_COLUMNS[i], v])));
  return new Map(rows.map((r) => [r.customer_code!, r]));
}

async function analyze(file: string, o: Partial<AnalyzeOptions> & { asOf: string }, locale: Locale = 'en') {
  const logged: string[] = [];
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const r = await runAnalyze({ locale, file, out, windowMonths: null, log: (l) => logged.push(l), ...o });
  const model = JSON.parse(readFileSync(r.modelPath, 'utf8'));
  return { r, logged, model, rows: customers(r.customersPath) };
}

const CLV_CELLS = ['p_alive', 'expected_purchases', 'expected_avg_spend', 'clv', 'churn_risk'] as const;

describe('kehu analyze fits BG/NBD and Gamma-Gamma on CDNOW (calibration to 1997-09-30, weeks)', () => {
  const file = write('cdnow-sample.csv', SAMPLE);
  const run = analyze(file, { asOf: '1998-06-30', calibrationEnd: '1997-09-30', period: 'week' });

  it('writes the published parameters and their standard errors to model.json', async () => {
    const { model, logged } = await run;
    expect(logged).toEqual([]);
    expect(model).toMatchObject({
      period: 'week',
      horizon: 52,
      calibration_end: '1997-09-30',
      customers: 2357,
      fitted_on: 2357,
      warnings: [],
    });
    const bg = model.bgnbd;
    for (const [key, value] of Object.entries({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }))
      expect(Math.abs(bg[key] - value)).toBeLessThan(1e-3);
    expect(bg.ll).toBeCloseTo(-9582.43, 1);
    // lifetimes' Quickstart: 0.012557, 0.378221, 0.185719, 0.705345
    expect(bg.se.r).toBeCloseTo(0.01256, 4);
    expect(bg.se.alpha).toBeCloseTo(0.378, 2);
    expect(bg.se.b).toBeCloseTo(0.705, 2);
    const gg = model.gamma_gamma;
    expect(gg.p).toBeCloseTo(6.25, 2);
    expect(gg.q).toBeCloseTo(3.74, 2);
    expect(gg.gamma).toBeCloseTo(15.44, 2);
    expect(gg.ll).toBeCloseTo(-4055.92, 1);
    expect(gg.customers).toBe(946);
    expect(Object.keys(gg.se)).toEqual(['p', 'q', 'gamma']);
  });

  it('describes each customer as of the calibration end in customers.csv', async () => {
    const { rows } = await run;
    const c1 = rows.get('0001')!;
    expect([c1.x, c1.t_x, c1.T]).toEqual(['2', '30.4286', '38.8571']);
    expect(Number(c1.p_alive)).toBeCloseTo(0.7266, 4);
    expect(Number(c1.expected_avg_spend)).toBeCloseTo(24.65, 1); // E(M | x, z̄), references §1c
    expect(c1.expected_avg_spend).toMatch(/^\d+\.\d\d$/);
    expect(Number(c1.clv)).toBeGreaterThan(0);
    expect(Number(c1.churn_risk)).toBeGreaterThanOrEqual(0);
    expect(Number(rows.get('0002')!.p_alive)).toBeCloseTo(0.2121, 2); // x = 1, t_x = 1.71
    for (const row of rows.values()) for (const cell of CLV_CELLS) expect(row[cell]).not.toBe('');
  });

  it('checks the forecasts on the holdout (to 1998-06-30) and reports the churn risk AUC', async () => {
    const { model } = await run;
    expect(model.holdout).toEqual({ end: '1998-06-30', periods: 39 });
    const zero = model.calibration_vs_holdout[0];
    expect(zero).toMatchObject({ label: '0', customers: 1411 });
    expect(zero.actual).toBeCloseTo(334 / 1411, 6);
    expect(zero.expected).toBeGreaterThan(0.225);
    expect(zero.expected).toBeLessThan(0.23);
    expect(model.calibration_vs_holdout.map((g: { label: string }) => g.label).at(-1)).toBe('7+');
    // 2,457 repeat purchases in the calibration, 1,882 in the holdout (references §1a)
    const { tracking } = model;
    expect(tracking.calibration_periods).toBe(39);
    expect(tracking.actual[38]).toBe(2457);
    expect(tracking.actual.at(-1)).toBe(2457 + 1882);
    expect(tracking.expected).toHaveLength(tracking.period_ends.length);
    expect(model.churn_auc).toBeGreaterThan(0.5);
    expect(model.churn_auc).toBeLessThanOrEqual(1);
    expect(model.churn_auc_customers).toBe(2357);
  });

  it('takes --calibration-end, --period, --horizon and --discount-rate on the command line', async () => {
    const out = join(dir, 'cli-out');
    const args = ['analyze', file, '--as-of', '1998-06-30', '--out', out, '--calibration-end', '1997-09-30'];
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/kehu.js', ...args, '--period', 'week', '--horizon', '26', '--discount-rate', '0.05'],
      { cwd: join(import.meta.dirname, '../../..'), env: { ...process.env, LC_ALL: 'zh_CN.UTF-8' } },
    );
    expect(stdout).toContain('客户终身价值（以周为期，订单截至 1997-09-30，客户 2,357 个，预测 26 期）：');
    expect(stdout).toMatch(/BG\/NBD {7}r 0\.2426, α 4\.413\d, a 0\.7929, b 2\.425\d, LL -9582\.43/);
    expect(stdout).toMatch(/验证期至 1998-06-30：流失风险 AUC 0\.\d{3}/);
    const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
    expect(model).toMatchObject({ horizon: 26, discount_rate: 0.05 });
    expect(model.discount_rate_per_period).toBeCloseTo(1.05 ** (7 / 365.25) - 1, 12);
  });
});

describe('kehu analyze: data the models cannot use', () => {
  it('everyone bought once: BG/NBD and Gamma-Gamma withheld, their cells empty, x, t_x and T given', async () => {
    const file = write(
      'once.csv',
      Array.from({ length: 60 }, (_, i) => `K${i},2026-0${1 + (i % 9)}-1${i % 10},100`),
    );
    const { logged, model, rows } = await analyze(file, { asOf: '2026-11-30' });
    expect(logged).toEqual([
      'Warning: BG/NBD withheld: every customer bought once (on one day) by the calibration end, so nothing shows how often they come back.',
      'Warning: Gamma-Gamma withheld: no repeat customers with a positive average spend (at least 30 needed): no expected spend or CLV.',
    ]);
    expect(model).toMatchObject({ bgnbd: null, gamma_gamma: null, customers: 60 });
    expect(model.warnings[0]).toEqual({
      model: 'bgnbd',
      code: 'no_repeat_purchases',
      withheld: true,
      value: 0,
      message: expect.stringContaining('every customer bought once'),
    });
    const k0 = rows.get('K0')!;
    expect([k0.x, k0.t_x, k0.T]).toEqual(['0', '0', String(Number((324 / 7).toFixed(4)))]);
    for (const cell of CLV_CELLS) expect(k0[cell]).toBe('');
    expect(model.churn_auc).toBeNull();
    expect(model.churn_auc_reason).toBe('no holdout: the calibration end is the as-of day');
    expect(model).not.toHaveProperty('calibration_vs_holdout');
  });

  it('a single customer: too few customers and repeat buyers, in English and in Chinese', async () => {
    const file = write('single.csv', ['S1,2026-01-05,10', 'S1,2026-03-05,20', 'S1,2026-03-05,5']);
    const en = await analyze(file, { asOf: '2026-11-30' });
    expect(en.logged).toEqual([
      'Warning: BG/NBD withheld: only 1 customer with an order by the calibration end (at least 50 needed).',
      'Warning: BG/NBD withheld: only 1 customer bought more than once (at least 30 needed).',
      'Warning: Gamma-Gamma withheld: only 1 repeat customer with a positive average spend (at least 30 needed): no expected spend or CLV.',
    ]);
    const s1 = en.rows.get('S1')!;
    expect([s1.x, s1.t_x, s1.T, s1.p_alive]).toEqual(['1', '8.4286', '47', '']);
    const zh = await analyze(file, { asOf: '2026-11-30' }, 'zh-CN');
    expect(zh.logged[1]).toBe('警告：BG/NBD 不予预测：只有 1 个客户购买过不止一次（至少需要 30 个）。');
    expect(zh.model.warnings[0].message).toBe(
      'BG/NBD 不予预测：截至校准期末有订单的客户只有 1 个（至少需要 50 个）',
    );
  });

  it('zero or negative repeat spend is left out of Gamma-Gamma and counted; a short holdout gives no AUC', async () => {
    const file = write('refunds.csv', [
      ...SAMPLE,
      ...['N1,1997-02-01,20.00', 'N1,1997-03-01,-15.00'], // x = 1, z̄ = −15
      ...['N2,1997-02-01,10.00', 'N2,1997-04-01,0.00'], // x = 1, z̄ = 0
      ...['N3,1997-02-01,30.00', 'N3,1997-05-01,-5.00', 'N3,1997-06-02,-5.00'], // x = 2, z̄ = −5
      'N4,1997-11-05,12.00', // first order after the calibration end
    ]);
    const { logged, model, rows } = await analyze(file, { asOf: '1997-12-31', calibrationEnd: '1997-09-30' });
    expect(logged).toEqual([
      'Warning: ignored 1,191 order(s) dated after 1997-12-31.',
      'Warning: Gamma-Gamma: 3 repeat customers with a zero or negative average spend left out of the fit.',
    ]);
    expect(model.warnings).toEqual([
      {
        model: 'gamma_gamma',
        code: 'spend_excluded',
        withheld: false,
        value: 3,
        message: 'Gamma-Gamma: 3 repeat customers with a zero or negative average spend left out of the fit',
      },
    ]);
    expect(model.gamma_gamma.customers).toBe(946);
    expect(model.customers).toBe(2357 + 3);
    // Their expected spend counts z̄ as 0: the population's mean shrunk toward 0, never below it.
    expect(Number(rows.get('N1')!.expected_avg_spend)).toBeGreaterThan(0);
    expect(Number(rows.get('N3')!.clv)).toBeGreaterThan(0);
    const n4 = rows.get('N4')!;
    for (const cell of ['x', 't_x', 'T', ...CLV_CELLS] as const) expect(n4[cell]).toBe('');
    expect(model.calibration_vs_holdout).toHaveLength(8);
    expect(model.churn_auc).toBeNull();
    expect(model.churn_auc_reason).toBe('the holdout is shorter than the churn horizon of 6 months');
  });

  it('a calibration end before the first order is refused and nothing is written', async () => {
    const file = write('late.csv', ['L1,2026-01-05,10', 'L1,2026-02-05,10']);
    const out = join(dir, 'late-out');
    const run = () =>
      runAnalyze({
        locale: 'en',
        file,
        out,
        asOf: '2026-11-30',
        calibrationEnd: '2025-12-31',
        windowMonths: null,
        log: () => {},
      });
    await expect(run()).rejects.toThrow(
      '--calibration-end 2025-12-31 is before the first order (2026-01-05): there is nothing to fit the lifetime-value models on; choose a later day.',
    );
    expect(existsSync(join(out, 'customers.csv'))).toBe(false);
  });

  it('dates that are all firsts of a month warn with --period day or week, and still run', async () => {
    const file = write(
      'monthly.csv',
      ['M1', 'M2', 'M3'].flatMap((c, i) => [`${c},2025-0${i + 1}-01,10`, `${c},2025-1${i}-01,20`]),
    );
    const week = await analyze(file, { asOf: '2026-11-30', period: 'week' });
    expect(week.logged[0]).toBe('Warning: the dates are whole months: --period month fits these data.');
    expect(week.model.warnings[0]).toMatchObject({
      model: null,
      code: 'dates_whole_months',
      withheld: false,
    });
    expect(week.rows.get('M1')!.x).toBe('1');
    const month = await analyze(file, { asOf: '2026-11-30', period: 'month' });
    expect(month.logged.some((l) => l.includes('whole months'))).toBe(false);
    expect(month.rows.get('M1')!.t_x).toBe(String(Number((273 / (365.25 / 12)).toFixed(4))));
  });

  it.each([
    [{ calibrationEnd: '2026-12-01' }, '--calibration-end 2026-12-01 is after --as-of 2026-11-30'],
    [{ calibrationEnd: '2026-02-30' }, '--calibration-end: a day as YYYY-MM-DD, not "2026-02-30".'],
    [{ horizon: 0 }, '--horizon: a positive number of periods, not 0.'],
    [{ discountRate: -0.1 }, '--discount-rate: a yearly rate of 0 or more'],
  ] as const)('%j is refused', async (extra, message) => {
    const file = write('options.csv', ['K1,2026-01-05,10']);
    await expect(
      runAnalyze({
        locale: 'en',
        file,
        out: join(dir, 'x'),
        asOf: '2026-11-30',
        windowMonths: null,
        ...extra,
      }),
    ).rejects.toThrow(message);
  });
});
