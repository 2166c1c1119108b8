import type { MatrixAxis } from '../../../shared/analytics/value-matrix';

/** A matrix axis as the editor shows it: cut points or bands as text. */
export type AxisText = { kind: 'numeric' | 'ordered'; factor: string; text: string };

export const axisText = (a: MatrixAxis): AxisText =>
  a.kind === 'numeric'
    ? { kind: 'numeric', factor: a.factor, text: a.cuts.join(', ') }
    : { kind: 'ordered', factor: a.factor, text: a.bands.map((b) => b.join(', ')).join('\n') };

/** Cut points "1, 5.5, 10" or bands "C, B\nA, AA" (one line per band, low first) → an axis. */
export function parseAxis(a: AxisText): MatrixAxis {
  if (a.kind === 'numeric')
    return {
      kind: 'numeric',
      factor: a.factor.trim(),
      cuts: a.text
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map(Number),
    };
  return {
    kind: 'ordered',
    factor: a.factor.trim(),
    bands: a.text
      .split('\n')
      .map((line) =>
        line
          .split(/[,，]/)
          .map((v) => v.trim())
          .filter(Boolean),
      )
      .filter((b) => b.length > 0),
  };
}

export const bandCount = (a: MatrixAxis) => (a.kind === 'numeric' ? a.cuts.length + 1 : a.bands.length);
