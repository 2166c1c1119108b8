/**
 * Tier migration as a Markov chain (issue 5 item 7). Between two runs, P[i][j] is the share of the
 * customers in state i in the first run who are in state j in the second; the distribution k runs ahead
 * is d · P^k. States are any labels: tiers (MVC, STC, BZ), ABC classes, segments.
 */

export type Transition = { from: string; to: string; count?: number };

export type TransitionMatrix = {
  states: string[];
  /** counts[i][j]: customers from state i to state j. */
  counts: number[][];
  /** Rows sum to 1. A state nobody was in gets an identity row (assumed to stay), listed in emptyRows. */
  p: number[][];
  emptyRows: string[];
  /** Transitions naming a state outside `states` (new or removed customers, say), not counted. */
  skipped: number;
};

/** The transition matrix from customer pairs (or pre-counted pairs, `count`). */
export function transitionMatrix(pairs: Iterable<Transition>, states: readonly string[]): TransitionMatrix {
  const index = new Map(states.map((s, i) => [s, i]));
  if (index.size !== states.length) throw new RangeError('states must be distinct');
  const n = states.length;
  const counts = states.map(() => new Array<number>(n).fill(0));
  let skipped = 0;
  for (const { from, to, count = 1 } of pairs) {
    const i = index.get(from);
    const j = index.get(to);
    if (i === undefined || j === undefined) skipped += count;
    else counts[i]![j]! += count;
  }
  const emptyRows: string[] = [];
  const p = counts.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    if (total === 0) {
      emptyRows.push(states[i]!);
      return row.map((_, j) => (j === i ? 1 : 0));
    }
    return row.map((c) => c / total);
  });
  return { states: [...states], counts, p, emptyRows, skipped };
}

/** dist · P (one step). */
export function stepDistribution(dist: readonly number[], p: readonly (readonly number[])[]): number[] {
  const n = dist.length;
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const d = dist[i]!;
    if (d === 0) continue;
    const row = p[i]!;
    for (let j = 0; j < n; j++) out[j]! += d * row[j]!;
  }
  return out;
}

/**
 * The distribution k runs ahead: dist · P^k. `dist` may be counts or shares (the result is in the same
 * unit). k = 0 returns a copy.
 */
export function projectDistribution(
  dist: readonly number[],
  p: readonly (readonly number[])[],
  k: number,
): number[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError('k must be a whole number ≥ 0');
  if (p.length !== dist.length) throw new RangeError('dist and P differ in size');
  let d = [...dist];
  for (let step = 0; step < k; step++) d = stepDistribution(d, p);
  return d;
}
