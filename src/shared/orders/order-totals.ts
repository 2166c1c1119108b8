import { fitsMoney, formatCents, lineCents } from './money';

export type LineInput = {
  quantity: string;
  unitPrice: string;
  /** Already defaulted from the product's standard cost; null when unknown. */
  unitCost: string | null;
};

export type PricedLine = { amount: string; cost: string | null };

export type PricedOrder = {
  lines: PricedLine[];
  totalAmount: string;
  /** Null when any line has no cost: a partial sum would overstate the margin. */
  totalCost: string | null;
  /** Fields whose amount does not fit numeric(14,2), as `lines.N.quantity` or `lines`. */
  outOfRange: string[];
};

/**
 * Prices an order exactly: each line's amount = quantity × unit price and cost = quantity × unit cost,
 * each rounded half-up to cents; the totals are the sums of the rounded lines.
 */
export function priceLines(lines: readonly LineInput[]): PricedOrder {
  const outOfRange: string[] = [];
  let totalAmount = 0n;
  let totalCost: bigint | null = 0n;
  const priced = lines.map((line, i) => {
    const amount = lineCents(line.quantity, line.unitPrice);
    const cost = line.unitCost === null ? null : lineCents(line.quantity, line.unitCost);
    if (!fitsMoney(amount) || (cost !== null && !fitsMoney(cost))) outOfRange.push(`lines.${i}.quantity`);
    totalAmount += amount;
    totalCost = cost === null || totalCost === null ? null : totalCost + cost;
    return { amount: formatCents(amount), cost: cost === null ? null : formatCents(cost) };
  });
  if (!outOfRange.length && (!fitsMoney(totalAmount) || (totalCost !== null && !fitsMoney(totalCost)))) {
    outOfRange.push('lines');
  }
  return {
    lines: priced,
    totalAmount: formatCents(totalAmount),
    totalCost: totalCost === null ? null : formatCents(totalCost),
    outOfRange,
  };
}
