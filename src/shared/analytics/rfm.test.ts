import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankScores, scoreRfm } from './rfm';
import { segmentOf, segmentTable } from './rfm-segments';
import { DEFAULT_RFM_SEGMENTS } from './value-settings';

const scores = (keys: number[]) => Array.from(rankScores(Float64Array.from(keys)));

describe('rank scores: 1 + floor(5 (k − 1) / n), k the lowest rank of the tie group', () => {
  it.each([
    ['five distinct keys', [3, 1, 4, 2, 5], [3, 1, 4, 2, 5]],
    // n = 10, k = 1..10 → 1,1,2,2,3,3,4,4,5,5
    ['ten distinct keys', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]],
    // sorted 1,2,2,2,3,4: k = 1,2,2,2,5,6; n = 6 → 1, 1+floor(5/6)=1, 1, 1, 1+floor(20/6)=4, 1+floor(25/6)=5
    ['a tie group takes its lowest rank', [2, 1, 2, 3, 2, 4], [1, 1, 1, 4, 1, 5]],
    ['all equal', [7, 7, 7, 7], [1, 1, 1, 1]],
    ['one customer', [42], [1]],
    ['empty', [], []],
    ['three customers', [1, 2, 3], [1, 2, 4]],
  ])('%s', (_name, keys, expected) => {
    expect(scores(keys)).toEqual(expected);
  });

  it('R: the most recent gets 5 (ranked on −days)', () => {
    const r = scoreRfm([
      { recencyDays: 1, frequency: 1, monetaryCents: 100 },
      { recencyDays: 5, frequency: 1, monetaryCents: 200 },
      { recencyDays: 5, frequency: 2, monetaryCents: 300 },
      { recencyDays: 30, frequency: 3, monetaryCents: 400 },
      { recencyDays: 100, frequency: 9, monetaryCents: -50 },
    ]);
    expect(r.map((s) => s.r)).toEqual([5, 3, 3, 2, 1]);
    expect(r.map((s) => s.f)).toEqual([1, 1, 3, 4, 5]);
    expect(r.map((s) => s.m)).toEqual([2, 3, 4, 5, 1]);
  });
});

describe('rank score properties', () => {
  const keys = fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 });
  it('scores are 1–5, monotone, equal keys share a score', () => {
    fc.assert(
      fc.property(keys, (ks) => {
        const s = scores(ks);
        for (let i = 0; i < ks.length; i++) {
          expect(s[i]).toBeGreaterThanOrEqual(1);
          expect(s[i]).toBeLessThanOrEqual(5);
          for (let j = 0; j < ks.length; j++)
            if (ks[i]! < ks[j]!) expect(s[i]!).toBeLessThanOrEqual(s[j]!);
            else if (ks[i] === ks[j]) expect(s[i]).toBe(s[j]);
        }
      }),
      { numRuns: 100 },
    );
  });
  it('without ties the five bins differ in size by at most one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 5, maxLength: 500 }), (ks) => {
        const s = scores(ks);
        const sizes = [1, 2, 3, 4, 5].map((b) => s.filter((x) => x === b).length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('bins differ more only through ties: removing ties (by rank) restores balance', () => {
    fc.assert(
      fc.property(
        keys.filter((k) => k.length >= 5),
        (ks) => {
          const s = scores(ks);
          const sorted = [...ks].sort((a, b) => a - b);
          // every bin boundary falls inside or at the edge of a tie group: the customer at ascending
          // position p (0-based) would score 1 + floor(5p / n) without ties, and scores only lower through ties
          ks.forEach((k, i) => {
            const p = sorted.indexOf(k);
            expect(s[i]).toBe(1 + Math.floor((5 * p) / ks.length));
          });
        },
      ),
    );
  });
});

describe('RFM segments (R rfm package table, first match wins)', () => {
  it.each([
    [5, 5, 5, 'champions'],
    [1, 5, 5, 'cant_lose_them'],
    [1, 3, 3, 'at_risk'],
    [2, 2, 2, 'at_risk'], // at_risk precedes need_attention and lost
    [3, 4, 4, 'loyal_customers'],
    [5, 1, 1, 'new_customers'],
    [3, 1, 1, 'promising'],
    [4, 2, 2, 'potential_loyalist'],
    [2, 3, 3, 'at_risk'], // at_risk precedes loyal_customers
    [3, 2, 2, 'potential_loyalist'],
    [2, 1, 2, 'about_to_sleep'],
    [1, 1, 1, 'lost'],
    [1, 1, 5, 'others'],
    [5, 5, 1, 'others'],
  ])('R%i F%i M%i → %s', (r, f, m, key) => {
    expect(segmentOf(DEFAULT_RFM_SEGMENTS, r, f, m)).toBe(key);
  });

  it('the order of the rules decides overlaps', () => {
    const [champions, , atRisk, loyal] = DEFAULT_RFM_SEGMENTS;
    expect(segmentOf([loyal!, champions!], 5, 5, 5)).toBe('loyal_customers');
    expect(segmentOf([atRisk!], 3, 3, 3)).toBe('others');
    expect(Array.from(segmentTable([])).every((x) => x === -1)).toBe(true);
  });
});
