/**
 * Standard errors for maximum-likelihood fits done in transformed-parameter space (θ = ln params): the
 * central-difference Hessian H of the TOTAL negative log-likelihood at θ̂ gives Cov(θ) = H⁻¹, and the delta
 * method Cov(params) = J·H⁻¹·J with J = diag(dparam/dθ) (= diag(params) for log-parameters).
 */
import { SingularMatrixError, solveLinear } from '../linear-solve';

/**
 * Central differences with a step of h·max(1, |θᵢ|). The default 1e-4 balances truncation (∝ h²) against
 * the rounding of a sum of many log-likelihood terms (∝ ε·|f|/h²).
 */
export function centralHessian(
  f: (x: readonly number[]) => number,
  x: readonly number[],
  h = 1e-4,
): number[][] {
  const n = x.length;
  const steps = x.map((v) => h * Math.max(1, Math.abs(v)));
  const at = (di: number, si: number, dj = -1, sj = 0): number => {
    const p = x.slice();
    p[di]! += si * steps[di]!;
    if (dj >= 0) p[dj]! += sj * steps[dj]!;
    return f(p);
  };
  const f0 = f(x);
  const hess = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    hess[i]![i] = (at(i, 1) - 2 * f0 + at(i, -1)) / (steps[i]! * steps[i]!);
    for (let j = 0; j < i; j++) {
      const v =
        (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * steps[i]! * steps[j]!);
      hess[i]![j] = v;
      hess[j]![i] = v;
    }
  }
  return hess;
}

/** H⁻¹ by solving H·c = eₖ column by column; null when H is singular (a flat direction: no SEs). */
export function invertMatrix(m: readonly (readonly number[])[]): number[][] | null {
  const n = m.length;
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  try {
    for (let k = 0; k < n; k++) {
      const column = solveLinear(
        m,
        m.map((_, i) => (i === k ? 1 : 0)),
      );
      for (let i = 0; i < n; i++) inverse[i]![k] = column[i]!;
    }
  } catch (error) {
    if (error instanceof SingularMatrixError) return null;
    throw error;
  }
  return inverse;
}

/**
 * Cov(params) = J·H⁻¹·J with J = diag(dparamᵢ/dθᵢ), from the Hessian of the total negative
 * log-likelihood in θ; null when the Hessian is singular.
 */
export function deltaMethodCovariance(
  hessian: readonly (readonly number[])[],
  derivatives: readonly number[],
): number[][] | null {
  const inverse = invertMatrix(hessian);
  if (!inverse) return null;
  return inverse.map((row, i) => row.map((v, j) => derivatives[i]! * v * derivatives[j]!));
}

/**
 * Standard errors from that covariance: NaN for a parameter whose variance is not positive (the fit is
 * not at a proper maximum in that direction), all NaN when the Hessian is singular.
 */
export function deltaMethodStandardErrors(
  hessian: readonly (readonly number[])[],
  derivatives: readonly number[],
): number[] {
  const cov = deltaMethodCovariance(hessian, derivatives);
  return derivatives.map((_, i) => {
    const variance = cov ? cov[i]![i]! : Number.NaN;
    return variance > 0 ? Math.sqrt(variance) : Number.NaN;
  });
}
