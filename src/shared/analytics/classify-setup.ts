/**
 * The classifier's set-up: the settings and matrices checked and compiled once per run, and the cell maps
 * the verdicts share.
 */
import { validateCutOffs } from './abc';
import { dayNumber } from './days';
import { ValueEngineError } from './engine-errors';
import { type CompiledMatrix, compileMatrix, MatrixError } from './matrix-assign';
import { segmentRuleIssues } from './settings-check';
import type { MatrixDefinition } from './value-matrix';
import type { ValueSettings } from './value-settings';

/** Refuses settings and matrices the engine cannot use (ValueEngineError). */
export function checkEngineInput(
  settings: ValueSettings,
  matrices: readonly MatrixDefinition[],
  asOf: string,
): CompiledMatrix[] {
  const [cutIssue] = validateCutOffs(settings.abc.aCut, settings.abc.bCut);
  if (cutIssue)
    throw new ValueEngineError(
      cutIssue.code,
      `abc.${cutIssue.path}`,
      `ABC cut-offs ${settings.abc.aCut} / ${settings.abc.bCut}: ${cutIssue.code}`,
    );
  const [ruleIssue] = segmentRuleIssues(settings.rfm.segments);
  if (ruleIssue)
    throw new ValueEngineError(
      'invalid_segment_rules',
      ruleIssue.path,
      `${ruleIssue.path}: ${ruleIssue.code}`,
    );
  if (Number.isNaN(dayNumber(asOf)))
    throw new ValueEngineError('invalid_as_of', 'asOf', `as-of is not a valid day: ${asOf}`);
  const keys = new Set<string>();
  return matrices.map((m) => {
    if (keys.has(m.key))
      throw new ValueEngineError('matrix_key_twice', `matrices.${m.key}`, `matrix key twice: ${m.key}`);
    keys.add(m.key);
    try {
      return compileMatrix(m);
    } catch (err) {
      if (err instanceof MatrixError)
        throw new ValueEngineError('invalid_matrix', `matrices.${m.key}.${err.issues[0]!.path}`, err.message);
      throw err;
    }
  });
}

/**
 * Cell maps shared by the verdicts with the same cells: the combination of cell indexes (−1 → none)
 * as a mixed-radix number (or, past 2^53 combinations, a string) → a frozen map. There are few
 * combinations, and a million customers.
 */
export function cellMaps(compiled: readonly CompiledMatrix[]) {
  const cache = new Map<number | string, Readonly<Record<string, string>>>();
  const picked = new Int32Array(compiled.length);
  const combinations = compiled.reduce((p, m) => p * (m.keys.length + 1), 1);
  const numeric = combinations <= Number.MAX_SAFE_INTEGER;
  return {
    picked,
    get(): Readonly<Record<string, string>> {
      let id: number | string = 0;
      if (numeric)
        for (let m = 0; m < compiled.length; m++) id = id * (compiled[m]!.keys.length + 1) + picked[m]! + 1;
      else id = picked.join(',');
      let map = cache.get(id);
      if (!map) {
        const cells: Record<string, string> = {};
        compiled.forEach((c, m) => {
          if (picked[m]! >= 0) cells[c.key] = c.keys[picked[m]!]!;
        });
        map = Object.freeze(cells);
        cache.set(id, map);
      }
      return map;
    },
  };
}
