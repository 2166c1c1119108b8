/**
 * ROC AUC of a score against what happened: the Mann–Whitney probability that a random positive (a
 * customer who did churn) scores higher than a random negative, ties counting one half. Used to check the
 * churn score on a holdout period.
 *
 * O(n log n): the two classes' scores are sorted once each (typed-array sorts, fast for a million), then
 * one merge-like pass counts for every positive the negatives below it and level with it.
 */

/** The AUC, or null when either class is empty. Throws on NaN scores or mismatched lengths. */
export function rocAuc(scores: ArrayLike<number>, positives: ArrayLike<boolean | 0 | 1>): number | null {
  const n = scores.length;
  if (positives.length !== n) throw new RangeError('rocAuc: scores and positives differ in length');
  let nPos = 0;
  for (let i = 0; i < n; i++) if (positives[i]) nPos++;
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  const pos = new Float64Array(nPos);
  const neg = new Float64Array(nNeg);
  let p = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (Number.isNaN(s)) throw new RangeError(`rocAuc: score ${i} is NaN`);
    if (positives[i]) pos[p++] = s;
    else neg[q++] = s;
  }
  pos.sort();
  neg.sort();
  // below: negatives < s; notAbove: negatives ≤ s. Both only move forward as s rises.
  let below = 0;
  let notAbove = 0;
  let wins = 0; // in halves, so that the sum stays an exact integer
  for (let i = 0; i < nPos; i++) {
    const s = pos[i]!;
    while (below < nNeg && neg[below]! < s) below++;
    if (notAbove < below) notAbove = below;
    while (notAbove < nNeg && neg[notAbove]! <= s) notAbove++;
    wins += below + notAbove;
  }
  return wins / 2 / nPos / nNeg;
}
