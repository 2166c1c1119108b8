/**
 * Set-wise merge statements shared by the flat entities (customers, products, contacts, activities):
 * update the existing records whose values differ (version + 1, updated_at now) and insert the new ones.
 * A record whose values are all the same is not touched, so re-importing a file changes nothing.
 */
import { ROWS } from './staging';
import { type EngineContext, int } from './validate-common';

/** A column written by the merge and the SQL of its new value (over staged row s and current row t). */
export type MergeColumn = { col: string; update: string; insert: string };

/** Rows that may be written: valid, not an exact repeat of an earlier row. */
export const WRITABLE = 'not s.has_issue and not s.repeat';

/** `s.x` when the cell has a value, else the record's own: an empty cell never clears a field. */
export const keep = (col: string, staged = col) => ({
  col,
  update: `coalesce(s.${staged}, t.${col})`,
  insert: `s.${staged}`,
});

export async function updateChanged(ctx: EngineContext, table: string, cols: readonly MergeColumn[]) {
  const ws = int(ctx.workspaceId);
  const names = cols.map((c) => c.col);
  const [row] = await ctx.session.query<{ n: number }>(
    `with n as (
       select t.id, ${cols.map((c) => `${c.update} as ${c.col}`).join(', ')}
         from ${ROWS} s join ${table} t on t.workspace_id = ${ws} and t.id = s.existing_id
        where ${WRITABLE}),
     u as (
       update ${table} t set (${names.join(', ')}, version, updated_at)
            = row(${names.map((c) => `n.${c}`).join(', ')}, t.version + 1, now())
         from n where t.workspace_id = ${ws} and t.id = n.id
          and (${names.map((c) => `t.${c}`).join(', ')}) is distinct from (${names.map((c) => `n.${c}`).join(', ')})
        returning 1)
     select count(*)::int as n from u`,
  );
  return row?.n ?? 0;
}

export async function insertNew(
  ctx: EngineContext,
  table: string,
  cols: readonly MergeColumn[],
  from = `${ROWS} s`,
): Promise<number> {
  const ws = int(ctx.workspaceId);
  const [row] = await ctx.session.query<{ n: number }>(
    `with i as (
       insert into ${table} (workspace_id, created_by, ${cols.map((c) => c.col).join(', ')})
       select ${ws}, ${int(ctx.actor.userId)}, ${cols.map((c) => c.insert).join(', ')}
         from ${from} where ${WRITABLE} and s.existing_id is null order by s.line
       returning 1)
     select count(*)::int as n from i`,
  );
  return row?.n ?? 0;
}

/** Existing records among the writable rows (each counted once): updated ones are subtracted later. */
export async function countExisting(ctx: EngineContext): Promise<number> {
  const [row] = await ctx.session.query<{ n: number }>(
    `select count(distinct s.existing_id)::int as n from ${ROWS} s where ${WRITABLE} and s.existing_id is not null`,
  );
  return row?.n ?? 0;
}

/** Updates then inserts; unchanged = existing records the update left alone. */
export async function mergeFlat(
  ctx: EngineContext,
  table: string,
  cols: readonly MergeColumn[],
  from?: string,
) {
  const existing = await countExisting(ctx);
  const updated = await updateChanged(ctx, table, cols);
  const inserted = await insertNew(ctx, table, cols, from);
  return { inserted, updated, unchanged: existing - updated };
}
