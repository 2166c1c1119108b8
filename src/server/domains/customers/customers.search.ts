import { type SQL, sql } from 'drizzle-orm';
import type { Param } from '../../../db/plan-cache';
import { customers } from '../../../db/schema';
import { normalizePhone } from '../../../shared/contacts/contact.schema';
import { hanProbe } from '../../../shared/customers/name-windows';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const PHONE_LIKE = /^\+?[\d\s-]{5,}$/;
// Trigram probes pay off only for words: phone numbers and codes are found by their own indexes.
const LATIN_LETTERS = /\p{Script=Latin}/gu;

/**
 * How many matches each kind of match may contribute before ranking. A fragment as common as 有限公司
 * matches nearly every customer; ranking all of them would make one keystroke cost a table scan, so each
 * index contributes at most this many candidates and the best of those are shown.
 */
export const SEARCH_CANDIDATES_PER_KIND = 100;

/** Which probes a query needs: the statement's shape. The values are in `SearchValues`. */
export type SearchShape = {
  /** Han runs of 2+ characters in the query (0: no name-window probe). */
  runs: number;
  latin: boolean;
  phone: boolean;
  email: boolean;
};

export type SearchValueName =
  | 'q'
  | 'qPrefix'
  | 'qContains'
  | 'qLen'
  | 'hanKey'
  | 'fragmentLen'
  | 'phone'
  | `run${number}`;

/** The shape of the search for `rawQ`, and the values its statement takes. */
export function searchFor(rawQ: string): { shape: SearchShape; values: Record<SearchValueName, unknown> } {
  const q = rawQ.normalize('NFKC').trim();
  const like = escapeLike(q);
  const han = hanProbe(q);
  const values: Record<string, unknown> = {
    q,
    qPrefix: `${like}%`,
    qContains: `%${like}%`,
    qLen: [...q].length,
    hanKey: han?.key ?? '',
    fragmentLen: han ? han.runs.reduce((n, run) => n + [...run].length, 0) : 0,
    phone: normalizePhone(q),
  };
  for (const [i, run] of (han?.runs ?? []).entries()) values[`run${i}`] = run;
  return {
    shape: {
      runs: han?.runs.length ?? 0,
      latin: (q.match(LATIN_LETTERS)?.length ?? 0) >= 3,
      phone: PHONE_LIKE.test(q),
      email: q.includes('@'),
    },
    values,
  };
}

/**
 * `q` finds customers by code prefix, exact name, any 2+ character fragment of a Chinese name (a prefix
 * range of customer_name_windows), trigram similarity and substrings of Latin names (pg_trgm), and by a
 * contact's name prefix, phone or e-mail. Each kind of match is one index probe; their union is then ranked
 * by `score`: exact code, exact name, code prefix, then closeness of the name.
 */
export function customerSearch(
  shape: SearchShape,
  p: (name: SearchValueName | 'workspaceId') => Param<unknown>,
): { candidates: SQL; score: SQL<number> } {
  const q = p('q');
  const cap = sql.raw(String(SEARCH_CANDIDATES_PER_KIND));
  const ws = sql`workspace_id = ${p('workspaceId')}`;
  const live = sql`deleted_at is null`;
  // Prefixes as explicit ranges of the text_pattern_ops indexes, so that a plan made without the value
  // (a kept plan) still probes the index; LIKE then keeps exactly the prefix matches.
  const prefixOf = (expr: SQL, value: SQL, pattern: SQL) =>
    sql`${expr} ~>=~ ${value} and ${expr} ~<~ (${value} || chr(1114111)) and ${expr} like ${pattern}`;
  const parts: SQL[] = [
    sql`(select id from customers where ${ws} and ${prefixOf(sql`lower(code)`, sql`lower(${q})`, sql`lower(${p('qPrefix')})`)} limit ${cap})`,
    sql`(select id from customers where ${ws} and name = ${q} limit ${cap})`,
    sql`(select customer_id from contacts where ${ws} and ${live} and ${prefixOf(sql`name`, sql`${q}`, sql`${p('qPrefix')}`)} limit ${cap})`,
  ];
  if (shape.runs > 0) {
    // win is COLLATE "C": the range is byte order, and the index hands back matches in key order until
    // the limit, however common the fragment.
    const key = p('hanKey');
    parts.push(
      sql`(select customer_id from customer_name_windows where ${ws} and win >= ${key} and win < (${key} || chr(1114111)) limit ${cap})`,
    );
  }
  if (shape.latin) {
    parts.push(
      sql`(select id from customers where ${ws} and name % ${q} limit ${cap})`,
      sql`(select id from customers where ${ws} and short_name % ${q} limit ${cap})`,
      sql`(select id from customers where ${ws} and name ilike ${p('qContains')} limit ${cap})`,
    );
  }
  if (shape.phone) {
    parts.push(
      sql`(select customer_id from contacts where ${ws} and ${live} and phones @> ARRAY[${p('phone')}]::text[] limit ${cap})`,
    );
  }
  if (shape.email) {
    parts.push(
      sql`(select customer_id from contacts where ${ws} and ${live} and lower(email) = lower(${q}) limit ${cap})`,
    );
  }
  const candidates = sql`select id from (${sql.join(parts, sql` union `)}) candidates(id)`;

  // A fragment match: every Han run of the query occurs in the name (or the short name). Han has no case,
  // and normalize() would cost more than the rest of the score (~1 µs a call): a name spelt with a
  // compatibility ideograph is still found through its (normalised) windows, only without this bonus.
  const runsIn = (text: SQL) =>
    sql.join(
      Array.from({ length: shape.runs }, (_, i) => sql`strpos(${text}, ${p(`run${i}`)}) > 0`),
      sql` and `,
    );
  const fragmentMatch =
    shape.runs > 0
      ? sql`(${runsIn(sql`${customers.name}`)}) or (${runsIn(sql`coalesce(${customers.shortName}, '')`)})`
      : sql`false`;
  const nameLen = sql`greatest(char_length(${customers.name}), 1)`;
  // Trigram similarity ranks Latin words; an unspaced Chinese name is one "word" to pg_trgm, and there a
  // fragment's closeness is the fragment term below, which similarity never exceeds. Skipping it for such
  // queries saves two trigram comparisons per candidate, the better part of a search.
  const similar = shape.latin
    ? sql`similarity(${customers.name}, ${q}), similarity(coalesce(${customers.shortName}, ''), ${q}),`
    : sql``;
  // Every candidate matched something (perhaps only a contact): 0.3 is the floor.
  const score = sql<number>`greatest(0.3,
    case when lower(${customers.code}) = lower(${q}) then 3
         when lower(${customers.code}) like lower(${p('qPrefix')}) then 2 else 0 end,
    case when ${customers.name} = ${q} or ${customers.shortName} = ${q} then 2.5 else 0 end,
    ${similar}
    case when ${fragmentMatch} then 0.5 + 0.5 * ${p('fragmentLen')}::float8 / ${nameLen} else 0 end,
    case when strpos(lower(${customers.name}), lower(${q})) > 0 then 0.4 + 0.5 * ${p('qLen')}::float8 / ${nameLen} else 0 end
  )::float8`;
  return { candidates, score };
}
