/** The CDNOW transaction files (../shared/data/cdnow, references §1f and §6) as order records. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type OrderRecord, parseCents } from './orders-to-inputs';

/** The shared data folder, beside the project root. */
export const CDNOW_DIR = fileURLToPath(new URL('../../../../shared/data/cdnow/', import.meta.url));

/**
 * Master file: a header line, then whitespace-separated id, date YYYYMMDD, CDs, dollars.
 * Sample file: no header; master id, sample id, date, CDs, dollars (the sample id is the customer).
 */
export function* cdnowOrders(file: 'CDNOW_master.txt' | 'CDNOW_sample.txt'): Generator<OrderRecord> {
  const sample = file === 'CDNOW_sample.txt';
  for (const line of readFileSync(`${CDNOW_DIR}${file}`, 'utf8').split(/\r?\n/)) {
    const cells = line.trim().split(/\s+/);
    if (cells.length < 4 || !/^\d+$/.test(cells[0]!)) continue; // header, blank line
    const [id, date, , dollars] = sample ? cells.slice(1) : cells;
    yield {
      customerCode: id!,
      orderedAt: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
      amountCents: parseCents(dollars!)!,
      costCents: null,
    };
  }
}
