/**
 * Factor matrices: validation and cell assignment (definitions in value-matrix.ts).
 * A numeric axis with cuts c₀ < c₁ < … has bands (−∞, c₀), [c₀, c₁), …, [c_last, ∞); an ordered axis
 * maps each listed value to its band. A customer whose factor is missing, null, not a number (numeric
 * axis) or not listed (ordered axis) lands in no cell of that matrix.
 */
import type { MatrixAxis, MatrixDefinition } from './value-matrix';

export type MatrixIssueCode =
  | 'cuts_not_increasing'
  | 'value_in_two_bands'
  | 'cell_outside_grid'
  | 'cell_twice'
  | 'cell_missing'
  | 'cell_key_twice';

export type MatrixIssue = { path: string; code: MatrixIssueCode; detail?: string };

export const bandCount = (axis: MatrixAxis): number =>
  axis.kind === 'numeric' ? axis.cuts.length + 1 : axis.bands.length;

function axisIssues(axis: MatrixAxis, name: 'x' | 'y'): MatrixIssue[] {
  const issues: MatrixIssue[] = [];
  if (axis.kind === 'numeric') {
    axis.cuts.forEach((cut, i) => {
      if (i > 0 && !(cut > axis.cuts[i - 1]!))
        issues.push({ path: `${name}.cuts.${i}`, code: 'cuts_not_increasing', detail: String(cut) });
    });
  } else {
    const seen = new Map<string, number>();
    axis.bands.forEach((band, b) => {
      band.forEach((value, j) => {
        if (seen.has(value))
          issues.push({ path: `${name}.bands.${b}.${j}`, code: 'value_in_two_bands', detail: value });
        else seen.set(value, b);
      });
    });
  }
  return issues;
}

/** Every problem of a definition (empty: valid): axes well formed, every band pair exactly one cell. */
export function validateMatrix(def: MatrixDefinition): MatrixIssue[] {
  const issues = [...axisIssues(def.x, 'x'), ...axisIssues(def.y, 'y')];
  const nx = bandCount(def.x);
  const ny = bandCount(def.y);
  const filled = new Set<number>();
  const keys = new Set<string>();
  def.cells.forEach((cell, i) => {
    if (keys.has(cell.key)) issues.push({ path: `cells.${i}.key`, code: 'cell_key_twice', detail: cell.key });
    keys.add(cell.key);
    if (cell.x >= nx || cell.y >= ny) {
      issues.push({ path: `cells.${i}`, code: 'cell_outside_grid', detail: `${cell.x},${cell.y}` });
      return;
    }
    const at = cell.x * ny + cell.y;
    if (filled.has(at))
      issues.push({ path: `cells.${i}`, code: 'cell_twice', detail: `${cell.x},${cell.y}` });
    filled.add(at);
  });
  for (let x = 0; x < nx; x++)
    for (let y = 0; y < ny; y++)
      if (!filled.has(x * ny + y)) issues.push({ path: 'cells', code: 'cell_missing', detail: `${x},${y}` });
  return issues;
}

/** A factor value as a number (finite numbers and numeric strings), else null. */
export function numericFactor(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export type CompiledAxis = { factor: string; band(value: string | number | null | undefined): number };

export function compileAxis(axis: MatrixAxis): CompiledAxis {
  if (axis.kind === 'numeric') {
    const cuts = axis.cuts;
    return {
      factor: axis.factor,
      band(value) {
        const v = numericFactor(value);
        if (v === null) return -1;
        let b = 0;
        while (b < cuts.length && v >= cuts[b]!) b++;
        return b;
      },
    };
  }
  const bandOf = new Map<string, number>();
  axis.bands.forEach((band, b) => {
    for (const value of band) if (!bandOf.has(value)) bandOf.set(value, b);
  });
  return {
    factor: axis.factor,
    band: (value) => (value === null || value === undefined ? -1 : (bandOf.get(String(value)) ?? -1)),
  };
}

export type CompiledMatrix = {
  key: string;
  x: CompiledAxis;
  y: CompiledAxis;
  ny: number;
  /** Index into def.cells at x × ny + y. */
  cellAt: Int16Array;
  /** Cell keys in definition order. */
  keys: string[];
};

/** Prepares a valid matrix for fast assignment; throws on an invalid one (validate first). */
export function compileMatrix(def: MatrixDefinition): CompiledMatrix {
  const issues = validateMatrix(def);
  if (issues.length > 0) throw new MatrixError(def.key, issues);
  const ny = bandCount(def.y);
  const cellAt = new Int16Array(bandCount(def.x) * ny);
  def.cells.forEach((cell, i) => {
    cellAt[cell.x * ny + cell.y] = i;
  });
  return {
    key: def.key,
    x: compileAxis(def.x),
    y: compileAxis(def.y),
    ny,
    cellAt,
    keys: def.cells.map((c) => c.key),
  };
}

type FactorValue = string | number | null | undefined;
type FactorReader = (name: string) => FactorValue;

/** The index (in def.cells) of the cell for the two factor values, or −1. */
export function cellOf(m: CompiledMatrix, x: FactorValue, y: FactorValue): number {
  const bx = m.x.band(x);
  if (bx < 0) return -1;
  const by = m.y.band(y);
  if (by < 0) return -1;
  return m.cellAt[bx * m.ny + by]!;
}

/** The index (in def.cells) of the cell for a customer's factors, or −1. */
export const cellIndex = (m: CompiledMatrix, factor: FactorReader): number =>
  cellOf(m, factor(m.x.factor), factor(m.y.factor));

/** The cell key for a customer's factors (factor name → value), or null. */
export function assignCell(m: CompiledMatrix, factor: FactorReader): string | null {
  const i = cellIndex(m, factor);
  return i < 0 ? null : m.keys[i]!;
}

export class MatrixError extends Error {
  constructor(
    readonly matrixKey: string,
    readonly issues: MatrixIssue[],
  ) {
    super(`matrix ${matrixKey}: ${issues.map((i) => `${i.path} ${i.code}`).join('; ')}`);
    this.name = 'MatrixError';
  }
}
