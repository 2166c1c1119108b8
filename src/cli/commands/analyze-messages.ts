/** `kehu analyze`'s messages in both languages (the locale from LC_ALL / LANG, as `kehu import`). */
import { MIN_CUSTOMERS, MIN_REPEATERS, MIN_SPENDERS } from '../../shared/analytics/clv/models';
import type { Locale } from '../../shared/common/locale';
import type { ChurnAuc } from './analyze-clv-score';
import type { ModelJson, ModelWarning } from './analyze-model';
import type { AnalyzeSummaryJson } from './analyze-output';
import { count } from './progress';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const plural = (n: number, word: string) => `${word}${n === 1 ? '' : 's'}`;
const MODEL = { bgnbd: 'BG/NBD', gamma_gamma: 'Gamma-Gamma' } as const;
const fixed = (v: number | undefined, digits: number) => (v ?? Number.NaN).toFixed(digits);
const only = (v: number) => (v === 0 ? 'no' : `only ${count(v)}`);
type AucReason = Extract<ChurnAuc, { auc: null }>['reason'];

/** The fitted parameters, or null when withheld (the warnings say why). */
const params = (m: ModelJson) => ({
  bg:
    m.bgnbd &&
    `r ${fixed(m.bgnbd.r, 4)}, α ${fixed(m.bgnbd.alpha, 4)}, a ${fixed(m.bgnbd.a, 4)}, b ${fixed(m.bgnbd.b, 4)}, LL ${fixed(m.bgnbd.ll, 2)}`,
  gg:
    m.gamma_gamma &&
    `p ${fixed(m.gamma_gamma.p, 4)}, q ${fixed(m.gamma_gamma.q, 4)}, γ ${fixed(m.gamma_gamma.gamma, 4)}`,
});

function enWarning(w: ModelWarning): string {
  const m = w.model ? MODEL[w.model] : '';
  const v = w.value ?? 0;
  switch (w.code) {
    case 'too_few_customers':
      return `${m} withheld: ${only(v)} ${plural(v, 'customer')} with an order by the calibration end (at least ${MIN_CUSTOMERS} needed)`;
    case 'no_repeat_purchases':
      return `${m} withheld: every customer bought once (on one day) by the calibration end, so nothing shows how often they come back`;
    case 'too_few_repeaters':
      return `${m} withheld: ${only(v)} ${plural(v, 'customer')} bought more than once (at least ${MIN_REPEATERS} needed)`;
    case 'not_converged':
      return `${m} withheld: the fit did not converge (${count(v)} iterations)`;
    case 'parameter_at_bound':
      return `${m}: a parameter ran to the edge of its range (the data do not pin it down); read its predictions with care`;
    case 'near_a_singularity':
      return `${m}: a = ${fixed(v, 3)} is close to 1, where it is poorly determined`;
    case 'too_few_spenders':
      return `${m} withheld: ${only(v)} repeat ${plural(v, 'customer')} with a positive average spend (at least ${MIN_SPENDERS} needed): no expected spend or CLV`;
    case 'spend_excluded':
      return `${m}: ${count(v)} repeat ${plural(v, 'customer')} with a zero or negative average spend left out of the fit`;
    case 'spend_frequency_correlated':
      return `${m}: spend and purchase frequency are correlated (r = ${fixed(v, 2)}), which the model assumes they are not`;
    case 'needs_bgnbd':
      return 'Gamma-Gamma not fitted: expected spend and CLV need BG/NBD';
    case 'dates_whole_months':
      return 'the dates are whole months: --period month fits these data';
  }
}

function zhWarning(w: ModelWarning): string {
  const m = w.model ? MODEL[w.model] : '';
  const v = w.value ?? 0;
  switch (w.code) {
    case 'too_few_customers':
      return `${m} 不予预测：截至校准期末有订单的客户只有 ${count(v)} 个（至少需要 ${MIN_CUSTOMERS} 个）`;
    case 'no_repeat_purchases':
      return `${m} 不予预测：截至校准期末每个客户都只在一天购买过，无从估计回购频率`;
    case 'too_few_repeaters':
      return `${m} 不予预测：只有 ${count(v)} 个客户购买过不止一次（至少需要 ${MIN_REPEATERS} 个）`;
    case 'not_converged':
      return `${m} 不予预测：拟合未收敛（迭代 ${count(v)} 次）`;
    case 'parameter_at_bound':
      return `${m}：有参数落到取值范围的边缘（数据不足以确定它），预测请谨慎参考`;
    case 'near_a_singularity':
      return `${m}：a = ${fixed(v, 3)} 接近 1，此处 a 难以确定`;
    case 'too_few_spenders':
      return `${m} 不予预测：平均复购金额为正的复购客户只有 ${count(v)} 个（至少需要 ${MIN_SPENDERS} 个），不给出预期客单价和 CLV`;
    case 'spend_excluded':
      return `${m}：${count(v)} 个平均复购金额为零或负数的复购客户未参与拟合`;
    case 'spend_frequency_correlated':
      return `${m}：客单价与购买频次相关（r = ${fixed(v, 2)}），而模型假定二者无关`;
    case 'needs_bgnbd':
      return 'Gamma-Gamma 未拟合：预期客单价和 CLV 需要 BG/NBD';
    case 'dates_whole_months':
      return '日期都是整月（每月 1 日）：这些数据适合 --period month';
  }
}

