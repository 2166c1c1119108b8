import { type SQL, sql } from 'drizzle-orm';

/**
 * 查重 suspicion for data quality, kept in this one file: a customer is suspected when it shares an
 * exact normalised tax ID, a contact phone or a contact e-mail with another live customer of the
 * workspace. The pg_trgm duplicates engine (issue 4 item 3) will take its place: only the two
 * statements below change then, as long as they answer the same columns.
 *
 * Normalised: tax IDs without blanks, upper case; phones as their digits, a +86/0086 prefix of a mobile
 * dropped, 7 digits at least; e-mails trimmed, lower case.
 */
function keysSql(workspaceId: number): SQL {
  return sql`
    select c.id as customer_id, 'taxId' as reason, upper(regexp_replace(c.tax_id, '\\s', '', 'g')) as k
      from customers c
     where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.tax_id ~ '\\S'
    union all
    select ct.customer_id, 'phone', d.k
      from contacts ct
      join customers c on c.workspace_id = ct.workspace_id and c.id = ct.customer_id and c.deleted_at is null
      cross join lateral (
        select distinct regexp_replace(regexp_replace(p, '\\D', '', 'g'), '^(00)?86(1\\d{10})$', '\\2') as k
          from unnest(ct.phones) p) d
     where ct.workspace_id = ${workspaceId} and ct.deleted_at is null and length(d.k) >= 7
    union all
    select ct.customer_id, 'email', lower(btrim(ct.email))
      from contacts ct
      join customers c on c.workspace_id = ct.workspace_id and c.id = ct.customer_id and c.deleted_at is null
     where ct.workspace_id = ${workspaceId} and ct.deleted_at is null and ct.email like '%@%'`;
}

/**
 * Every suspected customer of the workspace with its reasons, as a statement for a `with` clause:
 * columns `customer_id` and `reasons` (text[] of taxId, phone, email). One pass over the keys: a key
 * is shared when the smallest and largest customer holding it differ.
 */
export function suspectedDuplicatesSql(workspaceId: number): SQL {
  return sql`
    select customer_id, array_agg(distinct reason order by reason) as reasons
      from (select customer_id, reason,
                   min(customer_id) over w <> max(customer_id) over w as shared
              from (${keysSql(workspaceId)}) keys
            window w as (partition by reason, k)) marked
     where shared
     group by customer_id`;
}

/** The reasons one customer is suspected for (empty when it is not): a JSON text array. */
export function duplicateReasonsOfSql(workspaceId: number, customerId: number): SQL {
  return sql`
    with keys as materialized (${keysSql(workspaceId)}),
         mine as (select reason, k from keys where customer_id = ${customerId})
    select coalesce(json_agg(distinct m.reason), '[]')::text
      from mine m
     where exists (select 1 from keys o where o.reason = m.reason and o.k = m.k and o.customer_id <> ${customerId})`;
}
