import { describe, expect, it } from 'vitest';
import { aucPairsPercent, holdoutBars, trackingLines } from './clv-check-data';

describe('the model check charts’ data', () => {
  it.each([
    [0.79, 79],
    [0.5, 50],
    [0.996, 100],
    [0.734, 73],
  ])('reads an AUC of %s as %s%% of pairs', (auc, share) => {
    expect(aucPairsPercent(auc)).toBe(share);
  });

  it('draws a bar per group with customers, rounded to two decimals, and none for an empty group', () => {
    const bars = holdoutBars([
      { label: '0', customers: 120, actual: 0.31416, expected: 0.2999 },
      { label: '1', customers: 40, actual: 1.005, expected: 0.9 },
      { label: '6', customers: 0, actual: 0, expected: 0 },
      { label: '7+', customers: 3, actual: 4, expected: 3.666 },
    ]);
    expect(bars).toEqual({
      labels: ['0', '1', '6', '7+'],
      customers: [120, 40, 0, 3],
      actual: [0.31, 1, null, 4],
      expected: [0.3, 0.9, null, 3.67],
    });
  });

  it('pairs each period end with its cumulative purchases, the forecast to one decimal', () => {
    expect(
      trackingLines({
        periodEnds: ['2024-01-07', '2024-01-14', '2024-01-21'],
        actual: [0, 5, 12],
        expected: [0.04, 4.86, 12.349],
        calibrationPeriods: 2,
      }),
    ).toEqual({
      actual: [
        ['2024-01-07', 0],
        ['2024-01-14', 5],
        ['2024-01-21', 12],
      ],
      expected: [
        ['2024-01-07', 0],
        ['2024-01-14', 4.9],
        ['2024-01-21', 12.3],
      ],
    });
  });

  it('draws nothing for a check without periods', () => {
    expect(trackingLines({ periodEnds: [], actual: [], expected: [], calibrationPeriods: 0 })).toEqual({
      actual: [],
      expected: [],
    });
  });
});
