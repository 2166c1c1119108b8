/**
 * Latency statistics for the benchmark: pure functions over plain numbers, no I/O.
 */

/** One measured request: its latency in milliseconds (high-resolution) and HTTP status (0: no answer). */
export type Sample = { ms: number; status: number };

export type LatencySummary = {
  requests: number;
  /** Requests that did not answer 2xx (including network failures, status 0). */
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Requests per second over the measured window. */
  rps: number;
  /** How many requests answered each status, e.g. { "200": 9812, "404": 3 }. */
  statuses: Record<string, number>;
};

/**
 * The p-th percentile (0–100) of an ascending array, interpolating linearly between the closest ranks
 * (NumPy's default, "R-7"). NaN for an empty array.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0]!;
  if (p >= 100) return sorted[sorted.length - 1]!;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

export const isSuccess = (status: number) => status >= 200 && status < 300;

/** Summarises the samples of one scenario measured over `elapsedMs`. */
export function summarize(samples: readonly Sample[], elapsedMs: number): LatencySummary {
  const sorted = Float64Array.from(samples, (s) => s.ms).sort();
  const values = Array.from(sorted);
  const statuses: Record<string, number> = {};
  let errors = 0;
  for (const s of samples) {
    statuses[s.status] = (statuses[s.status] ?? 0) + 1;
    if (!isSuccess(s.status)) errors++;
  }
  const total = values.reduce((sum, v) => sum + v, 0);
  return {
    requests: samples.length,
    errors,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? values[values.length - 1]! : Number.NaN,
    mean: values.length ? total / values.length : Number.NaN,
    rps: elapsedMs > 0 ? (samples.length * 1000) / elapsedMs : 0,
    statuses,
  };
}

/** True when every request answered 404 (or 405): the endpoint does not exist on this server. */
export function endpointMissing(summary: LatencySummary): boolean {
  const missing = (summary.statuses['404'] ?? 0) + (summary.statuses['405'] ?? 0);
  return summary.requests > 0 && missing === summary.requests;
}
