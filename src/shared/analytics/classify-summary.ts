/**
 * The classification summary: counts and value shares per ABC class, RFM segment, tier and matrix cell,
 * accumulated in typed arrays while the verdicts are made (no second pass, no string lookups).
 */
import { NO_RFM_SEGMENT, OTHERS_SEGMENT } from './rfm-segments';
import { ABC_CLASSES, type ClassificationSummary, type ClassSummary, VALUE_TIERS } from './value.contract';
import type { ValueSettings } from './value-settings';

/** Flag bits as classify.ts sets them: 1 negative_value, 2 no_orders, 4 future_orders_ignored, 8 no_rfm. */
const WARNED_FLAGS = [
  [2, 'no_orders'],
  [1, 'negative_value'],
  [8, 'no_rfm'],
] as const;

type Buckets = { count: Float64Array; value: Float64Array };
const buckets = (n: number): Buckets => ({ count: new Float64Array(n), value: new Float64Array(n) });

export class SummaryAccumulator {
  private readonly abc = buckets(3);
  private readonly tiers = buckets(3);
  /** Rule indexes, then 'others', then 'no_rfm'. */
  private readonly segments: Buckets;
  private readonly cells: Buckets[];
  private readonly flags = new Float64Array(16);
  private future = 0;

  constructor(
    private readonly segmentKeys: readonly string[],
    private readonly matrices: readonly { key: string; keys: readonly string[] }[],
  ) {
    this.segments = buckets(segmentKeys.length + 2);
    this.cells = matrices.map((m) => buckets(m.keys.length));
  }

  /** seg: rule index, −1 others, −2 no RFM; cells[k]: cell index in matrix k or −1. */
  add(
    value: number,
    abc: number,
    tier: number,
    seg: number,
    cells: Int32Array,
    flagMask: number,
    futureOrders: number,
  ): void {
    this.abc.count[abc]!++;
    this.abc.value[abc]! += value;
    this.tiers.count[tier]!++;
    this.tiers.value[tier]! += value;
    const s = seg >= 0 ? seg : seg === -1 ? this.segmentKeys.length : this.segmentKeys.length + 1;
    this.segments.count[s]!++;
    this.segments.value[s]! += value;
    for (let k = 0; k < this.cells.length; k++) {
      const c = cells[k]!;
      if (c < 0) continue;
      this.cells[k]!.count[c]!++;
      this.cells[k]!.value[c]! += value;
    }
    this.flags[flagMask]!++;
    this.future += futureOrders;
  }

  finish(p: {
    customers: number;
    asOf: string;
    basis: ValueSettings['abc']['basis'];
    totalPositive: number;
  }): ClassificationSummary {
    const record = (keys: readonly string[], b: Buckets): Record<string, ClassSummary> => {
      const out: Record<string, ClassSummary> = {};
      keys.forEach((key, i) => {
        const valueCents = b.value[i]!;
        out[key] = {
          count: b.count[i]!,
          valueCents,
          share: p.totalPositive > 0 ? valueCents / p.totalPositive : 0,
        };
      });
      return out;
    };
    const cells: ClassificationSummary['cells'] = {};
    this.matrices.forEach((m, k) => {
      cells[m.key] = record(m.keys, this.cells[k]!);
    });
    const warnings: { code: string; count: number }[] = [];
    if (this.future > 0) warnings.push({ code: 'future_orders_ignored', count: this.future });
    for (const [bit, code] of WARNED_FLAGS) {
      let count = 0;
      for (let mask = 0; mask < 16; mask++) if (mask & bit) count += this.flags[mask]!;
      if (count > 0) warnings.push({ code, count });
    }
    return {
      customers: p.customers,
      asOf: p.asOf,
      basis: p.basis,
      totalPositiveValueCents: p.totalPositive,
      abc: record(ABC_CLASSES, this.abc) as ClassificationSummary['abc'],
      segments: record([...this.segmentKeys, OTHERS_SEGMENT, NO_RFM_SEGMENT], this.segments),
      tiers: record(VALUE_TIERS, this.tiers) as ClassificationSummary['tiers'],
      cells,
      warnings,
    };
  }
}
