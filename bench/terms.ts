/**
 * Search terms for the benchmark, drawn deterministically from real rows: fragments of customer
 * names, customer code prefixes, contact names and phone numbers. Pure: the database sampling is elsewhere.
 */

import { stripLegalForm } from '../src/shared/customers/legal-form';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both included. */
export const intBetween = (rng: () => number, min: number, max: number) =>
  min + Math.floor(rng() * (max - min + 1));

export const pick = <T>(rng: () => number, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)]!;

export { stripLegalForm };

/** A fragment of 2–4 characters (code points) of the name without its legal form. */
export function nameFragment(rng: () => number, name: string): string {
  const chars = [...stripLegalForm(name)];
  if (chars.length <= 2) return chars.join('');
  const len = Math.min(intBetween(rng, 2, 4), chars.length);
  const start = intBetween(rng, 0, chars.length - len);
  return chars.slice(start, start + len).join('');
}

/** A prefix of a customer code: from 60% of its length up to the whole code. */
export function codePrefix(rng: () => number, code: string): string {
  const min = Math.max(1, Math.ceil(code.length * 0.6));
  return code.slice(0, intBetween(rng, min, code.length));
}

export type TermKind = 'name' | 'code' | 'contact' | 'phone';
export type Term = { kind: TermKind; q: string };

/** Rows sampled from the database that terms are made of. */
export type TermSource = {
  customerNames: readonly string[];
  codes: readonly string[];
  contactNames: readonly string[];
  phones: readonly string[];
};

/** How often each kind of term is searched (weights; kinds without source rows are skipped). */
export const TERM_MIX: Readonly<Record<TermKind, number>> = { name: 5, code: 2, contact: 2, phone: 1 };

/** The kind a roll in [0, total weight) falls on. */
function weighted(kinds: readonly TermKind[], roll: number): TermKind {
  let rest = roll;
  for (const kind of kinds) {
    rest -= TERM_MIX[kind];
    if (rest < 0) return kind;
  }
  return kinds[kinds.length - 1]!;
}

/** `count` terms in a fixed order for a given seed and source. */
export function buildTerms(source: TermSource, options: { seed: number; count: number }): Term[] {
  const rng = mulberry32(options.seed);
  const pools: Record<TermKind, readonly string[]> = {
    name: source.customerNames,
    code: source.codes,
    contact: source.contactNames,
    phone: source.phones,
  };
  const kinds = (Object.keys(TERM_MIX) as TermKind[]).filter((k) => pools[k].length > 0);
  if (kinds.length === 0) return [];
  const weightSum = kinds.reduce((sum, k) => sum + TERM_MIX[k], 0);
  const terms: Term[] = [];
  for (let i = 0; i < options.count; i++) {
    const kind = weighted(kinds, rng() * weightSum);
    const raw = pick(rng, pools[kind]);
    const q = kind === 'name' ? nameFragment(rng, raw) : kind === 'code' ? codePrefix(rng, raw) : raw;
    terms.push({ kind, q });
  }
  return terms;
}

/** Hands out the items in order, starting over at the end; shared by all clients of a scenario. */
export function rotation<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('rotation needs at least one item');
  let next = 0;
  return () => {
    const item = items[next]!;
    next = (next + 1) % items.length;
    return item;
  };
}
