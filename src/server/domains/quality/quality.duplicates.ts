import { type SQL, sql } from 'drizzle-orm';

/**
 * 查重 suspicion for data quality, read from the duplicates engine's pairs (`duplicate_pairs`, kept by
 * `refreshPairs` in duplicates.scan.ts; the caller brings them up to date first), so that data quality
 * and the duplicates page agree. A customer is suspected when it is on either side of a pair whose two
 * customers are both live and that nobody dismissed as "not a duplicate" (`duplicate_dismissals`).
 * Unlike the duplicates list, the other customer need not be visible to the caller: a rep's duplicate
 * rate counts a customer that duplicates a colleague's.
 *
 * Reasons, in this order: `taxId`, `phone`, `email` (the value the pair shares, as the engine compares
 * them: tax IDs and phones as stored, e-mails in lower case) and `name` (the pair's name keys are
 * pg_trgm-similar, at the list's threshold).
 */

/** The live, undismissed pairs of the workspace; `onlyCustomer` keeps those it is a side of. */
function livePairsSql(workspaceId: number, onlyCustomer?: number): SQL {
  const side =
    onlyCustomer === undefined
      ? sql``
      : sql`and (p.customer_a = ${onlyCustomer} or p.customer_b = ${onlyCustomer})`;
  return sql`
    select p.customer_a, p.customer_b, p.tax_id is not null as tax, p.phone is not null as phone,
           p.email is not null as email, p.name_similarity is not null as name
      from duplicate_pairs p
      join customers ca on ca.workspace_id = p.workspace_id and ca.id = p.customer_a and ca.deleted_at is null
      join customers cb on cb.workspace_id = p.workspace_id and cb.id = p.customer_b and cb.deleted_at is null
     where p.workspace_id = ${workspaceId} ${side}
       and not exists (select 1 from duplicate_dismissals d
                        where d.workspace_id = p.workspace_id and d.customer_a = p.customer_a
                          and d.customer_b = p.customer_b)`;
}

/** The reasons of a group of pair sides `s`, as a text[] in the fixed order. */
const REASONS = sql`array_remove(array[
    case when bool_or(s.tax) then 'taxId' end, case when bool_or(s.phone) then 'phone' end,
    case when bool_or(s.email) then 'email' end, case when bool_or(s.name) then 'name' end]::text[], null)`;

/**
 * The `with` clauses that give `dups`: every suspected customer of the workspace, columns
 * `customer_id` and `reasons` (text[] of taxId, phone, email, name).
 */
export function suspectedDuplicatesWith(workspaceId: number): SQL {
  return sql`
    dup_pairs as materialized (${livePairsSql(workspaceId)}),
    dups as (
      select s.customer_id, ${REASONS} as reasons
        from (select customer_a as customer_id, tax, phone, email, name from dup_pairs
              union all
              select customer_b, tax, phone, email, name from dup_pairs) s
       group by s.customer_id)`;
}

/** The reasons one customer is suspected for (empty when it is not): a JSON text array. */
export function duplicateReasonsOfSql(workspaceId: number, customerId: number): SQL {
  return sql`select to_json(${REASONS})::text from (${livePairsSql(workspaceId, customerId)}) s`;
}
