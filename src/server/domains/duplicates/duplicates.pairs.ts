import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import type {
  DuplicateListQuery,
  DuplicatePair,
  DuplicateReason,
} from '../../../shared/duplicates/duplicate.schema';
import { readCursor } from '../../cursor';
import { visibleCustomersSql } from '../customers/customers.access';
import { refreshPairs } from './duplicates.scan';

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
 * The candidate pairs whose both customers the actor may see (and that still exist), from
 * duplicate_pairs after bringing it up to date (refreshPairs), dismissed pairs left out. Keyset-ordered by
 * (score desc, a, b) with a < b, as the rank index holds them.
 */
export async function listPairs(
  tx: Conn,
  actor: Actor,
  query: DuplicateListQuery,
): Promise<{ items: DuplicatePair[]; nextCursor: string | null }> {
  const ws = actor.workspaceId;
  await refreshPairs(tx, ws);
  const after: SQL = query.cursor
    ? (() => {
        const [score, a, b] = readCursor(query.cursor, [SCORE, 'id', 'id'] as const);
        return sql`and (p.score < ${score}::numeric or (p.score = ${score}::numeric and (p.customer_a, p.customer_b) > (${a}::bigint, ${b}::bigint)))`;
      })()
    : sql``;
  const rows = await queryRows<PairRow>(
    tx,
    sql`with vis as materialized (
        select id from customers where ${visibleCustomersSql(actor)} and deleted_at is null
      ),
      page as (
        select p.customer_a as a, p.customer_b as b, p.score, p.name_similarity as sim, p.tax_id as tax,
               p.phone, p.email
          from duplicate_pairs p
         where p.workspace_id = ${ws} and p.score >= ${query.minScore}::numeric ${after}
           and p.customer_a in (select id from vis) and p.customer_b in (select id from vis)
           and not exists (select 1 from duplicate_dismissals d
                            where d.workspace_id = ${ws} and d.customer_a = p.customer_a and d.customer_b = p.customer_b)
         order by p.score desc nulls last, p.customer_a, p.customer_b
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
