/**
 * Small seeded pseudo-random numbers for the demo data set. Pure and deterministic: the same seed gives
 * the same sequence on every platform (32-bit integer arithmetic only until the final division).
 */

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of up to three integers (seed, stream, index); gives every entity its own stream. */
export function hash32(a: number, b = 0, c = 0): number {
  let h = mix32(0x9e3779b9 ^ mix32(a | 0));
  h = mix32(h ^ mix32(b | 0));
  h = mix32(h ^ mix32(c | 0) ^ mix32(Math.floor(c / 0x100000000) | 0));
  return h;
}

/**
 * A random number source, mulberry32: tiny, fast, and good enough for synthetic data.
 * A class rather than closures: one is made per customer per table, so construction must be cheap.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log(u) is finite
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** exp(mu + sigma·N(0,1)). */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Pareto type I: at least xm, tail index alpha. */
  pareto(xm: number, alpha: number): number {
    return xm / (1 - this.next()) ** (1 / alpha);
  }
}

export function createRng(seed: number): Rng {
  return new Rng(seed);
}

/** The random stream of one entity: independent of every other entity and of generation order. */
export function rngFor(seed: number, stream: number, index: number): Rng {
  return createRng(hash32(seed, stream, index));
}

/** A weighted choice, prepared once: O(log n) per draw. */
export type WeightedTable<T> = { items: readonly T[]; cumulative: Float64Array; total: number };

export function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, w], i) => {
    if (!(w >= 0)) throw new Error('weights must be non-negative');
    total += w;
    cumulative[i] = total;
  });
  if (total <= 0) throw new Error('weights must not all be zero');
  return { items: entries.map(([item]) => item), cumulative, total };
}

export function pickWeighted<T>(rng: Rng, table: WeightedTable<T>): T {
  const x = rng.next() * table.total;
  let lo = 0;
  let hi = table.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((table.cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return table.items[lo] as T;
}

/** k distinct items (k ≤ length), in random order; partial Fisher–Yates on a copy. */
export function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const copy = items.slice();
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

/**
 * Splits `total` units over n slots in proportion to weights, streaming: call `take(weight)` once per
 * slot in order; the counts sum to exactly `total` when the weights given sum to `weightSum`.
 * Cumulative rounding keeps each count within one of its exact share.
 */
export function proportionalAllocator(total: number, weightSum: number) {
  let cumulative = 0;
  let given = 0;
  return {
    take(weight: number): number {
      cumulative += weight;
      const target = weightSum > 0 ? Math.min(total, Math.round((total * cumulative) / weightSum)) : 0;
      const n = Math.max(0, target - given);
      given += n;
      return n;
    },
    /** Whatever rounding left over (0 when the weights summed as promised); give it to the last slot. */
    remainder(): number {
      return total - given;
    },
  };
}
