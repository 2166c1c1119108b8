/**
 * RFM scores by rank (issue 5 item 3): score = 1 + floor(5 × (k − 1) / n), where n is the number of
 * scored customers and k the lowest 1-based ascending rank in the customer's tie group — the number of
 * customers with a strictly smaller key, plus one. Equal keys therefore always share a score, and
 * without ties the five bins differ in size by at most one.
 *
 * R ranks −(days since the last order), so the most recent customers get R = 5; F ranks purchase days
 * and M revenue in the window, highest = 5. Only customers with an order in the window are scored.
 */
import { releaseScratch, scratchKeys, tieGroupRanks } from './ranking';

/** The 1–5 score of every key, higher keys scoring higher (`keys` may be a scratch buffer). */
export function rankScores(keys: Float64Array): Uint8Array {
  const n = keys.length;
  const k = tieGroupRanks(keys);
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[i] = 1 + Math.floor((5 * (k[i]! - 1)) / n);
  return scores;
}

export type RfmScoreInput = { recencyDays: number; frequency: number; monetaryCents: number };
export type RfmScores = { r: number; f: number; m: number };

/** Scores a set of customers (all of whom have an order in the window). */
export function scoreRfm(customers: readonly RfmScoreInput[]): RfmScores[] {
  const score = (key: (c: RfmScoreInput) => number) => {
    const keys = scratchKeys(customers.length);
    customers.forEach((c, i) => {
      keys[i] = key(c);
    });
    return rankScores(keys);
  };
  const r = score((c) => -c.recencyDays);
  const f = score((c) => c.frequency);
  const m = score((c) => c.monetaryCents);
  releaseScratch();
  return customers.map((_, i) => ({ r: r[i]!, f: f[i]!, m: m[i]! }));
}
