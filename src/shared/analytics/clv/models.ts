/**
 * The CLV models' public surface, and fitModels: BG/NBD + Gamma-Gamma fitted on a calibration summary,
 * predictions per customer, and warnings. A model whose data are too few, or whose fit did not
 * converge, gives no predictions (null and a 'withheld' warning): never invented numbers.
 */
import { type BgNbdFit, fitBgNbd } from './bgnbd';
import { type ClvOptions, type Scores, scoreCustomers } from './clv';
import { bgnbdDataWarnings, type FitWarning, fitWarnings, gammaGammaDataWarnings } from './fit-warnings';
import { fitGammaGamma, type GammaGammaFit } from './gamma-gamma';
import type { NelderMeadOptions } from './nelder-mead';

export type { BgNbdFit, BgNbdFitOptions, BgNbdParams } from './bgnbd';
export { bgnbdLogLikelihood, bgnbdRowLogLikelihood, fitBgNbd } from './bgnbd';
export {
  conditionalExpectedPurchases,
  expectedPurchases,
  pAlive,
  probabilityOfPurchases,
} from './bgnbd-predict';
export type {
  CalibrationData,
  CalibrationOptions,
  CalibrationRow,
  ClvPeriod,
  PurchaseRecord,
} from './calibration';
export { calibrationSummary, PERIOD_DAYS } from './calibration';
export type { ClvCustomer, ClvOptions, ScoreColumns, ScoreModels, Scores } from './clv';
export { customerLifetimeValue, scoreCustomers } from './clv';
export type { ClvErrorCode } from './clv-errors';
export { ClvError } from './clv-errors';
export type { HoldoutGroup, Tracking, TrackingInput } from './diagnostics';
export { calibrationVsHoldout, trackingSeries } from './diagnostics';
export type { FitWarning, FitWarningCode } from './fit-warnings';
export {
  bgnbdDataWarnings,
  fitWarnings,
  gammaGammaDataWarnings,
  MIN_CUSTOMERS,
  MIN_REPEATERS,
  MIN_SPENDERS,
} from './fit-warnings';
export type { GammaGammaFit, GammaGammaParams, SpendColumns, SpendRow } from './gamma-gamma';
export {
  conditionalExpectedSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  populationMeanSpend,
} from './gamma-gamma';
export type { CompressedRows, SummaryColumns, SummaryRow } from './summary-rows';
export { compressRows } from './summary-rows';

export type FitRow = { x: number; t_x: number; T: number; zbar: number; margin?: number };

export type FitModelsOptions = ClvOptions & { nelderMead?: NelderMeadOptions };

export type FittedModels = {
  /** null when withheld (see warnings). */
  bgnbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
  warnings: FitWarning[];
  /** Per row, in the rows' order; null when BG/NBD is withheld. Spend and CLV are null without Gamma-Gamma. */
  predictions: Scores | null;
};

const withholds = (warnings: readonly FitWarning[], model: FitWarning['model']) =>
  warnings.some((w) => w.model === model && w.withheld);

/** The models alone (null where withheld), for a caller that fits on a sample and scores everyone. */
export function fitModelsOnly(
  rows: readonly FitRow[],
  options: { nelderMead?: NelderMeadOptions },
): Omit<FittedModels, 'predictions'> {
  const warnings = [...bgnbdDataWarnings(rows), ...gammaGammaDataWarnings(rows)];
  const fitOptions = { nelderMead: options.nelderMead };
  const bg = withholds(warnings, 'bgnbd') ? null : fitBgNbd(rows, fitOptions);
  const gg = withholds(warnings, 'gamma_gamma') || !bg ? null : fitGammaGamma(rows, fitOptions);
  warnings.push(...fitWarnings(bg, gg));
  const bgnbd = bg && !withholds(warnings, 'bgnbd') ? bg : null;
  const gammaGamma = bgnbd && gg && !withholds(warnings, 'gamma_gamma') ? gg : null;
  return { bgnbd, gammaGamma, warnings };
}

export function fitModels(rows: readonly FitRow[], options: FitModelsOptions): FittedModels {
  const { bgnbd, gammaGamma, warnings } = fitModelsOnly(rows, options);
  if (!bgnbd) return { bgnbd, gammaGamma: null, warnings, predictions: null };
  const columns = {
    x: Float64Array.from(rows, (r) => r.x),
    t_x: Float64Array.from(rows, (r) => r.t_x),
    T: Float64Array.from(rows, (r) => r.T),
    zbar: Float64Array.from(rows, (r) => r.zbar),
    margin: rows.some((r) => r.margin !== undefined)
      ? Float64Array.from(rows, (r) => r.margin ?? 1)
      : undefined,
  };
  return {
    bgnbd,
    gammaGamma,
    warnings,
    predictions: scoreCustomers({ bgnbd, gammaGamma }, columns, options),
  };
}
