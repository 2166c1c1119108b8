/**
 * Every verdict as a sentence in the user's language (issue 5 item 8), from the numbers the engine keeps
 * with it: "A: cumulative profit share 62.4% at rank 118 of 6,012 (A cut-off 80%)", "At Risk: R 1 (last
 * order 412 days ago), F 4, M 5", tiers with their actual and strategic values, matrix cells with their
 * strategy. Pure (no i18next), so the server, the CLI and the browser say the same.
 */
import type { Locale } from '../common/locale';
import { segmentName } from './rfm-segments';
import type { CustomerVerdict } from './value.contract';
import type { MatrixDefinition } from './value-matrix';
import type { ValueSettings } from './value-settings';

export type ExplainContext = {
  locale: Locale;
  /** The settings of the run that reached the verdict. */
  settings: ValueSettings;
  matrices: readonly MatrixDefinition[];
};

const GROUPED = /\B(?=(\d{3})+(?!\d))/g;

/** 6012 → "6,012" (both languages group by thousands with a comma). */
export const formatCount = (n: number): string => String(Math.trunc(n)).replace(GROUPED, ',');

/** 0.624 → "62.4%", 0.8 → "80%" (one decimal, none when it is 0). */
export const formatShare = (x: number): string =>
  `${(Math.round(x * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;

/** Cents → "¥1,234.56" / "-¥75.00" (exact for integer cents). */
export function formatYuan(cents: number): string {
  const c = Math.round(cents);
  const abs = Math.abs(c);
  const yuan = String(Math.floor(abs / 100)).replace(GROUPED, ',');
  return `${c < 0 ? '-' : ''}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const isEn = (ctx: ExplainContext) => ctx.locale === 'en';

export function explainAbc(v: CustomerVerdict, ctx: ExplainContext): string {
  const e = v.abcExplain;
  const en = isEn(ctx);
  const what = e.basis === 'profit' ? (en ? 'profit' : '利润') : en ? 'revenue' : '收入';
  const rank = formatCount(e.rank);
  const of = formatCount(e.of);
  if (e.cumShare === null)
    return en
      ? `C: ${what} ${formatYuan(e.valueCents)} is not positive (rank ${rank} of ${of})`
      : `C 类：${what} ${formatYuan(e.valueCents)} 不为正（排名第 ${rank} / ${of}）`;
  const share = formatShare(e.cumShare);
  const cut = formatShare(e.cut);
  if (v.abc === 'C')
    return en
      ? `C: cumulative ${what} share ${share} at rank ${rank} of ${of}, beyond the B cut-off ${cut}`
      : `C 类：累计${what}占比 ${share}，排名第 ${rank} / ${of}，超出 B 类分界 ${cut}`;
  return en
    ? `${v.abc}: cumulative ${what} share ${share} at rank ${rank} of ${of} (${v.abc} cut-off ${cut})`
    : `${v.abc} 类：累计${what}占比 ${share}，排名第 ${rank} / ${of}（${v.abc} 类分界 ${cut}）`;
}

export function explainRfm(v: CustomerVerdict, ctx: ExplainContext): string {
  const en = isEn(ctx);
  const months = ctx.settings.rfm.windowMonths;
  const rfm = v.rfm;
  if (!rfm) return en ? `No RFM: no order in the last ${months} months` : `无 RFM：近 ${months} 个月没有订单`;
  const name = segmentName(ctx.settings.rfm.segments, rfm.segment, ctx.locale);
  const days = formatCount(rfm.recencyDays);
  const freq = formatCount(rfm.frequency);
  const money = formatYuan(rfm.monetaryCents);
  return en
    ? `${name}: R ${rfm.r} (last order ${days} days ago), F ${rfm.f} (${freq} purchase days), M ${rfm.m} (revenue ${money} in ${months} months)`
    : `${name}：R ${rfm.r}（最近一次订单在 ${days} 天前），F ${rfm.f}（${freq} 个购买日），M ${rfm.m}（${months} 个月收入 ${money}）`;
}

