/**
 * The Pfeifer & Carraway (2000) customer migration model (references §1e): a customer's expected value
 * per state of a Markov chain with rewards.
 *
 *   infinite horizon  V = (I − P/(1+d))⁻¹ R
 *   finite horizon    V_T = Σ_{t=0..T} (P/(1+d))ᵗ R, computed as V_0 = R, V_t = R + P V_{t−1} / (1+d)
 *
 * P is the transition matrix (rows sum to 1), R the reward collected in each state per period (e.g. net
 * contribution of a purchase − marketing cost), d the discount rate per period.
 */
import { solveLinear } from './linear-solve';

type Matrix = readonly (readonly number[])[];

function checkModel(p: Matrix, r: readonly number[], d: number): void {
  if (p.length !== r.length || p.some((row) => row.length !== r.length))
    throw new RangeError('P must be n × n with R of n');
  if (!(d > -1)) throw new RangeError('the discount rate must be above −1');
}

/** V = (I − P/(1+d))⁻¹ R. */
export function migrationValue(p: Matrix, r: readonly number[], d: number): number[] {
  checkModel(p, r, d);
  const a = p.map((row, i) => row.map((x, j) => (i === j ? 1 : 0) - x / (1 + d)));
  return solveLinear(a, r);
}

/** [V_0, V_1, …, V_T]: the value over the next 0 … T periods. */
export function finiteHorizonValues(p: Matrix, r: readonly number[], d: number, horizon: number): number[][] {
  checkModel(p, r, d);
  const out: number[][] = [[...r]];
  for (let t = 1; t <= horizon; t++) {
    const prev = out[t - 1]!;
    out.push(r.map((ri, i) => ri + p[i]!.reduce((s, pij, j) => s + pij * prev[j]!, 0) / (1 + d)));
  }
  return out;
}

/**
 * The recency chain of the paper: state i = i+1 periods since the last purchase (the last state = "n or
 * more"). A customer in state i buys with probability buy[i] and moves to state 1; otherwise to state
 * i+1 (the last state stays).
 */
export function recencyChain(buy: readonly number[]): number[][] {
  const n = buy.length;
  return buy.map((b, i) => {
    if (!(b >= 0 && b <= 1)) throw new RangeError('purchase probabilities must be in [0, 1]');
    const row = new Array<number>(n).fill(0);
    row[0]! += b;
    row[Math.min(i + 1, n - 1)]! += 1 - b;
    return row;
  });
}
