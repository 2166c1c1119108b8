import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { LIST_NAME_THRESHOLD, REASON_WEIGHTS } from '../../../shared/duplicates/duplicate.schema';

/** One existing customer that looks like an incoming row. */
export type StagingDuplicate = {
  rowNo: number;
  customerId: number;
  code: string;
  name: string;
  score: number;
  reasons: ('taxId' | 'phone' | 'email' | 'name')[];
  /** Similarity (0–1) of the name keys, when the name is a reason. */
  nameSimilarity: number | null;
};

/** Up to this many named rows, each probes the trigram index; more are matched set-wise. */
const PROBE_ROWS = 500;

const IDENT = /^[a-z_][a-z0-9_]{0,62}(\.[a-z_][a-z0-9_]{0,62})?$/;

/**
 * 查重 at import time, set-wise: the existing (not deleted) customers of the workspace that look like the
 * rows of a staging table, by the same signs and score as the duplicates list (name-key similarity ≥
 * LIST_NAME_THRESHOLD, the same tax ID, a contact with the same phone or e-mail). Names of up to
 * PROBE_ROWS rows probe the trigram index of name_key; a bigger batch is matched with the prefix-filtered
 * trigram join of the full scan (duplicates.scan.ts), which finds the same pairs.
 *
 * `stagingTable` (a plain or temp table, `[a-z_][a-z0-9_]*`, optionally schema-qualified) must have the
 * columns `row_no bigint, name text, tax_id text, phone text, email text` (any value may be null; extra
 * columns are ignored). Phones are compared as contacts store them (NFKC, spaces and hyphens removed),
 * tax IDs in upper case, e-mails in lower case, names through kehu_name_key. At most `perRow` candidates
 * per row, best first; rows without any are not returned. Runs on the caller's transaction (`tx`, which
 * also scopes the trigram threshold it sets), reads only, and does not look at access: the import engine
 * decides what to report to whom.
 */
export async function findDuplicatesForStaging(
  tx: Pick<Db, 'execute'>,
  workspaceId: number,
  stagingTable: string,
  opts: { perRow?: number; minScore?: number; probeRows?: number } = {},
): Promise<StagingDuplicate[]> {
  if (!IDENT.test(stagingTable)) throw new Error(`Not a table name: ${stagingTable}`);
  const staging = sql.raw(stagingTable);
  const ws = workspaceId;
  await tx.execute(
    sql`select set_config('pg_trgm.similarity_threshold', ${String(LIST_NAME_THRESHOLD)}, true)`,
  );
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${staging} where nullif(btrim(name), '') is not null`,
  );
  const t = LIST_NAME_THRESHOLD;
  const setWise = n > (opts.probeRows ?? PROBE_ROWS);
  // A few rows probe the trigram index one by one; a batch joins the keys' rarest trigrams set-wise.
  const byName = !setWise
    ? sql`select s.row_no, c.id, similarity(c.name_key, s.nk) as sim, false as tax, false as phone, false as email
          from s join customers c on c.workspace_id = ${ws} and c.name_key % s.nk and c.deleted_at is null
         where s.nk is not null`
    : sql`select x.row_no, x.id, similarity(x.nk, c.name_key) as sim, false as tax, false as phone, false as email
          from (select distinct sp.row_no, sp.nk, cp.id
                  from (select row_no, nk, g from prefix where side = 's') sp
                  join (select row_no as id, g from prefix where side = 'c') cp on cp.g = sp.g) x
          join customers c on c.workspace_id = ${ws} and c.id = x.id
         where similarity(x.nk, c.name_key) >= ${t}`;
  const rows = await queryRows<{
    row_no: string;
    id: string;
    code: string;
    name: string;
    score: string;
    sim: number | null;
    tax: boolean;
    phone: boolean;
    email: boolean;
  }>(
    tx,
    sql`with s as materialized (
        select row_no,
               case when nullif(btrim(name), '') is not null then kehu_name_key(name) end as nk,
               nullif(upper(btrim(tax_id)), '') as tax,
               nullif(regexp_replace(normalize(coalesce(phone, ''), NFKC), '[[:space:]-]', '', 'g'), '') as phone,
               nullif(lower(btrim(email)), '') as email
          from ${staging}
      ),
      grams as materialized (
        select 's' as side, s.row_no, s.nk, g from s cross join lateral unnest(show_trgm(s.nk)) as g
         where ${setWise}::boolean and s.nk is not null
        union all
        select 'c', c.id, c.name_key, g from customers c cross join lateral unnest(show_trgm(c.name_key)) as g
         where ${setWise}::boolean and c.workspace_id = ${ws} and c.deleted_at is null
      ),
      df as (select g, count(*) as n from grams group by g),
      prefix as materialized (
        select side, row_no, nk, g from (
          select gr.*, row_number() over (partition by gr.side, gr.row_no order by df.n, gr.g) as rn,
                 count(*) over (partition by gr.side, gr.row_no) as len
            from grams gr join df on df.g = gr.g) r
         where rn <= len - ceil(${t}::numeric * len) + 1
      ),
      found as (
        ${byName}
        union all
        select s.row_no, c.id, null, true, false, false
          from s join customers c on c.workspace_id = ${ws} and c.tax_id = s.tax and c.deleted_at is null
        union all
        select s.row_no, ct.customer_id, null, false, true, false
          from s join contacts ct on ct.phones @> array[s.phone] and ct.workspace_id = ${ws} and ct.deleted_at is null
        union all
        select s.row_no, ct.customer_id, null, false, false, true
          from s join contacts ct on ct.workspace_id = ${ws} and lower(ct.email) = s.email and ct.deleted_at is null
      ),
      per_pair as (
        select row_no, id, max(sim) as sim, bool_or(tax) as tax, bool_or(phone) as phone, bool_or(email) as email
          from found group by row_no, id
      ),
      scored as (
        select p.*, round((1 - (1 - coalesce(p.sim, 0)::numeric)
                 * (case when p.tax then ${1 - REASON_WEIGHTS.taxId}::numeric else 1 end)
                 * (case when p.phone then ${1 - REASON_WEIGHTS.phone}::numeric else 1 end)
                 * (case when p.email then ${1 - REASON_WEIGHTS.email}::numeric else 1 end)), 3) as score
          from per_pair p
      ),
      ranked as (
        select sc.*, row_number() over (partition by sc.row_no order by sc.score desc, sc.id) as rn
          from scored sc where sc.score >= ${opts.minScore ?? 0}::numeric
      )
      select r.row_no::text as row_no, r.id::text as id, c.code, c.name, r.score::text as score,
             r.sim::float8 as sim, r.tax, r.phone, r.email
        from ranked r join customers c on c.workspace_id = ${ws} and c.id = r.id and c.deleted_at is null
       where r.rn <= ${opts.perRow ?? 5}
       order by r.row_no, r.score desc, r.id`,
  );
  return rows.map((r) => ({
    rowNo: Number(r.row_no),
    customerId: Number(r.id),
    code: r.code,
    name: r.name,
    score: Number(r.score),
    reasons: [
      ...(r.tax ? (['taxId'] as const) : []),
      ...(r.phone ? (['phone'] as const) : []),
      ...(r.email ? (['email'] as const) : []),
      ...(r.sim !== null ? (['name'] as const) : []),
    ],
    nameSimilarity: r.sim === null ? null : Math.round(Number(r.sim) * 1000) / 1000,
  }));
}
