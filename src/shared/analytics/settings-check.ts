/**
 * Pure checks of a value configuration beyond its zod schema, for the settings API (each issue names the
 * field, so the problem+json can point at it) and for the engine itself.
 */
import { validateCutOffs } from './abc';
import { validateMatrix } from './matrix-assign';
import { NO_RFM_SEGMENT, OTHERS_SEGMENT } from './rfm-segments';
import type { MatrixDefinition } from './value-matrix';
import type { RfmSegmentRule, ValueSettings } from './value-settings';

export type SettingsIssue = { path: string; code: string; detail?: string };

const RESERVED_SEGMENTS = new Set([OTHERS_SEGMENT, NO_RFM_SEGMENT]);

/** Segment rules: unique keys (not 'others' or 'no_rfm'), every range low ≤ high. */
export function segmentRuleIssues(rules: readonly RfmSegmentRule[]): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (RESERVED_SEGMENTS.has(rule.key))
      issues.push({ path: `rfm.segments.${i}.key`, code: 'segment_key_reserved', detail: rule.key });
    else if (seen.has(rule.key))
      issues.push({ path: `rfm.segments.${i}.key`, code: 'segment_key_twice', detail: rule.key });
    seen.add(rule.key);
    for (const axis of ['r', 'f', 'm'] as const)
      if (rule[axis][0] > rule[axis][1])
        issues.push({
          path: `rfm.segments.${i}.${axis}`,
          code: 'range_not_increasing',
          detail: rule[axis].join('–'),
        });
  });
  return issues;
}

/** Everything wrong with a configuration (empty: usable). */
export function valueSettingsIssues(settings: ValueSettings): SettingsIssue[] {
  return [
    ...validateCutOffs(settings.abc.aCut, settings.abc.bCut).map((i) => ({
      path: `abc.${i.path}`,
      code: i.code,
    })),
    ...segmentRuleIssues(settings.rfm.segments),
  ];
}

/** Everything wrong with a set of matrices: each one's issues, and keys used twice. */
export function matricesIssues(matrices: readonly MatrixDefinition[]): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const keys = new Set<string>();
  for (const m of matrices) {
    if (keys.has(m.key)) issues.push({ path: `matrices.${m.key}`, code: 'matrix_key_twice' });
    keys.add(m.key);
    for (const i of validateMatrix(m))
      issues.push({ path: `matrices.${m.key}.${i.path}`, code: i.code, detail: i.detail });
  }
  return issues;
}
