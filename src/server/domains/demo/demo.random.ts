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

/** A 32-bit hash of a few integers (seed, stream, index…); used to give every entity its own stream. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = mix32(h ^ mix32(p | 0));
    h = (h + Math.imul(Math.floor(p / 0x100000000) | 0, 0x27d4eb2f)) | 0;
  }
  return mix32(h);
}

/** A random number source: `next()` is uniform in [0, 1). */
export type Rng = {
  next(): number;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /** exp(mu + sigma·N(0,1)). */
  lognormal(mu: number, sigma: number): number;
  /** Pareto type I: xm / U^(1/alpha), at least xm. */
  pareto(xm: number, alpha: number): number;
};

/** mulberry32: tiny, fast, passes the usual statistical batteries for this kind of use. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    normal: () => {
      const u = 1 - next(); // (0, 1]: log(u) is finite
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    lognormal: (mu, sigma) => Math.exp(mu + sigma * rng.normal()),
    pareto: (xm, alpha) => xm / (1 - next()) ** (1 / alpha),
  };
  return rng;
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
