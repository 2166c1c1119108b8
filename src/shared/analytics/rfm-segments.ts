/**
 * RFM segments: rules with [low, high] ranges on R, F and M, applied in the given order, first match
 * wins (the R `rfm` package's rules overlap, so the order matters); no match → 'others'.
 */
import type { Locale } from '../common/locale';
import type { RfmSegmentRule } from './value-settings';

export const OTHERS_SEGMENT = 'others';
/** The summary's bucket for customers without an order in the RFM window. */
export const NO_RFM_SEGMENT = 'no_rfm';
export const OTHERS_NAMES = { zh: '其他', en: 'Others' } as const;

const cellOf = (r: number, f: number, m: number) => (r - 1) * 25 + (f - 1) * 5 + (m - 1);

/** For each of the 125 (R, F, M) combinations, the index of the first matching rule, or −1. */
export function segmentTable(rules: readonly RfmSegmentRule[]): Int16Array {
  const table = new Int16Array(125).fill(-1);
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++)
      for (let m = 1; m <= 5; m++) {
        const i = rules.findIndex(
          (rule) =>
            r >= rule.r[0] &&
            r <= rule.r[1] &&
            f >= rule.f[0] &&
            f <= rule.f[1] &&
            m >= rule.m[0] &&
            m <= rule.m[1],
        );
        table[cellOf(r, f, m)] = i;
      }
  return table;
}

/** The rule index for scores (−1: others), through a table from segmentTable. */
export const lookupSegment = (table: Int16Array, r: number, f: number, m: number): number =>
  table[cellOf(r, f, m)]!;

/** The segment key of one customer's scores. */
export function segmentOf(rules: readonly RfmSegmentRule[], r: number, f: number, m: number): string {
  const i = lookupSegment(segmentTable(rules), r, f, m);
  return i < 0 ? OTHERS_SEGMENT : rules[i]!.key;
}

/** A segment's name in a language ('others' included); the key itself when the rule is gone. */
export function segmentName(rules: readonly RfmSegmentRule[], key: string, locale: Locale): string {
  if (key === OTHERS_SEGMENT) return locale === 'en' ? OTHERS_NAMES.en : OTHERS_NAMES.zh;
  const rule = rules.find((r) => r.key === key);
  if (!rule) return key;
  return locale === 'en' ? rule.nameEn : rule.nameZh;
}
