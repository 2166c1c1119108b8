/**
 * What `kehu analyze` writes: DIR/customers.csv (one row per customer, the issue's columns) and
 * DIR/summary.json (count and value share of each ABC class and RFM segment). model.json: analyze-model.ts.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { formatCentsPlain } from '../../shared/analytics/orders-to-inputs';
import { NO_RFM_SEGMENT, OTHERS_SEGMENT, segmentName } from '../../shared/analytics/rfm-segments';
import type {
  ClassificationOutput,
  ClassSummary,
  CustomerValueInput,
} from '../../shared/analytics/value.contract';
import type { RfmSegmentRule } from '../../shared/analytics/value-settings';
import type { ClvColumns } from './analyze-clv';

export const CUSTOMER_COLUMNS = [
  'customer_code',
  'orders',
  'purchase_days',
  'first_order',
  'last_order',
  'revenue',
  'profit',
  'abc',
  'r_score',
  'f_score',
  'm_score',
  'rfm_segment',
  // As of the calibration end (issue 6 item 6); empty without an order by then, or where withheld.
  'x',
  't_x',
  'T',
  'p_alive',
  'expected_purchases',
  'expected_avg_spend',
  'clv',
  'churn_risk',
] as const;

/** Up to `digits` decimals, trailing zeros dropped; NaN → empty. */
const decimals = (v: number, digits: number): string =>
  Number.isNaN(v) ? '' : String(Number(v.toFixed(digits)));
const money = (v: number): string => (Number.isNaN(v) ? '' : v.toFixed(2));

const clvCells = (c: ClvColumns, i: number): (string | number)[] => [
  decimals(c.x[i]!, 0),
  decimals(c.t_x[i]!, 4),
  decimals(c.T[i]!, 4),
  decimals(c.pAlive[i]!, 4),
  decimals(c.expectedPurchases[i]!, 4),
  money(c.expectedSpend[i]!),
  money(c.clv[i]!),
  c.churnRisk[i]! < 0 ? '' : c.churnRisk[i]!,
];

/** RFC 4180: quote a field holding a comma, quote or line break. */
export const csvField = (text: string): string =>
  /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;

/** Writes customers.csv in batches (bounded memory for a million customers). */
export async function writeCustomersCsv(
  path: string,
  inputs: readonly CustomerValueInput[],
  output: ClassificationOutput,
  rules: readonly RfmSegmentRule[],
  hasCost: boolean,
  clv: ClvColumns,
): Promise<void> {
  const out = createWriteStream(path);
  const failed = once(out, 'error').then(([err]) => {
    throw err;
  });
  failed.catch(() => {});
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  await write(`${CUSTOMER_COLUMNS.join(',')}\n`);
  let batch: string[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const c = inputs[i]!;
    const v = output.verdicts[i]!;
    const rfm = v.rfm;
    batch.push(
      [
        csvField(c.code),
        c.orders,
        c.purchaseDays,
        c.firstOrderOn ?? '',
        c.lastOrderOn ?? '',
        formatCentsPlain(c.revenueCents),
        hasCost ? formatCentsPlain(c.profitCents) : '',
        v.abc,
        rfm?.r ?? '',
        rfm?.f ?? '',
        rfm?.m ?? '',
        rfm ? csvField(segmentName(rules, rfm.segment, 'en')) : '',
        ...clvCells(clv, i),
      ].join(','),
    );
    if (batch.length === 10_000) {
      await write(`${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length) await write(`${batch.join('\n')}\n`);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}

type Share = { count: number; value: string; share: number };
const share = (s: ClassSummary): Share => ({
  count: s.count,
  value: formatCentsPlain(s.valueCents),
  share: Math.round(s.share * 1e6) / 1e6,
});

export type AnalyzeSummaryJson = {
  asOf: string;
  basis: 'profit' | 'revenue';
  /** null: all history up to as-of. */
  windowMonths: number | null;
  customers: number;
  orders: number;
  futureOrdersIgnored: number;
  totalPositiveValue: string;
  /** Value = the basis (profit or revenue) of the class's customers; share = value ÷ total positive value. */
  abc: Record<'A' | 'B' | 'C', Share>;
  /** Keyed by the segment's English name; "No RFM" for customers without an order in the window. */
  rfmSegments: Record<string, Share & { key: string }>;
  warnings: readonly { code: string; count: number }[];
};

export function summaryJson(
  output: ClassificationOutput,
  rules: readonly RfmSegmentRule[],
  p: { windowMonths: number | null; orders: number; futureOrders: number },
): AnalyzeSummaryJson {
  const s = output.summary;
  const rfmSegments: AnalyzeSummaryJson['rfmSegments'] = {};
  for (const [key, bucket] of Object.entries(s.segments)) {
    const name =
      key === NO_RFM_SEGMENT ? 'No RFM' : key === OTHERS_SEGMENT ? 'Others' : segmentName(rules, key, 'en');
    rfmSegments[name] = { key, ...share(bucket) };
  }
  return {
    asOf: s.asOf,
    basis: s.basis,
    windowMonths: p.windowMonths,
    customers: s.customers,
    orders: p.orders,
    futureOrdersIgnored: p.futureOrders,
    totalPositiveValue: formatCentsPlain(s.totalPositiveValueCents),
    abc: { A: share(s.abc.A), B: share(s.abc.B), C: share(s.abc.C) },
    rfmSegments,
    warnings: s.warnings,
  };
}
