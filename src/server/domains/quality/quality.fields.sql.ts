import { type SQL, sql } from 'drizzle-orm';
import {
  customFieldKey,
  type ProfileField,
  type RequiredField,
} from '../../../shared/quality/quality-fields';

/**
 * The SQL twin of `isFilled` (src/shared/quality/quality-score.ts), over the row of `customers` (the
 * table under its own name) and its contact facts `cf` in the statement around it. Text is filled when it holds a character other
 * than white space (ASCII or the ideographic space U+3000), as the pure rule says.
 */
export const BLANKS = ' \t\n\r\f\v\u3000';

/** Filled text: something is left once the blanks are trimmed (btrim is much cheaper than a regex). */
const filled = (value: SQL) => sql`coalesce(btrim(${value}, ${BLANKS}) <> '', false)`;
const text = (column: string) => filled(sql.raw(`customers.${column}`));
const PROFILE_SQL: Record<ProfileField, () => SQL> = {
  shortName: () => text('short_name'),
  industry: () => text('industry'),
  province: () => text('province'),
  city: () => text('city'),
  address: () => text('address'),
  taxId: () => text('tax_id'),
  employees: () => sql`(customers.employees is not null)`,
  revenueBand: () => text('revenue_band'),
  creditRating: () => text('credit_rating'),
  source: () => text('source'),
  owner: () => sql`(customers.owner_id is not null)`,
  branch: () => sql`(customers.branch_id is not null)`,
  // From the customer's row of contactFactsSql, joined as `cf`.
  contact: () => sql`(cf.customer_id is not null)`,
  contactPhone: () => sql`coalesce(cf.with_phone, false)`,
  contactEmail: () => sql`coalesce(cf.with_email, false)`,
};

/** Whether the required fields ask about contacts (then the statement joins contactFactsSql as `cf`). */
export const needsContactFacts = (required: readonly RequiredField[]) =>
  required.some((f) => f === 'contact' || f === 'contactPhone' || f === 'contactEmail');

/**
 * Per customer with a live contact: whether one has a phone, one an e-mail. One pass over the
 * workspace's contacts, where a probe per customer costs 2 index lookups for each of 200,000.
 */
export function contactFactsSql(workspaceId: number): SQL {
  return sql`
    select ct.customer_id,
           bool_or(${filled(sql`array_to_string(ct.phones, '')`)}) as with_phone,
           bool_or(${filled(sql`ct.email`)}) as with_email
      from contacts ct
     where ct.workspace_id = ${workspaceId} and ct.deleted_at is null
     group by ct.customer_id`;
}

export function filledSql(field: RequiredField): SQL {
  const key = customFieldKey(field);
  if (key !== null) return filled(sql`customers.custom_fields ->> ${key}`);
  return PROFILE_SQL[field as ProfileField]();
}

/** The required fields a customer lacks, in the order required: a text[] (empty when complete). */
export function missingFieldsSql(required: readonly RequiredField[]): SQL {
  if (required.length === 0) return sql`'{}'::text[]`;
  const cases = required.map((f) => sql`case when not ${filledSql(f)} then ${f}::text end`);
  return sql`array_remove(array[${sql.join(cases, sql`, `)}]::text[], null)`;
}

/**
 * The customer was created, or touched by a live activity or order, on `cutoffDay` or later in the
 * workspace's time zone: the negation of stale (see staleCutoffDay).
 */
export function freshSql(cutoffDay: string, timeZone: string): SQL {
  const since = sql`(${cutoffDay}::date::timestamp at time zone ${timeZone})`;
  return sql`(customers.created_at >= ${since}
    or exists (select 1 from activities a where a.workspace_id = customers.workspace_id
                 and a.customer_id = customers.id and a.occurred_at >= ${since} and a.deleted_at is null)
    or exists (select 1 from orders o where o.workspace_id = customers.workspace_id
                 and o.customer_id = customers.id and o.ordered_at >= ${cutoffDay}::date
                 and o.deleted_at is null))`;
}
