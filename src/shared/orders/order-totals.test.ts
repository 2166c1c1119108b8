import { describe, expect, it } from 'vitest';
import { type LineInput, priceLines } from './order-totals';

const line = (quantity: string, unitPrice: string, unitCost: string | null = null): LineInput => ({
  quantity,
  unitPrice,
  unitCost,
});

describe('priceLines', () => {
  it.each([
    {
      name: 'rounds each line, then sums the rounded lines',
      lines: [line('3', '33.33', '20.00'), line('0.333', '10.01', '5.55')],
      amounts: ['99.99', '3.33'],
      costs: ['60.00', '1.85'], // 0.333 × 5.55 = 1.84815
      totalAmount: '103.32',
      totalCost: '61.85',
    },
    {
      name: 'nets a return against a sale',
      lines: [line('10', '12.50', '8.00'), line('-2', '12.50', '8.00')],
      amounts: ['125.00', '-25.00'],
      costs: ['80.00', '-16.00'],
      totalAmount: '100.00',
      totalCost: '64.00',
    },
    {
      name: 'leaves the total cost unknown when a line has no cost',
      lines: [line('1', '10.00', '4.00'), line('1', '5.00')],
      amounts: ['10.00', '5.00'],
      costs: ['4.00', null],
      totalAmount: '15.00',
      totalCost: null,
    },
    {
      name: 'prices an empty order at zero',
      lines: [],
      amounts: [],
      costs: [],
      totalAmount: '0.00',
      totalCost: '0.00',
    },
  ])('$name', ({ lines, amounts, costs, totalAmount, totalCost }) => {
    const priced = priceLines(lines);
    expect(priced.lines.map((l) => l.amount)).toEqual(amounts);
    expect(priced.lines.map((l) => l.cost)).toEqual(costs);
    expect(priced.totalAmount).toBe(totalAmount);
    expect(priced.totalCost).toBe(totalCost);
    expect(priced.outOfRange).toEqual([]);
  });

  it.each([
    { lines: [line('10', '999999999999.99')], outOfRange: ['lines.0.quantity'] },
    { lines: [line('1', '1.00'), line('2', '1.00', '999999999999.99')], outOfRange: ['lines.1.quantity'] },
    {
      lines: [line('1', '999999999999.99'), line('1', '0.01')],
      outOfRange: ['lines'], // each line fits, the total does not
    },
    { lines: [line('-1', '999999999999.99'), line('1', '999999999999.99')], outOfRange: [] },
  ])('flags amounts beyond numeric(14,2): $outOfRange', ({ lines, outOfRange }) => {
    expect(priceLines(lines).outOfRange).toEqual(outOfRange);
  });
});
