/** `kehu analyze`'s messages in both languages (the locale from LC_ALL / LANG, as `kehu import`). */
import type { Locale } from '../../shared/common/locale';
import type { AnalyzeSummaryJson } from './analyze-output';
import { count } from './progress';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const plural = (n: number, word: string) => `${word}${n === 1 ? '' : 's'}`;

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
  wrote: (a: string, b: string) => `Wrote ${a} and ${b}.`,
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
  wrote: (a, b) => `已写出 ${a} 和 ${b}。`,
};

export const analyzeText = (locale: Locale): typeof en => (locale === 'en' ? en : zh);
