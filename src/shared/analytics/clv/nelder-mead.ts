/**
 * A Nelder–Mead simplex minimiser (the `fmin` package is broken as published, references §5). Standard
 * coefficients (reflect 1, expand 2, contract ½, shrink ½). After a run converges it restarts from the
 * best point with a fresh simplex, because a collapsed simplex can stall away from the minimum; it stops
 * when a restart no longer improves the value by more than fTolerance.
 */

export type NelderMeadOptions = {
  /** Side of the initial simplex along each axis (default 0.5: the models optimise log-parameters). */
  initialStep?: number;
  /** Converged when every vertex is within this distance (max norm) of the best (default 1e-6). */
  xTolerance?: number;
  /** …and the values of the vertices differ by at most this much (default 1e-10). */
  fTolerance?: number;
  /** Iterations per run (default 5,000). */
  maxIterations?: number;
  /** Restarts from the best point after the first run (default 2). */
  restarts?: number;
};

export type NelderMeadResult = {
  x: number[];
  fx: number;
  /** Whether the last run met both tolerances (a run cut off by maxIterations has not). */
  converged: boolean;
  /** Iterations over all runs. */
  iterations: number;
  /** Objective evaluations over all runs. */
  evaluations: number;
};

type Run = { x: number[]; fx: number; converged: boolean; iterations: number };

/** Minimises f from x0. f may return Infinity (or NaN, taken as Infinity) to reject a point. */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const settings = {
    initialStep: options.initialStep ?? 0.5,
    xTolerance: options.xTolerance ?? 1e-6,
    fTolerance: options.fTolerance ?? 1e-10,
    maxIterations: options.maxIterations ?? 5_000,
  };
  let evaluations = 0;
  const evaluate = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  let best = runSimplex(evaluate, x0, settings);
  let iterations = best.iterations;
  for (let i = 0; i < (options.restarts ?? 2); i++) {
    const next = runSimplex(evaluate, best.x, settings);
    iterations += next.iterations;
    const improved = best.fx - next.fx;
    if (next.fx <= best.fx) best = next;
    if (!(improved > settings.fTolerance)) break;
  }
  return { x: best.x, fx: best.fx, converged: best.converged, iterations, evaluations };
}

function runSimplex(
  evaluate: (x: readonly number[]) => number,
  x0: readonly number[],
  s: { initialStep: number; xTolerance: number; fTolerance: number; maxIterations: number },
): Run {
  const n = x0.length;
  const points: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i]! += s.initialStep;
    points.push(p);
  }
  const values = points.map(evaluate);
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Array<number>(n).fill(0);
  const along = (t: number, worst: number[]): number[] => centroid.map((c, j) => c + t * (worst[j]! - c));

  for (let iteration = 1; iteration <= s.maxIterations; iteration++) {
    order.sort((i, j) => values[i]! - values[j]!);
    const bestI = order[0]!;
    const worstI = order[n]!;
    if (converged(points, values, order, s)) {
      return { x: points[bestI]!, fx: values[bestI]!, converged: true, iterations: iteration - 1 };
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k]!]!;
      for (let j = 0; j < n; j++) centroid[j]! += p[j]! / n;
    }
    const worst = points[worstI]!;
    const fBest = values[bestI]!;
    const fSecond = values[order[n - 1]!]!;
    const fWorst = values[worstI]!;
    const reflected = along(-1, worst);
    const fr = evaluate(reflected);
    let accept: [number[], number] | null = null;
    if (fr < fBest) {
      const expanded = along(-2, worst);
      const fe = evaluate(expanded);
      accept = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < fSecond) {
      accept = [reflected, fr];
    } else {
      // Contract outside when the reflection beat the worst point, inside otherwise.
      const contracted = fr < fWorst ? along(-0.5, worst) : along(0.5, worst);
      const fc = evaluate(contracted);
      if (fc < Math.min(fr, fWorst)) accept = [contracted, fc];
    }
    if (accept) {
      points[worstI] = accept[0];
      values[worstI] = accept[1];
      continue;
    }
    const b = points[bestI]!;
    for (const i of order.slice(1)) {
      points[i] = points[i]!.map((v, j) => b[j]! + 0.5 * (v - b[j]!));
      values[i] = evaluate(points[i]!);
    }
  }
  order.sort((i, j) => values[i]! - values[j]!);
  const bestI = order[0]!;
  return { x: points[bestI]!, fx: values[bestI]!, converged: false, iterations: s.maxIterations };
}

function converged(
  points: number[][],
  values: number[],
  order: number[],
  s: { xTolerance: number; fTolerance: number },
): boolean {
  const best = points[order[0]!]!;
  const fBest = values[order[0]!]!;
  for (const i of order.slice(1)) {
    if (!(values[i]! - fBest <= s.fTolerance)) return false;
    const p = points[i]!;
    for (let j = 0; j < best.length; j++) if (Math.abs(p[j]! - best[j]!) > s.xTolerance) return false;
  }
  return true;
}
