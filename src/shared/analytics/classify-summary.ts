/** The classification summary: counts and value shares per ABC class, RFM segment, tier and matrix cell. */
import { NO_RFM_SEGMENT, OTHERS_SEGMENT } from './rfm-segments';
import {
  ABC_CLASSES,
  type ClassificationSummary,
  type ClassSummary,
  type CustomerValueInput,
  type CustomerVerdict,
  VALUE_TIERS,
} from './value.contract';
import type { MatrixDefinition } from './value-matrix';
import type { ValueSettings } from './value-settings';

const empty = (): ClassSummary => ({ count: 0, valueCents: 0, share: 0 });

function bucketsOf(keys: readonly string[]): Record<string, ClassSummary> {
  const out: Record<string, ClassSummary> = {};
  for (const k of keys) out[k] = empty();
  return out;
}

function add(bucket: Record<string, ClassSummary>, key: string, value: number): void {
  let b = bucket[key];
  if (!b) {
    b = empty();
    bucket[key] = b;
  }
  b.count++;
  b.valueCents += value;
}

export function buildSummary(
  verdicts: readonly CustomerVerdict[],
  inputs: readonly CustomerValueInput[],
  settings: ValueSettings,
  matrices: readonly MatrixDefinition[],
  asOf: string,
  totalPositive: number,
): ClassificationSummary {
  const abc = bucketsOf(ABC_CLASSES);
  const tiers = bucketsOf(VALUE_TIERS);
  const segments = bucketsOf([...settings.rfm.segments.map((s) => s.key), OTHERS_SEGMENT, NO_RFM_SEGMENT]);
  const cells: Record<string, Record<string, ClassSummary>> = {};
  for (const m of matrices) cells[m.key] = bucketsOf(m.cells.map((c) => c.key));
  let future = 0;
  const flagCounts = { no_orders: 0, negative_value: 0, no_rfm: 0 };
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    const value = v.abcExplain.valueCents;
    add(abc, v.abc, value);
    add(tiers, v.tier, value);
    add(segments, v.rfm ? v.rfm.segment : NO_RFM_SEGMENT, value);
    for (const key in v.cells) add(cells[key]!, v.cells[key]!, value);
    future += inputs[i]!.futureOrders;
    for (const flag of v.flags) if (flag in flagCounts) flagCounts[flag as keyof typeof flagCounts]++;
  }
  const shares = (bucket: Record<string, ClassSummary>) => {
    for (const b of Object.values(bucket)) b.share = totalPositive > 0 ? b.valueCents / totalPositive : 0;
  };
  for (const bucket of [abc, tiers, segments, ...Object.values(cells)]) shares(bucket);
  const warnings: { code: string; count: number }[] = [];
  if (future > 0) warnings.push({ code: 'future_orders_ignored', count: future });
  for (const [code, count] of Object.entries(flagCounts)) if (count > 0) warnings.push({ code, count });
  return {
    customers: verdicts.length,
    asOf,
    basis: settings.abc.basis,
    totalPositiveValueCents: totalPositive,
    abc: abc as ClassificationSummary['abc'],
    segments,
    tiers: tiers as ClassificationSummary['tiers'],
    cells,
    warnings,
  };
}