const en = {
  badAsOf: (asOf: string) => `--as-of: a day as YYYY-MM-DD, not "${asOf}".`,
  noFile: (file: string) => `${file}: no such file.`,
  missingColumns: (file: string, cols: string[]) =>
    `${file}: missing ${plural(cols.length, 'column')} ${cols.join(', ')} (the header needs customer_code, ordered_at, amount and optionally cost).`,
  unknownColumns: (cols: string[]) =>
    `Warning: ignoring unknown ${plural(cols.length, 'column')} ${cols.join(', ')}.`,
  profitNeedsCost: '--basis profit needs a cost column; use --basis revenue or add cost.',
  emptyCode: 'customer_code is empty',
  badDate: (text: string) => `ordered_at "${text}" is not a date (YYYY-MM-DD)`,
  badMoney: (column: string, text: string) => `${column} "${text}" is not an amount with at most 2 decimals`,
  line: (line: number, problems: string[]) => `line ${line}: ${problems.join('; ')}`,
  more: (n: number) => `… and ${count(n)} more`,
  badRowsRefused: (n: number) =>
    `${count(n)} bad row(s); nothing written (--skip-bad-rows analyzes the rest):`,
  badRowsSkipped: (n: number) => `Warning: skipped ${count(n)} bad row(s):`,
  futureIgnored: (n: number, asOf: string) => `Warning: ignored ${count(n)} order(s) dated after ${asOf}.`,
  summary: (s: AnalyzeSummaryJson) => [
    `${count(s.customers)} customers, ${count(s.orders)} orders up to ${s.asOf} (value: ${s.basis}; RFM window: ${s.windowMonths === null ? 'all history' : `${s.windowMonths} months`}).`,
    `ABC  ${(['A', 'B', 'C'] as const).map((k) => `${k} ${count(s.abc[k].count)} (${pct(s.abc[k].share)} of ${s.basis})`).join('  ')}`,
    'RFM segments:',
  ],
  wrote: (paths: string[]) => `Wrote ${paths.slice(0, -1).join(', ')} and ${paths.at(-1)}.`,
  badCalibrationEnd: (day: string) => `--calibration-end: a day as YYYY-MM-DD, not "${day}".`,
  calibrationAfterAsOf: (end: string, asOf: string) =>
    `--calibration-end ${end} is after --as-of ${asOf}: the models learn from the orders up to the calibration end, which cannot lie beyond the analysis day.`,
  calibrationBeforeFirstOrder: (end: string, first: string) =>
    `--calibration-end ${end} is before the first order (${first}): there is nothing to fit the lifetime-value models on; choose a later day.`,
  badHorizon: (v: number) => `--horizon: a positive number of periods, not ${v}.`,
  badDiscountRate: (v: number) => `--discount-rate: a yearly rate of 0 or more (0.1 = 10%), not ${v}.`,
  modelWarning: enWarning,
  warning: (w: ModelWarning) => `Warning: ${enWarning(w)}.`,
  churnAucReason: (reason: AucReason): string =>
    ({
      no_holdout: 'no holdout: the calibration end is the as-of day',
      short_holdout: 'the holdout is shorter than the churn horizon of 6 months',
      withheld: 'no churn risk to check: BG/NBD is withheld',
      one_class:
        'all customers fell on one side: everyone bought in the 6 months after the calibration end, or nobody did',
    })[reason],
  models: (m: ModelJson) => {
    const { bg, gg } = params(m);
    const lines = [
      `Lifetime value (${m.period}s, orders up to ${m.calibration_end}, ${count(m.customers)} customers, horizon ${m.horizon}):`,
      `  BG/NBD       ${bg ?? 'withheld'}`,
      `  Gamma-Gamma  ${gg ?? 'withheld'}`,
    ];
    if (m.holdout)
      lines.push(
        `  Holdout to ${m.holdout.end}: churn risk AUC ${m.churn_auc === null ? `none (${m.churn_auc_reason})` : m.churn_auc.toFixed(3)}`,
      );
    return lines;
  },
};

