/** Texts of the value domain in both languages: matrix problems, policy targets, breaches. */
import type { MatrixIssue } from '../../../shared/analytics/matrix-assign';
import type { BreachRule } from '../../../shared/analytics/value-read-api.schema';
import type { Locale } from '../../../shared/common/locale';

const MATRIX: Record<MatrixIssue['code'], { en: string; zh: string }> = {
  cuts_not_increasing: { en: 'Cut points must increase.', zh: '分界点必须递增。' },
  value_in_two_bands: { en: 'A value is listed in two bands.', zh: '同一取值出现在两个分档中。' },
  cell_outside_grid: { en: 'This cell lies outside the grid.', zh: '该格子超出了矩阵范围。' },
  cell_twice: { en: 'Two cells sit at the same place.', zh: '两个格子位于同一位置。' },
  cell_missing: {
    en: 'Every band pair needs a cell; one is missing.',
    zh: '每对分档都需要一个格子，有格子缺失。',
  },
  cell_key_twice: { en: 'Two cells have the same key.', zh: '两个格子的键相同。' },
};

export function matrixIssueMessage(issue: MatrixIssue, locale: Locale): string {
  const m = MATRIX[issue.code];
  const text = locale === 'en' ? m.en : m.zh;
  return issue.detail ? `${text} (${issue.detail})` : text;
}

const TARGETS: Record<string, { en: string; zh: string }> = {
  tier: { en: 'Not a value tier (MVC, STC or BZ).', zh: '不是价值层级（MVC、STC 或 BZ）。' },
  abc: { en: 'Not an ABC class (A, B or C).', zh: '不是 ABC 类别（A、B 或 C）。' },
  segment: { en: 'Not an RFM segment of the settings.', zh: '不是设置中的 RFM 分群。' },
  cell: {
    en: 'Not a matrix cell: write matrixKey:cellKey of an existing matrix.',
    zh: '不是矩阵格子：请写成 矩阵键:格子键，且矩阵须已存在。',
  },
};

export function policyTargetMessage(kind: string, locale: Locale): string {
  const m = TARGETS[kind] ?? TARGETS.cell!;
  return locale === 'en' ? m.en : m.zh;
}

export type BreachFacts = {
  rule: BreachRule;
  tier: string;
  limitDays: number | null;
  days: number | null;
};

/** "MVC not visited in 45 days; policy 30" in the reader's language. */
export function breachMessage(b: BreachFacts, locale: Locale): string {
  const en = locale === 'en';
  if (b.rule === 'dedicated_manager')
    return en
      ? `${b.tier} without a dedicated account manager; policy requires one`
      : `${b.tier} 客户没有专属客户经理；策略要求指定`;
  if (b.days === null)
    return en
      ? `${b.tier} never visited; policy ${b.limitDays}`
      : `${b.tier} 客户从未拜访；策略要求每 ${b.limitDays} 天拜访`;
  return en
    ? `${b.tier} not visited in ${b.days} days; policy ${b.limitDays}`
    : `${b.tier} 客户已 ${b.days} 天未拜访；策略要求每 ${b.limitDays} 天拜访`;
}

/** The follow-up task's title for a breach (in the workspace's language: Chinese). */
export function breachTaskTitle(b: BreachFacts & { customerName: string }): string {
  return b.rule === 'dedicated_manager'
    ? `为${b.tier}客户「${b.customerName}」指定专属客户经理`
    : `拜访${b.tier}客户「${b.customerName}」（${b.days === null ? '从未拜访' : `已 ${b.days} 天未拜访`}，策略 ${b.limitDays} 天）`;
}

const money = (s: string, locale: Locale) =>
  Number(s).toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

/**
 * The tier sentence of a stored verdict. The engine's explainTier also splits the actual value into
 * profit and cost-to-serve, which a run does not store; the ABC, RFM and cell sentences are the engine's.
 */
export function explainStoredTier(
  v: { tier: string; highPotential: boolean; actualValue: string; strategicValue: string | null },
  locale: Locale,
): string {
  const en = locale === 'en';
  const actual = money(v.actualValue, locale);
  if (v.tier === 'BZ')
    return en ? `BZ: actual value ${actual} is below zero` : `BZ（负值客户）：实际价值 ${actual} 低于零`;
  if (v.tier === 'MVC')
    return en
      ? `MVC: actual value ${actual}, among the customers making the top share of actual value`
      : `MVC（最有价值客户）：实际价值 ${actual}，属于贡献实际价值前列的客户`;
  const potential =
    v.strategicValue === null
      ? ''
      : en
        ? `; strategic value ${money(v.strategicValue, locale)}`
        : `；战略价值 ${money(v.strategicValue, locale)}`;
  return en
    ? `STC${v.highPotential ? ' (high potential)' : ''}: actual value ${actual}${potential}`
    : `STC（二级客户${v.highPotential ? '，高潜力' : ''}）：实际价值 ${actual}${potential}`;
}
