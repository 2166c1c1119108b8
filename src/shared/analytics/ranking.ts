/**
 * Ranking helpers for a million customers, with no comparator sort (a JS comparator sort of a million
 * indexes costs 0.3–0.6 s, binary searches into a sorted copy as much again through cache misses):
 * a stable LSD radix sort, 16 bits per pass: whole numbers spanning less than 2^32 are sorted as key − min
 * (one or two passes), other keys by their IEEE-754 bits (four passes); a pass whose digit is the same for
 * every key is skipped.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Scratch buffers reused by the rankings of one classification. Every fresh typed array counts as
 * external memory, and each 64 MB of it makes V8 run a full garbage collection — which, next to a
 * million customers' inputs, costs 0.2–0.5 s each. classifyCustomers releases them when done.
 */
const pool = { f64: [] as Float64Array[], i32: [] as Int32Array[] };

function pooledF64(slot: number, n: number): Float64Array {
  let a = pool.f64[slot];
  if (!a || a.length < n) {
    a = new Float64Array(n);
    pool.f64[slot] = a;
  }
  return a.subarray(0, n);
}

function pooledI32(slot: number, n: number): Int32Array {
  let a = pool.i32[slot];
  if (!a || a.length < n) {
    a = new Int32Array(n);
    pool.i32[slot] = a;
  }
  return a.subarray(0, n);
}

/** Frees the scratch buffers (call after a large ranking job). */
export function releaseScratch(): void {
  pool.f64 = [];
  pool.i32 = [];
}

/** A scratch Float64Array for a caller's keys (slot 1 of the pool; valid until the next call). */
export const scratchKeys = (n: number): Float64Array => pooledF64(1, n);

/**
 * Indexes ordering `keys` ascending, stable: equal keys keep the order of `initial` (default: index
 * order). −0 equals 0; NaN must not occur (map it to ±Infinity first).
 */
export function sortOrder(keys: Float64Array, initial?: Int32Array, into?: Int32Array): Int32Array {
  const n = keys.length;
  const result = into ?? new Int32Array(n);
  let order = result;
  if (initial) order.set(initial);
  else for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  if (!LITTLE_ENDIAN) return order.sort((a, b) => keys[a]! - keys[b]!);
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k < min) min = k;
    if (k > max) max = k;
    if (integral && !Number.isInteger(k)) integral = false;
  }
  const bits = pooledF64(0, n);
  let words: Uint32Array;
  let stride: number;
  if (integral && max - min < 4_294_967_296) {
    // Whole numbers spanning less than 2^32 (days, counts, most cents): one word, key − min.
    words = new Uint32Array(bits.buffer, bits.byteOffset, n);
    for (let i = 0; i < n; i++) words[i] = keys[i]! - min;
    stride = 1;
  } else {
    // Sortable unsigned words: negative numbers have every bit flipped, positive ones only the sign bit.
    for (let i = 0; i < n; i++) bits[i] = keys[i]! + 0;
    words = new Uint32Array(bits.buffer, bits.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) {
      const hi = words[2 * i + 1]!;
      if (hi & 0x80000000) {
        words[2 * i + 1] = ~hi >>> 0;
        words[2 * i] = ~words[2 * i]! >>> 0;
      } else words[2 * i + 1] = (hi | 0x80000000) >>> 0;
    }
    stride = 2;
  }
  let tmp = pooledI32(0, n);
  const counts = pooledI32(1, 65_536);
  for (let pass = 0; pass < 2 * stride; pass++) {
    const word = pass >> 1; // 0: low word, 1: high word
    const shift = (pass & 1) * 16;
    if (stride === 1 && shift === 16 && max - min < 65_536) break;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(words[stride * i + word]! >>> shift) & 0xffff]!++;
    if (counts[(words[word]! >>> shift) & 0xffff] === n) continue; // one digit for all: nothing to do
    let sum = 0;
    for (let d = 0; d < 65_536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      const d = (words[stride * i + word]! >>> shift) & 0xffff;
      tmp[counts[d]!++] = i;
    }
    [order, tmp] = [tmp, order];
  }
  if (order !== result) result.set(order);
  return result;
}

/**
 * The customers in code order: plain UTF-16 code-unit order (what `<` compares), not locale order, so
 * the ranking is the same everywhere; equal codes keep their input order. Input already sorted — the
 * usual case — costs one pass. Otherwise an LSD radix sort over the codes in chunks of three code units
 * (each unit + 1 in 17 bits, 0 past the end, so a prefix sorts first): a comparator sort of a million
 * strings takes seconds.
 */
export function codeOrder(codes: readonly string[]): Int32Array {
  const n = codes.length;
  let sorted = true;
  let maxLength = 0;
  for (let i = 0; i < n; i++) {
    const code = codes[i]!;
    if (code.length > maxLength) maxLength = code.length;
    if (sorted && i > 0 && codes[i - 1]! > code) sorted = false;
  }
  if (sorted) {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  let order: Int32Array | undefined;
  const keys = new Float64Array(n);
  for (let chunk = Math.ceil(maxLength / 3) - 1; chunk >= 0; chunk--) {
    const at = chunk * 3;
    for (let i = 0; i < n; i++) {
      const code = codes[i]!;
      const len = code.length;
      const u0 = at < len ? code.charCodeAt(at) + 1 : 0;
      const u1 = at + 1 < len ? code.charCodeAt(at + 1) + 1 : 0;
      const u2 = at + 2 < len ? code.charCodeAt(at + 2) + 1 : 0;
      keys[i] = (u0 * 131_072 + u1) * 131_072 + u2;
    }
    order = sortOrder(keys, order, order);
  }
  return order ?? new Int32Array(0);
}

/**
 * Customer indexes by value descending, equal values in the order of `byCode` (codeOrder); NaN last.
 * `into` (optional) receives the order.
 */
export function rankDescending(values: ArrayLike<number>, byCode: Int32Array, into?: Int32Array): Int32Array {
  const n = values.length;
  const keys = scratchKeys(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    keys[i] = Number.isNaN(v) ? Infinity : -v;
  }
  return sortOrder(keys, byCode, into);
}

/** A pooled Int32Array (slot 3) for an order the caller drops before the next ranking. */
export const scratchOrder = (n: number): Int32Array => pooledI32(3, n);

/**
 * For every key, the lowest 1-based ascending rank of its tie group: one plus the number of smaller keys.
 * The result is a scratch buffer, valid until the next call.
 */
export function tieGroupRanks(keys: Float64Array): Int32Array {
  const n = keys.length;
  const order = sortOrder(keys, undefined, pooledI32(2, n));
  const k = pooledI32(4, n);
  let start = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    if (j > 0 && keys[i] !== keys[order[j - 1]!]) start = j;
    k[i] = start + 1;
  }
  return k;
}