const zh: typeof en = {
  badAsOf: (asOf) => `--as-of：日期格式应为 YYYY-MM-DD，而不是“${asOf}”。`,
  noFile: (file) => `${file}：文件不存在。`,
  missingColumns: (file, cols) =>
    `${file}：缺少列 ${cols.join('、')}（表头须有 customer_code、ordered_at、amount，可选 cost）。`,
  unknownColumns: (cols) => `警告：忽略未知列 ${cols.join('、')}。`,
  profitNeedsCost: '--basis profit 需要 cost 列；请改用 --basis revenue 或补充 cost 列。',
  emptyCode: 'customer_code 为空',
  badDate: (text) => `ordered_at“${text}”不是日期（YYYY-MM-DD）`,
  badMoney: (column, text) => `${column}“${text}”不是最多两位小数的金额`,
  line: (line, problems) => `第 ${line} 行：${problems.join('；')}`,
  more: (n) => `……另有 ${count(n)} 行`,
  badRowsRefused: (n) => `${count(n)} 行有误，未写出任何文件（--skip-bad-rows 可跳过错误行继续分析）：`,
  badRowsSkipped: (n) => `警告：已跳过 ${count(n)} 行错误数据：`,
  futureIgnored: (n, asOf) => `警告：已忽略 ${count(n)} 笔日期晚于 ${asOf} 的订单。`,
  summary: (s) => [
    `客户 ${count(s.customers)} 个，截至 ${s.asOf} 的订单 ${count(s.orders)} 笔（价值口径：${s.basis === 'profit' ? '利润' : '收入'}；RFM 窗口：${s.windowMonths === null ? '全部历史' : `${s.windowMonths} 个月`}）。`,
    `ABC  ${(['A', 'B', 'C'] as const).map((k) => `${k} 类 ${count(s.abc[k].count)} 个（占 ${pct(s.abc[k].share)}）`).join('  ')}`,
    'RFM 细分：',
  ],
  wrote: (paths) => `已写出 ${paths.join('、')}。`,
  badCalibrationEnd: (day) => `--calibration-end：日期格式应为 YYYY-MM-DD，而不是“${day}”。`,
  calibrationAfterAsOf: (end, asOf) =>
    `--calibration-end ${end} 晚于 --as-of ${asOf}：模型只从校准期末之前的订单学习，校准期末不能晚于分析日。`,
  calibrationBeforeFirstOrder: (end, first) =>
    `--calibration-end ${end} 早于第一笔订单（${first}）：没有可用于拟合客户终身价值模型的数据，请选择更晚的日期。`,
  badHorizon: (v) => `--horizon：应为正的期数，而不是 ${v}。`,
  badDiscountRate: (v) => `--discount-rate：应为不小于 0 的年利率（0.1 即 10%），而不是 ${v}。`,
  modelWarning: zhWarning,
  warning: (w) => `警告：${zhWarning(w)}。`,
  churnAucReason: (reason) =>
    ({
      no_holdout: '没有验证期：校准期末即分析日',
      short_holdout: '验证期短于 6 个月的流失预测期',
      withheld: 'BG/NBD 不予预测，没有流失风险可供检验',
      one_class: '所有客户都落在同一类：校准期末后 6 个月内要么都购买过，要么都没有',
    })[reason],
  models: (m) => {
    const { bg, gg } = params(m);
    const unit = { day: '天', week: '周', month: '月' }[m.period];
    const lines = [
      `客户终身价值（以${unit}为期，订单截至 ${m.calibration_end}，客户 ${count(m.customers)} 个，预测 ${m.horizon} 期）：`,
      `  BG/NBD       ${bg ?? '不予预测'}`,
      `  Gamma-Gamma  ${gg ?? '不予预测'}`,
    ];
    if (m.holdout)
      lines.push(
        `  验证期至 ${m.holdout.end}：流失风险 AUC ${m.churn_auc === null ? `无（${m.churn_auc_reason}）` : m.churn_auc.toFixed(3)}`,
      );
    return lines;
  },
};

export const analyzeText = (locale: Locale): typeof en => (locale === 'en' ? en : zh);
