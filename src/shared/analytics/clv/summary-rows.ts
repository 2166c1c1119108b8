/**
 * The per-customer summary the BG/NBD model reads — x repeat purchases, the time t_x of the last one and
 * the customer's age T, both in periods since the first purchase — and its compressed form for fitting.
 */
import { ClvError } from './clv-errors';

export type SummaryRow = { x: number; t_x: number; T: number };

/** The same as columns (typed arrays at scale; plain arrays are fine too). */
export type SummaryColumns = {
  x: ArrayLike<number>;
  t_x: ArrayLike<number>;
  T: ArrayLike<number>;
};

/**
 * Identical rows merged with a weight, and x and the times replaced by indices into tables of their
 * distinct values: a fit then computes the terms that depend on x, or on a time, once per distinct
 * value and per evaluation (day-granular data have a few thousand distinct times at most).
 */
export type CompressedRows = {
  /** The distinct x values, ascending. */
  xs: Float64Array;
  /** The distinct times (t_x and T together), ascending. */
  times: Float64Array;
  /** Per compressed row: the index of its x in xs, of its t_x and T in times, and its weight. */
  ix: Uint32Array;
  itx: Uint32Array;
  iT: Uint32Array;
  weight: Float64Array;
  /** Σ weight: the number of customers. */
  customers: number;
};

export function toColumns(data: SummaryColumns | readonly SummaryRow[]): SummaryColumns {
  if (!Array.isArray(data)) return data as SummaryColumns;
  const rows = data as readonly SummaryRow[];
  return {
    x: Float64Array.from(rows, (r) => r.x),
    t_x: Float64Array.from(rows, (r) => r.t_x),
    T: Float64Array.from(rows, (r) => r.T),
  };
}

/** Throws ClvError 'invalid_summary_row' unless x is a whole number ≥ 0 and 0 ≤ t_x ≤ T (finite). */
export function checkSummaryRow(x: number, tx: number, T: number, index: number): void {
  const ok = Number.isInteger(x) && x >= 0 && tx >= 0 && tx <= T && Number.isFinite(T) && (x > 0 || tx === 0);
  if (!ok)
    throw new ClvError(
      'invalid_summary_row',
      `row ${index}: need a whole x ≥ 0 and 0 ≤ t_x ≤ T (t_x = 0 when x = 0), got x=${x}, t_x=${tx}, T=${T}`,
    );
}

/** The distinct values of a list, ascending, and a lookup from value to its index. */
function distinct(values: Float64Array): { sorted: Float64Array; index: Map<number, number> } {
  const copy = Float64Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < copy.length; i++) if (i === 0 || copy[i] !== copy[n - 1]) copy[n++] = copy[i]!;
  const sorted = copy.slice(0, n);
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) index.set(sorted[i]!, i);
  return { sorted, index };
}

/** Validates and compresses the rows; weights default to 1 (a weight of 0 drops the row). */
export function compressRows(
  data: SummaryColumns | readonly SummaryRow[],
  weights?: ArrayLike<number>,
): CompressedRows {
  const { x, t_x: tx, T } = toColumns(data);
  const n = x.length;
  if (tx.length !== n || T.length !== n || (weights && weights.length !== n))
    throw new RangeError('x, t_x, T (and weights) must have the same length');
  const bothTimes = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    checkSummaryRow(x[i]!, tx[i]!, T[i]!, i);
    bothTimes[2 * i] = tx[i]!;
    bothTimes[2 * i + 1] = T[i]!;
  }
  const xd = distinct(Float64Array.from(x));
  const td = distinct(bothTimes);
  const nt = td.sorted.length;
  // One number per (x, t_x, T) while it stays an exact integer; a string key beyond that.
  const numeric = xd.sorted.length * nt * nt < Number.MAX_SAFE_INTEGER;
  const slots = new Map<number | string, number>();
  const ix: number[] = [];
  const itx: number[] = [];
  const iT: number[] = [];
  const weight: number[] = [];
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    if (!(w >= 0)) throw new RangeError(`weight ${i} must be ≥ 0`);
    if (w === 0) continue;
    const a = xd.index.get(x[i]!)!;
    const b = td.index.get(tx[i]!)!;
    const c = td.index.get(T[i]!)!;
    const key = numeric ? (a * nt + b) * nt + c : `${a},${b},${c}`;
    const slot = slots.get(key);
    customers += w;
    if (slot !== undefined) {
      weight[slot]! += w;
      continue;
    }
    slots.set(key, weight.length);
    ix.push(a);
    itx.push(b);
    iT.push(c);
    weight.push(w);
  }
  return {
    xs: xd.sorted,
    times: td.sorted,
    ix: Uint32Array.from(ix),
    itx: Uint32Array.from(itx),
    iT: Uint32Array.from(iT),
    weight: Float64Array.from(weight),
    customers,
  };
}
