import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import {
  type DuplicateListQuery,
  type DuplicatePair,
  type DuplicateReason,
  NAME_THRESHOLD,
  REASON_WEIGHTS,
} from '../../../shared/duplicates/duplicate.schema';
import { readCursor } from '../../cursor';
import { visibleCustomersSql } from '../customers/customers.access';

type Conn = Pick<Db, 'execute'>;

/** A score as PostgreSQL prints numeric(4,3). */
const SCORE = /^(0|1)\.\d{3}$/;

type PairRow = {
  a: string;
  b: string;
  score: string;
  sim: number | null;
  tax: string | null;
  phone: string | null;
  email: string | null;
  sides: { id: number; code: string; name: string; owner: string | null; branch: string | null; v: number }[];
};

/**
 * Candidate pairs among the customers the actor may see (both of them), computed set-wise:
 * - names: every visible customer probes the trigram index of `name_key` with `%` (pg_trgm, threshold
 *   NAME_THRESHOLD, set for the transaction), the other side checked against the same visible set;
 * - the same tax ID; a phone or an e-mail shared by contacts of both.
 * Score = 1 − Π(1 − weight) over the signs (see pairScore), rounded to 3 places; dismissed pairs left out.
 * Keyset-ordered by (score desc, a, b) with a < b.
 */
export async function listPairs(
  tx: Conn,
  actor: Actor,
  query: DuplicateListQuery,
): Promise<{ items: DuplicatePair[]; nextCursor: string | null }> {
  const ws = actor.workspaceId;
  const after: SQL = query.cursor
    ? (() => {
        const [score, a, b] = readCursor(query.cursor, [SCORE, 'id', 'id'] as const);
        return sql`and (s.score < ${score}::numeric or (s.score = ${score}::numeric and (s.a, s.b) > (${a}::bigint, ${b}::bigint)))`;
      })()
    : sql``;
  await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NAME_THRESHOLD)}, true)`);
  const rows = await queryRows<PairRow>(
    tx,
    sql`with vis as materialized (
        select id, name_key, tax_id from customers
         where ${visibleCustomersSql(actor)} and deleted_at is null
      ),
      name_pairs as (
        select a.id as a, b.id as b, max(similarity(a.name_key, b.name_key)) as sim
          from vis a
          join customers b on b.workspace_id = ${ws} and b.name_key % a.name_key and b.id > a.id
         where b.deleted_at is null and b.id in (select id from vis)
         group by 1, 2
      ),
      tax_pairs as (
        select a.id as a, b.id as b, min(a.tax_id) as v
          from vis a join vis b on b.tax_id = a.tax_id and b.id > a.id
         where a.tax_id is not null
         group by 1, 2
      ),
      phones as (
        select distinct c.customer_id as cid, p.phone
          from contacts c cross join lateral unnest(c.phones) as p(phone)
         where c.workspace_id = ${ws} and c.deleted_at is null and c.customer_id in (select id from vis)
      ),
      phone_pairs as (
        select x.cid as a, y.cid as b, min(x.phone) as v
          from phones x join phones y on y.phone = x.phone and y.cid > x.cid group by 1, 2
      ),
      emails as (
        select distinct c.customer_id as cid, lower(c.email) as email
          from contacts c
         where c.workspace_id = ${ws} and c.deleted_at is null and c.email is not null and c.email <> ''
           and c.customer_id in (select id from vis)
      ),
      email_pairs as (
        select x.cid as a, y.cid as b, min(x.email) as v
          from emails x join emails y on y.email = x.email and y.cid > x.cid group by 1, 2
      ),
      pairs as (
        select a, b from name_pairs union select a, b from tax_pairs
        union select a, b from phone_pairs union select a, b from email_pairs
      ),
      scored as (
        select p.a, p.b, n.sim, t.v as tax, ph.v as phone, e.v as email,
               round((1 - (1 - coalesce(n.sim, 0)::numeric)
                 * (case when t.v is null then 1 else ${1 - REASON_WEIGHTS.taxId}::numeric end)
                 * (case when ph.v is null then 1 else ${1 - REASON_WEIGHTS.phone}::numeric end)
                 * (case when e.v is null then 1 else ${1 - REASON_WEIGHTS.email}::numeric end)), 3) as score
          from pairs p
          left join name_pairs n on n.a = p.a and n.b = p.b
          left join tax_pairs t on t.a = p.a and t.b = p.b
          left join phone_pairs ph on ph.a = p.a and ph.b = p.b
          left join email_pairs e on e.a = p.a and e.b = p.b
         where not exists (select 1 from duplicate_dismissals d
                            where d.workspace_id = ${ws} and d.customer_a = p.a and d.customer_b = p.b)
      ),
      page as (
        select * from scored s
         where s.score >= ${query.minScore}::numeric ${after}
         order by s.score desc, s.a, s.b
         limit ${query.limit + 1}
      )
      select s.a::text as a, s.b::text as b, s.score::text as score, s.sim::float8 as sim, s.tax, s.phone, s.email,
             (select json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.name, 'owner', u.name,
                       'branch', br.name, 'v', c.version) order by c.id)
                from customers c
                left join users u on u.workspace_id = c.workspace_id and u.id = c.owner_id
                left join branches br on br.workspace_id = c.workspace_id and br.id = c.branch_id
               where c.workspace_id = ${ws} and c.id in (s.a, s.b)) as sides
        from page s
       order by s.score desc, s.a, s.b`,
  );
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(toPair),
    nextCursor: more && last ? encodeCursor([last.score, Number(last.a), Number(last.b)]) : null,
  };
}

function toPair(r: PairRow): DuplicatePair {
  const side = (id: string) => {
    const s = r.sides.find((x) => Number(x.id) === Number(id))!;
    return {
      id: Number(s.id),
      code: s.code,
      name: s.name,
      ownerName: s.owner,
      branchName: s.branch,
      version: Number(s.v),
    };
  };
  const reasons: DuplicateReason[] = [];
  if (r.tax) reasons.push({ kind: 'taxId', value: r.tax, similarity: null });
  if (r.phone) reasons.push({ kind: 'phone', value: r.phone, similarity: null });
  if (r.email) reasons.push({ kind: 'email', value: r.email, similarity: null });
  if (r.sim !== null)
    reasons.push({ kind: 'name', value: null, similarity: Math.round(Number(r.sim) * 1000) / 1000 });
  return { a: side(r.a), b: side(r.b), score: Number(r.score), reasons };
}
