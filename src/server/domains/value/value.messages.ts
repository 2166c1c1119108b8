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
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export type StoredVerdict = {
  abc: string;
  abcBasis: 'profit' | 'revenue';
  abcValue: string;
  abcRank: number;
  abcOf: number;
  abcCumShare: number | null;
  rScore: number | null;
  fScore: number | null;
  mScore: number | null;
  recencyDays: number | null;
  segmentName: string | null;
  tier: string;
  highPotential: boolean;
  actualValue: string;
  strategicValue: string | null;
};

/** A stored verdict in words: one sentence each for ABC, RFM and the value tier. */
export function explainStored(v: StoredVerdict, locale: Locale): string[] {
  const en = locale === 'en';
  const basis = en ? v.abcBasis : v.abcBasis === 'profit' ? '毛利' : '收入';
  const rank = v.abcRank.toLocaleString('en-US');
  const of = v.abcOf.toLocaleString('en-US');
  const abc =
    v.abcCumShare === null
      ? en
        ? `${v.abc}: ${basis} ${money(v.abcValue, locale)} is not positive (rank ${rank} of ${of})`
        : `${v.abc}：${basis} ${money(v.abcValue, locale)} 不为正（第 ${rank} 名，共 ${of}）`
      : en
        ? `${v.abc}: cumulative ${basis} share ${pct(v.abcCumShare)} at rank ${rank} of ${of}`
        : `${v.abc}：累计${basis}占比 ${pct(v.abcCumShare)}，排名第 ${rank}，共 ${of}`;
  const rfm =
    v.rScore === null
      ? en
        ? 'No RFM: no order in the RFM window'
        : '无 RFM：RFM 时间窗内没有订单'
      : en
        ? `${v.segmentName}: R ${v.rScore} (last order ${v.recencyDays} days ago), F ${v.fScore}, M ${v.mScore}`
        : `${v.segmentName}：R ${v.rScore}（最近一次下单在 ${v.recencyDays} 天前），F ${v.fScore}，M ${v.mScore}`;
  const actual = money(v.actualValue, locale);
  let tier: string;
  if (v.tier === 'BZ')
    tier = en ? `BZ: actual value ${actual} is below zero` : `BZ：实际价值 ${actual} 低于零`;
  else if (v.tier === 'MVC')
    tier = en
      ? `MVC: actual value ${actual}, in the A class by actual value`
      : `MVC：实际价值 ${actual}，按实际价值属 A 类`;
  else {
    const potential =
      v.strategicValue === null
        ? ''
        : en
          ? `, strategic value ${money(v.strategicValue, locale)}`
          : `，战略价值 ${money(v.strategicValue, locale)}`;
    tier = en
      ? `STC${v.highPotential ? ' (high potential)' : ''}: actual value ${actual}${potential}`
      : `STC${v.highPotential ? '（高潜力）' : ''}：实际价值 ${actual}${potential}`;
  }
  return [abc, rfm, tier];
}
