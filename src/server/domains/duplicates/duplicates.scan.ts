import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { LIST_NAME_THRESHOLD, REASON_WEIGHTS } from '../../../shared/duplicates/duplicate.schema';

type Conn = Pick<Db, 'execute'>;

/**
 * Brings the workspace's duplicate_pairs up to date, in the caller's transaction. The first time every
 * customer is scanned set-wise; after that only the customers changed since the last scan (their
 * updated_at, or a contact's) have their pairs deleted and found again, through the indexes (the trigram
 * index of name_key with `%`, the tax ID index, the contacts' phone GIN and e-mail indexes). The scan
 * ignores access: the list filters the pairs by who may see both customers.
 *
 * The full scan finds name pairs with a prefix-filtered self-join of the keys' trigrams (a pair with
 * Jaccard similarity ≥ t shares one of the |x| − ⌈t·|x|⌉ + 1 rarest trigrams of each key), so it is
 * exact without probing the index once per customer (1–2 ms a probe on PGlite).
 */
export async function refreshPairs(tx: Conn, workspaceId: number): Promise<void> {
  const ws = workspaceId;
  const [scan] = (
    (await tx.execute(sql`insert into duplicate_scans (workspace_id, scanned_at) values (${ws}, '-infinity')
      on conflict (workspace_id) do update set scanned_at = duplicate_scans.scanned_at
      returning scanned_at = '-infinity'::timestamptz as first`)) as unknown as { rows: { first: boolean }[] }
  ).rows;
  const full = scan!.first;
  await tx.execute(
    sql`select set_config('pg_trgm.similarity_threshold', ${String(LIST_NAME_THRESHOLD)}, true)`,
  );
  const since = sql`(select scanned_at from duplicate_scans where workspace_id = ${ws})`;
  const dirty: SQL = full
    ? sql`select id from customers where workspace_id = ${ws} and deleted_at is null`
    : sql`select id from customers where workspace_id = ${ws} and updated_at > ${since}
          union select customer_id from contacts where workspace_id = ${ws} and updated_at > ${since}`;
  if (!full)
    await tx.execute(sql`with d as (${dirty}) delete from duplicate_pairs p
      where p.workspace_id = ${ws} and (p.customer_a in (select id from d) or p.customer_b in (select id from d))`);

  const namePairs = full
    ? sql`grams as materialized (
          select c.id, g from cust c cross join lateral unnest(show_trgm(c.name_key)) as g
        ),
        df as (select g, count(*) as n from grams group by g),
        ranked as (
          select gr.id, gr.g, row_number() over (partition by gr.id order by df.n, gr.g) as rn,
                 count(*) over (partition by gr.id) as len
            from grams gr join df on df.g = gr.g
        ),
        prefix as materialized (
          select id, g from ranked where rn <= len - ceil(${LIST_NAME_THRESHOLD}::numeric * len) + 1
        ),
        name_pairs as (
          select c.a, c.b, similarity(x.name_key, y.name_key) as sim
            from (select distinct p.id as a, q.id as b from prefix p join prefix q on q.g = p.g and q.id > p.id) c
            join cust x on x.id = c.a join cust y on y.id = c.b
           where similarity(x.name_key, y.name_key) >= ${LIST_NAME_THRESHOLD}
        ),`
    : sql`name_pairs as (
          select least(d.id, c.id) as a, greatest(d.id, c.id) as b, similarity(d.name_key, c.name_key) as sim
            from customers d
            join customers c on c.workspace_id = ${ws} and c.name_key % d.name_key and c.id <> d.id
                            and c.deleted_at is null
           where d.workspace_id = ${ws} and d.id in (select id from dirty) and d.deleted_at is null
        ),`;
  const phonePairs = full
    ? sql`phones as (
          select distinct ct.customer_id as cid, p.phone
            from contacts ct join cust c on c.id = ct.customer_id cross join lateral unnest(ct.phones) as p(phone)
           where ct.workspace_id = ${ws} and ct.deleted_at is null
        ),
        phone_pairs as (
          select x.cid as a, y.cid as b, min(x.phone) as v
            from phones x join phones y on y.phone = x.phone and y.cid > x.cid group by 1, 2
        ),
        emails as (
          select distinct ct.customer_id as cid, lower(ct.email) as email
            from contacts ct join cust c on c.id = ct.customer_id
           where ct.workspace_id = ${ws} and ct.deleted_at is null and ct.email is not null and ct.email <> ''
        ),
        email_pairs as (
          select x.cid as a, y.cid as b, min(x.email) as v
            from emails x join emails y on y.email = x.email and y.cid > x.cid group by 1, 2
        ),`
    : sql`dphones as (
          select distinct ct.customer_id as cid, p.phone
            from contacts ct cross join lateral unnest(ct.phones) as p(phone)
           where ct.workspace_id = ${ws} and ct.deleted_at is null and ct.customer_id in (select id from dirty)
        ),
        phone_pairs as (
          select least(x.cid, o.customer_id) as a, greatest(x.cid, o.customer_id) as b, min(x.phone) as v
            from dphones x
            join contacts o on o.phones @> array[x.phone] and o.workspace_id = ${ws} and o.deleted_at is null
                           and o.customer_id <> x.cid
            join cust c on c.id = o.customer_id
           group by 1, 2
        ),
        demails as (
          select distinct ct.customer_id as cid, lower(ct.email) as email
            from contacts ct
           where ct.workspace_id = ${ws} and ct.deleted_at is null and ct.email is not null and ct.email <> ''
             and ct.customer_id in (select id from dirty)
        ),
        email_pairs as (
          select least(x.cid, o.customer_id) as a, greatest(x.cid, o.customer_id) as b, min(x.email) as v
            from demails x
            join contacts o on o.workspace_id = ${ws} and lower(o.email) = x.email and o.deleted_at is null
                           and o.customer_id <> x.cid
            join cust c on c.id = o.customer_id
           group by 1, 2
        ),`;
  await tx.execute(sql`insert into duplicate_pairs
      (workspace_id, customer_a, customer_b, score, name_similarity, tax_id, phone, email)
    with dirty as materialized (${dirty}),
      cust as materialized (
        select id, name_key, tax_id from customers where workspace_id = ${ws} and deleted_at is null
      ),
      ${namePairs}
      tax_pairs as (
        select least(d.id, c.id) as a, greatest(d.id, c.id) as b, min(c.tax_id) as v
          from cust d join cust c on c.tax_id = d.tax_id and c.id <> d.id
         where d.tax_id is not null and d.id in (select id from dirty)
         group by 1, 2
      ),
      ${phonePairs}
      pairs as (
        select a, b from name_pairs union select a, b from tax_pairs
        union select a, b from phone_pairs union select a, b from email_pairs
      )
    select ${ws}, p.a, p.b,
           round((1 - (1 - coalesce(n.sim, 0)::numeric)
             * (case when t.v is null then 1 else ${1 - REASON_WEIGHTS.taxId}::numeric end)
             * (case when ph.v is null then 1 else ${1 - REASON_WEIGHTS.phone}::numeric end)
             * (case when e.v is null then 1 else ${1 - REASON_WEIGHTS.email}::numeric end)), 3),
           n.sim, t.v, ph.v, e.v
      from pairs p
      left join (select a, b, max(sim) as sim from name_pairs group by 1, 2) n on n.a = p.a and n.b = p.b
      left join tax_pairs t on t.a = p.a and t.b = p.b
      left join phone_pairs ph on ph.a = p.a and ph.b = p.b
      left join email_pairs e on e.a = p.a and e.b = p.b
    on conflict (workspace_id, customer_a, customer_b) do update set
      score = excluded.score, name_similarity = excluded.name_similarity, tax_id = excluded.tax_id,
      phone = excluded.phone, email = excluded.email`);
  await tx.execute(sql`update duplicate_scans set scanned_at = now() where workspace_id = ${ws}`);
}

/**
 * Whether `refreshPairs` has anything to do: no scan yet, or a customer or contact changed since the
 * last one (the same test as its rescan, by the `updated_at` indexes, stopping at the first hit). A
 * reader may skip the refresh (its transaction and lock) when this answers false.
 */
export async function pairsNeedRefresh(conn: Conn, workspaceId: number): Promise<boolean> {
  const ws = workspaceId;
  const { rows } = (await conn.execute(sql`select not exists (
        select 1 from duplicate_scans s where s.workspace_id = ${ws}
           and not exists (select 1 from customers c where c.workspace_id = ${ws} and c.updated_at > s.scanned_at)
           and not exists (select 1 from contacts ct where ct.workspace_id = ${ws} and ct.updated_at > s.scanned_at)
      ) as stale`)) as unknown as { rows: { stale: boolean }[] };
  return rows[0]!.stale;
}
