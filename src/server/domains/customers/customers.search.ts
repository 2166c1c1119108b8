import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { contacts, customers } from '../../../db/schema';
import { queryGrams } from '../../../shared/customers/search-grams';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const PHONE_LIKE = /^\+?[\d\s-]{5,}$/;

/**
 * `q` finds customers by code (prefix), name or short name (pg_trgm similarity; substrings of 3+
 * characters), any 2+ character fragment of a Chinese name (character bigrams, GIN `@>`), and by a
 * contact's name, phone or e-mail. `score` ranks: exact code, exact name, then closeness.
 */
export function customerSearch(workspaceId: number, rawQ: string): { where: SQL; score: SQL<number> } {
  const q = rawQ.normalize('NFKC').trim();
  const like = escapeLike(q);
  const grams = queryGrams(q);
  const len = [...q].length;
  const gramsMatch = grams.length
    ? sql`${customers.searchGrams} @> ${sql`ARRAY[${sql.join(
        grams.map((g) => sql`${g}`),
        sql`, `,
      )}]::text[]`}`
    : sql`false`;
  const substring = len >= 3 ? sql`${customers.name} ilike ${`%${like}%`}` : sql`false`;
  const phone = PHONE_LIKE.test(q) ? q.replace(/[\s-]/g, '') : null;

  const contactHits = sql`${customers.id} in (select ${contacts.customerId} from ${contacts} where ${and(
    eq(contacts.workspaceId, workspaceId),
    isNull(contacts.deletedAt),
    or(
      eq(contacts.name, q),
      sql`${contacts.name} like ${`${like}%`}`,
      len >= 3 ? sql`${contacts.name} ilike ${`%${like}%`}` : undefined,
      phone ? sql`${contacts.phones} @> ARRAY[${phone}]::text[]` : undefined,
      q.includes('@') ? sql`lower(${contacts.email}) = lower(${q})` : undefined,
    ),
  )})`;

  const where = or(
    sql`lower(${customers.code}) like lower(${`${like}%`})`,
    sql`${customers.name} % ${q}`,
    sql`${customers.shortName} % ${q}`,
    gramsMatch,
    substring,
    contactHits,
  )!;

  const score = sql<number>`greatest(
    case when lower(${customers.code}) = lower(${q}) then 3
         when lower(${customers.code}) like lower(${`${like}%`}) then 2 else 0 end,
    case when ${customers.name} = ${q} or ${customers.shortName} = ${q} then 2.5 else 0 end,
    similarity(${customers.name}, ${q}),
    similarity(coalesce(${customers.shortName}, ''), ${q}),
    case when ${gramsMatch} then 0.5 + 0.5 * ${len}::float8 / greatest(char_length(${customers.name}), 1) else 0 end,
    case when ${substring} then 0.4 + 0.5 * ${len}::float8 / greatest(char_length(${customers.name}), 1) else 0 end,
    case when ${contactHits} then 0.45 else 0 end
  )::float8`;
  return { where, score };
}
