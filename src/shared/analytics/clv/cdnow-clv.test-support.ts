/** CDNOW as the CLV models read it (references §1, §6): the published summary and our calibration. */
import { readFileSync } from 'node:fs';
import { CDNOW_DIR, cdnowOrders } from '../cdnow.test-support';
import { type CalibrationData, calibrationSummary, type PurchaseRecord } from './calibration';

/** cdnow_customers_summary.csv: ID, frequency (x), recency (t_x) and T in weeks, rounded to 2 decimals. */
export function cdnowPublishedSummary(): { id: string; x: number; t_x: number; T: number }[] {
  const lines = readFileSync(`${CDNOW_DIR}cdnow_customers_summary.csv`, 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [id, x, tx, T] = line.split(',');
    return { id: id!, x: Number(x), t_x: Number(tx), T: Number(T) };
  });
}

/** The 1/10 sample's transactions as purchase records (the sample id is the customer). */
export const cdnowPurchases = (): PurchaseRecord[] =>
  Array.from(cdnowOrders('CDNOW_sample.txt'), (o) => ({
    key: o.customerCode,
    day: o.orderedAt,
    amountCents: o.amountCents,
  }));

/** Calibration weeks 1–39 (to 1997-09-30), holdout weeks 40–78 (to 1998-06-30). */
export const cdnowCalibration = (): CalibrationData =>
  calibrationSummary(cdnowPurchases(), {
    calibrationEnd: '1997-09-30',
    holdoutEnd: '1998-06-30',
    period: 'week',
  });

/** Full-precision MLE (CLVTools `test_correctness_bgnbd.R`) and the paper's rounded values. */
export const CLVTOOLS_MLE = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
export const PAPER_PARAMS = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
