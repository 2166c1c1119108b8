import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rocAuc } from './roc-auc';

/** The definition: over all (positive, negative) pairs, 1 when the positive scores higher, ½ on a tie. */
function pairwiseAuc(scores: number[], positives: boolean[]): number | null {
  let wins = 0;
  let pairs = 0;
  scores.forEach((sp, i) => {
    if (!positives[i]) return;
    scores.forEach((sn, j) => {
      if (positives[j]) return;
      pairs++;
      wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
    });
  });
  return pairs ? wins / pairs : null;
}

describe('rocAuc', () => {
  it.each([
    ['perfect separation', [90, 80, 20, 10], [1, 1, 0, 0], 1],
    ['reversed', [10, 20, 80, 90], [1, 1, 0, 0], 0],
    ['all ties', [50, 50, 50, 50, 50], [1, 0, 1, 0, 0], 0.5],
    // Pairs (p, n): (70,60) 1, (70,40) 1, (70,70) ½, (40,60) 0, (40,40) ½, (40,70) 0 → 3 / 6
    ['hand-computed with ties', [70, 60, 40, 40, 70], [1, 0, 1, 0, 0], 0.5],
    // (0.9 vs 0.3, 0.5, 0.8) 3; (0.4 vs them) 1; (0.8 vs them) 2.5 → 6.5 / 9
    ['hand-computed small case', [0.9, 0.3, 0.4, 0.5, 0.8, 0.8], [1, 0, 1, 0, 1, 0], 6.5 / 9],
  ] as [string, number[], (0 | 1)[], number][])('%s', (_name, scores, positives, auc) => {
    expect(rocAuc(scores, positives)).toBeCloseTo(auc, 12);
  });

  it('null when a class is empty; booleans accepted; typed arrays accepted', () => {
    expect(rocAuc([1, 2], [0, 0])).toBeNull();
    expect(rocAuc([1, 2], [true, true])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
    expect(rocAuc(Int16Array.of(1, 5), Uint8Array.of(0, 1) as ArrayLike<0 | 1>)).toBe(1);
  });

  it('refuses NaN scores and mismatched lengths', () => {
    expect(() => rocAuc([1, Number.NaN], [1, 0])).toThrow(RangeError);
    expect(() => rocAuc([1, 2], [1])).toThrow(RangeError);
  });

  it('equals the O(n²) definition on random small inputs (with many ties)', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.boolean()), { maxLength: 30 });
    fc.assert(
      fc.property(rows, (r) => {
        const scores = r.map(([s]) => s);
        const positives = r.map(([, p]) => p);
        const expected = pairwiseAuc(scores, positives);
        const auc = rocAuc(scores, positives);
        if (expected === null) expect(auc).toBeNull();
        else expect(auc).toBeCloseTo(expected, 12);
      }),
    );
  });
});
