/**
 * The model check (issue 6 items 3 and 5), pure: the models refitted as of a past day (the calibration
 * end), every customer then scored, and the forecast held against the holdout that followed:
 *  - calibration vs holdout: mean repeat purchases by calibration repeats (Fader, Hardie & Lee 2005);
 *  - tracking: cumulative repeat purchases per period, actual and expected;
 *  - churn AUC: how well the churn risk at the calibration end ranks the customers who then bought
 *    nothing in the holdout (the holdout is the churn horizon, so the event is the one the score predicts).
 */

import { rocAuc } from './churn/roc-auc';
import type { ModelCheck } from './churn-api.schema';
import { calibrationVsHoldout, trackingSeries } from './clv/diagnostics';
import { PERIOD_DAYS } from './clv/models';
import { dayNumber } from './days';
import { predictForRun } from './predictions';
import type { CustomerValueInput } from './value.contract';
import type { ValueSettings } from './value-settings';

export type ModelCheckInput = {
  /** Every customer as of the calibration end. */
  inputs: readonly CustomerValueInput[];
  calibrationEnd: string;
  holdoutEnd: string;
  settings: ValueSettings;
  /** Purchase days per customer id in (calibration end, holdout end]. */
  holdoutDays: ReadonlyMap<number, number>;
  /** Customers per first purchase day and repeat purchase days per day (day numbers), up to the holdout end. */
  births: ReadonlyMap<number, number>;
  repeats: ReadonlyMap<number, number>;
  now?: Date;
};

export function checkModels(p: ModelCheckInput): ModelCheck {
  const { inputs, settings } = p;
  const periodDays = PERIOD_DAYS[settings.clv.period];
  const holdoutPeriods = (dayNumber(p.holdoutEnd) - dayNumber(p.calibrationEnd)) / periodDays;
  const { columns, model, rows: modelled } = predictForRun(inputs, p.calibrationEnd, settings);
  const { at, x, tx, T, m } = modelled;
  const holdout = new Float64Array(m);
  const scores: number[] = [];
  const churnedFlags: boolean[] = [];
  for (let k = 0; k < m; k++) {
    const input = inputs[at[k]!]!;
    holdout[k] = p.holdoutDays.get(input.customerId) ?? 0;
    const risk = columns.churnRisk[at[k]!]!;
    if (risk < 0) continue;
    scores.push(risk);
    churnedFlags.push(holdout[k] === 0);
  }
  const bg = model.bgnbd;
  const rows = Array.from({ length: m }, (_, k) => ({ x: x[k]!, t_x: tx[k]!, T: T[k]! }));
  return {
    calibrationEnd: p.calibrationEnd,
    holdoutEnd: p.holdoutEnd,
    period: settings.clv.period,
    holdoutPeriods,
    checkedAt: (p.now ?? new Date()).toISOString(),
    model,
    calibrationVsHoldout: bg ? calibrationVsHoldout(bg, rows, holdout, holdoutPeriods) : null,
    tracking: bg
      ? trackingSeries(bg, {
          births: p.births,
          repeats: p.repeats,
          periodDays,
          calibrationEnd: p.calibrationEnd,
          lastDay: p.holdoutEnd,
        })
      : null,
    churnAuc: scores.length ? rocAuc(scores, churnedFlags) : null,
    scored: scores.length,
    churned: churnedFlags.filter(Boolean).length,
  };
}
