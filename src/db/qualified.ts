import { type SQL, sql } from 'drizzle-orm';

/**
 * A column named with its table, for correlated subqueries written in `sql` templates: Drizzle renders
 * `${table.column}` in a select list unqualified, and inside a subquery that name would bind to the
 * subquery's own table (a `workspace_id = workspace_id` that filters nothing).
 */
export const qualified = (table: string, column: string): SQL => sql.raw(`"${table}"."${column}"`);
