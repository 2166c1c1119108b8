/** A small dense linear solver (Gauss–Jordan elimination with partial pivoting), for the Markov models. */

export class SingularMatrixError extends Error {
  constructor() {
    super('the matrix is singular');
    this.name = 'SingularMatrixError';
  }
}

/** Solves A x = b. A is n × n; neither argument is modified. Throws SingularMatrixError. */
export function solveLinear(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  if (a.length !== n || a.some((row) => row.length !== n))
    throw new RangeError('A must be n × n with b of n');
  const m = a.map((row, i) => [...row, b[i]!]);
  const scale = Math.max(1, ...a.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) <= 1e-12 * scale) throw new SingularMatrixError();
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]!;
    const inv = 1 / p[col]!;
    for (let c = col; c <= n; c++) p[c] = p[c]! * inv;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r]!;
      const f = row[col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c] = row[c]! - f * p[c]!;
    }
  }
  return m.map((row) => row[n]!);
}
