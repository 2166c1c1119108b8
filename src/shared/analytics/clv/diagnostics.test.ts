import { describe, expect, it } from 'vitest';
import { CLVTOOLS_MLE, cdnowCalibration } from './cdnow-clv.test-support';
import { calibrationVsHoldout, trackingSeries } from './diagnostics';

const cal = cdnowCalibration();

describe('calibration vs holdout on CDNOW (FHL 2005 fig. 4)', () => {
  const groups = calibrationVsHoldout(CLVTOOLS_MLE, cal.rows, cal.holdout!, cal.holdoutLength!);

  it('groups by calibration repeats 0..6 and 7+ with every customer once', () => {
    expect(groups.map((g) => g.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(groups.reduce((s, g) => s + g.customers, 0)).toBe(2_357);
    expect(groups.reduce((s, g) => s + g.actual * g.customers, 0)).toBeCloseTo(1_882, 9);
  });

  it('the zero class: actual 334/1411 = 0.24, expected ≈ 0.23 (the paper’s comparison)', () => {
    const zero = groups[0]!;
    expect(zero.customers).toBe(1_411);
    expect(zero.actual).toBeCloseTo(334 / 1_411, 12);
    expect(Math.abs(zero.expected - 0.23)).toBeLessThan(0.01);
  });

  it('expectations rise with calibration repeats', () => {
    for (let g = 1; g < groups.length; g++)
      expect(groups[g]!.expected).toBeGreaterThan(groups[g - 1]!.expected);
  });
});

describe('tracking cumulative repeat purchases on CDNOW (FHL 2005 fig. 3)', () => {
  const tracking = trackingSeries(CLVTOOLS_MLE, {
    births: cal.births,
    repeats: cal.repeats,
    periodDays: cal.periodDays,
    calibrationEnd: cal.calibrationEnd,
    lastDay: cal.holdoutEnd!,
  });

  it('runs 78 weeks from 1997-01-01, 39 of them calibration', () => {
    expect(tracking.periodEnds).toHaveLength(78);
    expect(tracking.periodEnds[0]).toBe('1997-01-07');
    expect(tracking.periodEnds[38]).toBe('1997-09-30');
    expect(tracking.periodEnds[77]).toBe('1998-06-30');
    expect(tracking.calibrationPeriods).toBe(39);
  });

  it('counts 2,457 repeats by week 39 and 4,339 by week 78; the forecast tracks within 2% then under-forecasts ≈ 4%', () => {
    expect(tracking.actual[38]).toBe(2_457);
    expect(tracking.actual[77]).toBe(4_339);
    expect(Math.abs(tracking.expected[38]! / 2_457 - 1)).toBeLessThan(0.02);
    const under = 1 - tracking.expected[77]! / 4_339;
    expect(under).toBeGreaterThan(0.03);
    expect(under).toBeLessThan(0.05);
  });

  it('both series are cumulative (non-decreasing)', () => {
    for (let k = 1; k < 78; k++) {
      expect(tracking.actual[k]).toBeGreaterThanOrEqual(tracking.actual[k - 1]!);
      expect(tracking.expected[k]).toBeGreaterThanOrEqual(tracking.expected[k - 1]!);
    }
  });

  it('is empty without customers', () => {
    const empty = trackingSeries(CLVTOOLS_MLE, {
      births: new Map(),
      repeats: new Map(),
      periodDays: 7,
      calibrationEnd: '2024-01-01',
      lastDay: '2024-01-01',
    });
    expect(empty.periodEnds).toEqual([]);
  });
});
