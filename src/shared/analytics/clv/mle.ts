/**
 * Maximum likelihood in transformed-parameter space (θ, e.g. ln params), shared by the models: Nelder–Mead
 * on the mean negative log-likelihood (its scale does not grow with the data, so one tolerance fits all),
 * then the central-difference Hessian of the TOTAL negative log-likelihood at θ̂ for standard errors.
 */
import { centralHessian } from './hessian';
import { type NelderMeadOptions, nelderMead } from './nelder-mead';

/** θ beyond ±12 (e^12 ≈ 1.6·10⁵) is rejected: a flat direction cannot run off to overflow. */
export const THETA_BOUND = 12;

export type MleResult = {
  theta: number[];
  /** Hessian of the total negative log-likelihood in θ at θ̂. */
  hessian: number[][];
  converged: boolean;
  iterations: number;
  evaluations: number;
  /** Whether some θ ended within 0.5 of the bound: the data do not pin that parameter down. */
  atBound: boolean;
};

export function maximiseLikelihood(
  logLikelihood: (theta: readonly number[]) => number,
  start: readonly number[],
  customers: number,
  options?: NelderMeadOptions,
): MleResult {
  const negative = (theta: readonly number[]): number =>
    theta.some((v) => Math.abs(v) > THETA_BOUND) ? Number.POSITIVE_INFINITY : -logLikelihood(theta);
  const result = nelderMead((theta) => negative(theta) / customers, start, options);
  return {
    theta: result.x,
    hessian: centralHessian(negative, result.x),
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations,
    atBound: result.x.some((v) => Math.abs(v) > THETA_BOUND - 0.5),
  };
}