function strategicPart(v: CustomerVerdict, en: boolean): string {
  if (v.strategicValueCents === null) return en ? 'strategic value unknown' : '战略价值未知';
  const value = formatYuan(v.strategicValueCents);
  if (v.strategicBasis === 'wallet' && v.shareOfWallet !== null) {
    const sow = formatShare(v.shareOfWallet);
    return en
      ? `strategic value ${value} (budget × (1 − share of wallet ${sow}))`
      : `战略价值 ${value}（采购预算 ×（1 − 钱包份额 ${sow}））`;
  }
  if (v.strategicBasis === 'trend')
    return v.strategicValueCents > 0
      ? en
        ? `strategic value ${value} from a significantly rising revenue trend`
        : `战略价值 ${value}（收入呈显著上升趋势）`
      : en
        ? 'no significant revenue growth'
        : '收入无显著增长';
  if (v.strategicBasis === 'clv')
    return en
      ? `strategic value ${value} (predicted customer lifetime value)`
      : `战略价值 ${value}（预测的客户终身价值）`;
  return en ? `strategic value ${value}` : `战略价值 ${value}`;
}

export function explainTier(v: CustomerVerdict, ctx: ExplainContext): string {
  const en = isEn(ctx);
  const t = ctx.settings.tiers;
  const actual = formatYuan(v.actualValueCents);
  const profit = formatYuan(v.actualValueCents + v.serveCostCents);
  const cost = formatYuan(v.serveCostCents);
  const parts = en
    ? `(12-month profit ${profit} − cost-to-serve ${cost})`
    : `（12 个月毛利 ${profit} − 服务成本 ${cost}）`;
  if (v.tier === 'BZ')
    return en
      ? `BZ: actual value ${actual} ${parts} is below ${formatYuan(t.bzBelowCents)}`
      : `BZ（负值客户）：实际价值 ${actual}${parts}低于 ${formatYuan(t.bzBelowCents)}`;
  if (v.tier === 'MVC') {
    const cut = formatShare(ctx.settings.abc.aCut);
    const why =
      t.mvcBy === 'abc_basis'
        ? en
          ? 'the customer is in class A'
          : '属于 A 类客户'
        : en
          ? `among the customers making the top ${cut} of actual value`
          : `属于贡献前 ${cut} 实际价值的客户`;
    return en
      ? `MVC: actual value ${actual} ${parts}, ${why}`
      : `MVC（最有价值客户）：实际价值 ${actual}${parts}，${why}`;
  }
  const strategic = strategicPart(v, en);
  const top = formatShare(t.highPotentialTopShare);
  const high = v.highPotential
    ? en
      ? `; high potential: among the top ${top} of strategic values`
      : `；高潜力：战略价值位于前 ${top}`
    : '';
  return en
    ? `STC: actual value ${actual} ${parts}; ${strategic}${high}`
    : `STC（二级客户）：实际价值 ${actual}${parts}；${strategic}${high}`;
}

/** One sentence per matrix cell the customer is in: matrix, cell and its strategy. */
export function explainCells(v: CustomerVerdict, ctx: ExplainContext): string[] {
  const en = isEn(ctx);
  const out: string[] = [];
  for (const m of ctx.matrices) {
    const key = v.cells[m.key];
    if (key === undefined) continue;
    const cell = m.cells.find((c) => c.key === key);
    if (!cell) continue;
    const strategy = en ? cell.strategyEn : cell.strategyZh;
    const text = en ? `${m.nameEn}: ${cell.nameEn}` : `${m.nameZh}：${cell.nameZh}`;
    out.push(strategy ? (en ? `${text} — ${strategy}` : `${text}——${strategy}`) : text);
  }
  return out;
}

/** The flags not already told by the sentences above. */
function explainFlags(v: CustomerVerdict, ctx: ExplainContext): string[] {
  const en = isEn(ctx);
  const out: string[] = [];
  if (v.flags.includes('no_orders')) out.push(en ? 'No orders yet' : '尚无订单');
  if (v.flags.includes('future_orders_ignored'))
    out.push(en ? 'Orders dated after the analysis day were ignored' : '已忽略分析日期之后的订单');
  return out;
}

/** Every sentence for a verdict: ABC, RFM, tier, matrix cells, then notes. */
export function explainVerdict(v: CustomerVerdict, ctx: ExplainContext): string[] {
  return [
    explainAbc(v, ctx),
    explainRfm(v, ctx),
    explainTier(v, ctx),
    ...explainCells(v, ctx),
    ...explainFlags(v, ctx),
  ];
}
