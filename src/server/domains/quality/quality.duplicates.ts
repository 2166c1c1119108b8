import { type SQL, sql } from 'drizzle-orm';

/**
 * 查重 suspicion for data quality, kept in this one file: a customer is suspected when it shares an
 * exact normalised tax ID, a contact phone or a contact e-mail with another live customer of the
 * workspace. The pg_trgm duplicates engine (issue 4 item 3) will take its place: only the two
 * statements below change then, as long as they answer the same columns.
 *
 * Normalised: tax IDs without blanks, upper case; phones without blanks, dashes, dots, brackets and
 * plus signs, a 86/0086 country prefix of a mobile number dropped, 7 characters at least; e-mails
 * trimmed, lower case. Plain `translate`, not regular expressions: PGlite runs those slowly, and every
 * key of the workspace is normalised on each call. Keys compare under COLLATE "C" (bytes, no locale).
 */
const BLANKS = ' \t\n\r\u3000';
const PHONE_NOISE = ' \t\u3000-.()+';

function keysSql(workspaceId: number, onlyCustomer?: number): SQL {
  const only = (column: string) =>
    onlyCustomer === undefined ? sql`` : sql`and ${sql.raw(column)} = ${onlyCustomer}`;
  // Contacts of live customers only: a deleted customer's contacts suspect no one.
  const liveContacts = sql`contacts ct
      join customers c on c.workspace_id = ct.workspace_id and c.id = ct.customer_id and c.deleted_at is null
     where ct.workspace_id = ${workspaceId} and ct.deleted_at is null`;
  return sql`
    select c.id as customer_id, 'taxId' as reason,
           upper(translate(c.tax_id, ${BLANKS}, '')) collate "C" as k
      from customers c
     where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.tax_id is not null
       and translate(c.tax_id, ${BLANKS}, '') <> '' ${only('c.id')}
    union all
    select customer_id, 'phone',
           (case when length(n) = 13 and n like '861%' then substr(n, 3)
                 when length(n) = 15 and n like '00861%' then substr(n, 5)
                 else n end) collate "C"
      from (select ct.customer_id, translate(unnest(ct.phones), ${PHONE_NOISE}, '') as n
              from ${liveContacts} ${only('ct.customer_id')}) phones
     where length(n) >= 7
    union all
    select ct.customer_id, 'email', lower(btrim(ct.email)) collate "C"
      from ${liveContacts} and ct.email like '%@%' ${only('ct.customer_id')}`;
}

/**
 * The `with` clauses that give `dups`: every suspected customer of the workspace, columns
 * `customer_id` and `reasons` (text[] of taxId, phone, email). The keys are normalised once; those held
 * by more than one customer are found by a hash aggregate, then joined back to their customers.
 * (A key is hashed with its reason: a tax ID never matches a phone number.)
 */
export function suspectedDuplicatesWith(workspaceId: number): SQL {
  // Keys travel as 64-bit hashes: a fraction of the memory of the text, so that a workspace's million
  // keys aggregate without spilling to disk (two different keys share a hash about once in 10^7 runs).
  return sql`
    dup_keys as materialized (
      select customer_id, reason, hashtextextended(reason || ':' || k, 0) as h from (${keysSql(workspaceId)}) keys),
    dup_shared as (select h from dup_keys group by h having min(customer_id) <> max(customer_id)),
    dups as (
      select keys.customer_id, array_agg(distinct keys.reason order by keys.reason) as reasons
        from dup_keys keys
        join dup_shared shared on shared.h = keys.h
       group by keys.customer_id)`;
}

/** The reasons one customer is suspected for (empty when it is not): a JSON text array. */
export function duplicateReasonsOfSql(workspaceId: number, customerId: number): SQL {
  // The customer's own few keys are the hashed side; every other key of the workspace streams past them.
  return sql`
    with mine as materialized (${keysSql(workspaceId, customerId)})
    select coalesce(json_agg(distinct m.reason), '[]')::text
      from (${keysSql(workspaceId)}) o
      join mine m on m.reason = o.reason and m.k = o.k
     where o.customer_id <> ${customerId}`;
}
