/** What `kehu classify` prints of the run's lifetime-value models and of a model check. */
import type { ModelCheck, RunModel } from '../../shared/analytics/churn-api.schema';
import { fitWarningText } from '../../shared/analytics/clv/fit-warning-messages';
import type { Locale } from '../../shared/common/locale';
import { count } from './progress';

const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(4));
const withSe = (v: number, se: number | null | undefined) => (se ? `${f(v)} (± ${f(se)})` : f(v));

export function modelText(m: RunModel, locale: Locale): string {
  const en = locale === 'en';
  const lines = [
    en
      ? `Lifetime-value models (${m.period}s, horizon ${m.horizonPeriods}): fitted on ${count(m.fittedOn)} of ${count(m.customers)} customers with an order.`
      : `客户终身价值模型（单位：${{ day: '天', week: '周', month: '月' }[m.period]}，预测期 ${m.horizonPeriods}）：在 ${count(m.customers)} 个有订单的客户中取 ${count(m.fittedOn)} 个拟合。`,
  ];
  const bg = m.bgnbd;
  if (bg)
    lines.push(
      `  BG/NBD       r ${withSe(bg.r, bg.se.r)}, α ${withSe(bg.alpha, bg.se.alpha)}, a ${withSe(bg.a, bg.se.a)}, b ${withSe(bg.b, bg.se.b)}, LL ${bg.ll.toFixed(2)}`,
    );
  const gg = m.gammaGamma;
  if (gg)
    lines.push(
      `  Gamma-Gamma  p ${withSe(gg.p, gg.se.p)}, q ${withSe(gg.q, gg.se.q)}, γ ${withSe(gg.gamma, gg.se.gamma)}, LL ${gg.ll.toFixed(2)}`,
    );
  for (const w of m.warnings) lines.push(`  ${fitWarningText(w, locale)}`);
  return lines.join('\n');
}

export function checkText(c: ModelCheck, locale: Locale): string {
  const en = locale === 'en';
  const auc = c.churnAuc === null ? '—' : c.churnAuc.toFixed(3);
  const zero = c.calibrationVsHoldout?.[0];
  const lines = [
    en
      ? `Model check: fitted on the history up to ${c.calibrationEnd}, compared with ${c.calibrationEnd} – ${c.holdoutEnd}.`
      : `模型检验：以 ${c.calibrationEnd} 之前的历史拟合，与 ${c.calibrationEnd} 至 ${c.holdoutEnd} 的实际对比。`,
    en
      ? `  Churn risk AUC ${auc} (${count(c.scored)} customers scored, ${count(c.churned)} bought nothing since).`
      : `  流失风险 AUC ${auc}（评分客户 ${count(c.scored)} 个，其后未再购买 ${count(c.churned)} 个）。`,
  ];
  if (zero)
    lines.push(
      en
        ? `  Customers without a repeat purchase before: ${zero.expected.toFixed(3)} repeat purchases each expected, ${zero.actual.toFixed(3)} actual.`
        : `  此前无重复购买的客户：预计每人 ${zero.expected.toFixed(3)} 次重复购买，实际 ${zero.actual.toFixed(3)} 次。`,
    );
  const t = c.tracking;
  if (t?.actual.length)
    lines.push(
      en
        ? `  Repeat purchases to ${t.periodEnds.at(-1)}: ${count(t.actual.at(-1)!)} actual, ${count(Math.round(t.expected.at(-1)!))} expected.`
        : `  截至 ${t.periodEnds.at(-1)} 的重复购买：实际 ${count(t.actual.at(-1)!)} 次，预计 ${count(Math.round(t.expected.at(-1)!))} 次。`,
    );
  return lines.join('\n');
}
