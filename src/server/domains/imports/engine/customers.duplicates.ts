/**
 * 查重 on a customers import. Rows that would create a NEW customer (valid, code not in the workspace)
 * are matched against the existing customers by the duplicates engine (findDuplicatesForStaging: exact
 * tax ID, name-key similarity ≥ LIST_NAME_THRESHOLD, scored as on the duplicates page), set-wise over a
 * temp table of those rows. Only customers the importing user may change are considered (for the roles
 * that may create customers, that is exactly what they may see): a look-alike they may not see is
 * neither named nor merged into.
 *
 * Without `mergeDuplicates` each such row gets a WARNING naming the best look-alike (code, name, score):
 * the row stays valid and is created. With it, a row whose best look-alike is a clear match (the same
 * tax ID, or a score ≥ MERGE_MIN_SCORE) updates that customer instead (its code is kept), and is reported
 * as merged. Only one row of a file merges into a given customer, and never into one that another row
 * of the file names by its code: the others are reported and created.
 *
 * New rows that look like the same company as an earlier new row of the file (the same name key after
 * suffix normalisation, or the same tax ID) are reported too.
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { BulkSession } from '../../../../db/bulk';
import type { Db } from '../../../../db/client';
import { findDuplicatesForStaging } from '../../duplicates';
import { addIssues, ISSUES, ROWS } from './staging';
import { type EngineContext, int, writableSql } from './validate-common';

/** A look-alike is merged into only from this score up (or with the same tax ID, which alone scores 0.95). */
export const MERGE_MIN_SCORE = 0.9;

/**
 * Names are compared (pg_trgm) for up to this many new rows; a bigger file is matched by tax ID only and
 * says how many rows' names went unchecked (the duplicates page finds the rest after the import). The
 * set-wise name join grows faster than the rows when most of them match: generated look-alike names
 * (杭州化工123 …) on PGlite took 6 s for 5,000 rows against 5,000 customers, about 215 s of a 222 s import for 20,000 against
 * 20,000 (and minutes on PostgreSQL for 100,000 against 100,000).
 */
export const NAME_CHECK_MAX_ROWS = 5_000;

/** How many candidates per row are looked at (the best one the user may change is taken). */
const PER_ROW = 5;

const dialect = new PgDialect();

/** The engine's bulk session seen as a Drizzle executor (`execute(sql) → { rows }`), for the duplicates engine. */
function executorOf(session: BulkSession): Pick<Db, 'execute'> {
  const execute = async (query: SQL) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return { rows: await session.query(text, params) };
  };
  return { execute } as unknown as Pick<Db, 'execute'>;
}

const NEW_ROWS = `not s.has_issue and not s.repeat and s.existing_id is null and s.customer_code is not null`;

export async function detectCustomerDuplicates(
  ctx: EngineContext,
  merge: boolean,
  nameCheckMaxRows = NAME_CHECK_MAX_ROWS,
): Promise<{ duplicates: number; merged: number; namesUnchecked: number }> {
  const { session } = ctx;
  const ws = int(ctx.workspaceId);
  // The first import into a workspace has nothing to compare with.
  const [state] = await session.query<{ any: boolean; rows: number }>(
    `select exists (select 1 from customers c where c.workspace_id = ${ws} and c.deleted_at is null) as any,
            (select count(*)::int from ${ROWS} s where ${NEW_ROWS}) as rows`,
  );
  const newRows = state?.rows ?? 0;
  const namesUnchecked = newRows > nameCheckMaxRows && state?.any ? newRows : 0;
  let found: Awaited<ReturnType<typeof findDuplicatesForStaging>> = [];
  if (state?.any && newRows > 0) {
    await session.query(
      `create temp table imp_dupe_rows on commit drop as
         select s.line::bigint as row_no, ${namesUnchecked > 0 ? 'null::text' : 's.name'} as name, s.tax_id,
                null::text as phone, null::text as email
           from ${ROWS} s where ${NEW_ROWS}${namesUnchecked > 0 ? ' and s.tax_id is not null' : ''}`,
    );
    found = await findDuplicatesForStaging(executorOf(session), ctx.workspaceId, 'imp_dupe_rows', {
      perRow: PER_ROW,
    });
    await session.query('drop table imp_dupe_rows');
  }
  let merged = 0;
  if (found.length > 0) {
    const pairs = found.map((f) => ({
      line: f.rowNo,
      id: f.customerId,
      score: f.score,
      tax: f.reasons.includes('taxId'),
    }));
    // The best look-alike the user may change, per row; whether it is a clear match; and which rows
    // may merge (the first row per customer, and no customer that a row of the file names by code).
    await session.query(
      `create temp table imp_dupes on commit drop as
       with f as (
         select * from jsonb_to_recordset($1::jsonb) as x(line int, id bigint, score numeric, tax boolean)),
       best as (
         select distinct on (f.line) f.line, c.id, c.code, c.name, c.owner_id, c.branch_id, f.score, f.tax
           from f join customers c on c.workspace_id = ${ws} and c.id = f.id and c.deleted_at is null
          where ${writableSql(ctx.actor, 'c', 'customer')}
          order by f.line, f.score desc, c.id)
       select b.*, ${merge ? 'true' : 'false'} and (b.tax or b.score >= ${MERGE_MIN_SCORE})
                   and row_number() over (partition by b.id order by b.line) = 1
                   and not exists (select 1 from ${ROWS} o where o.existing_id = b.id) as merge,
              min(b.line) over (partition by b.id) as first_line
         from best b`,
      [JSON.stringify(pairs)],
    );
    const [m] = await session.query<{ n: number }>(
      `with u as (
         update ${ROWS} s set existing_id = d.id, existing_owner = d.owner_id, existing_branch = d.branch_id,
                customer_ok = true
           from imp_dupes d where d.merge and s.line = d.line
         returning 1)
       select count(*)::int as n from u`,
    );
    merged = m?.n ?? 0;
    const params = `jsonb_build_object('code', d.code, 'name', d.name, 'score', d.score)`;
    const from = `${ROWS} s join imp_dupes d on d.line = s.line`;
    await addIssues(session, {
      col: 'name',
      code: 'duplicate_merged',
      value: 's.name',
      params,
      from,
      where: 'd.merge',
      warning: true,
    });
    await addIssues(session, {
      col: 'name',
      code: 'duplicate_customer',
      value: 's.name',
      params,
      from,
      where: `not d.merge and not (${merge ? 'true' : 'false'} and d.first_line < d.line
                and exists (select 1 from imp_dupes e where e.id = d.id and e.merge))`,
      warning: true,
    });
    // With merging asked, a second row that resembles the customer an earlier row merges into.
    await addIssues(session, {
      col: 'name',
      code: 'duplicate_merge_taken',
      value: 's.name',
      params: `${params} || jsonb_build_object('other', d.first_line)`,
      from,
      where: `not d.merge and ${merge ? 'true' : 'false'} and d.first_line < d.line
                and exists (select 1 from imp_dupes e where e.id = d.id and e.merge)`,
      warning: true,
    });
  }
  await reportWithinFile(ctx, newRows <= nameCheckMaxRows);
  const [d] = await session.query<{ n: number }>(
    `select count(distinct line)::int as n from ${ISSUES}
      where warning and code in ('duplicate_customer', 'duplicate_merge_taken', 'duplicate_in_file')`,
  );
  return { duplicates: d?.n ?? 0, merged, namesUnchecked };
}

/**
 * New rows (still new after merging) that look like the same company as an earlier new row: the same
 * name key, or beyond the name-check limit the same name as written (kehu_name_key costs ~60 µs a row on
 * PGlite: 6 s for 100,000), or the same tax ID.
 */
async function reportWithinFile(ctx: EngineContext, byKey: boolean) {
  await ctx.session.query(
    `create temp table imp_dupe_keys on commit drop as
       select line, min(line) over (partition by nk) as by_name,
              case when tax is not null then min(line) over (partition by tax) end as by_tax
         from (select s.line, ${byKey ? 'kehu_name_key(s.name)' : 's.name'} as nk,
                      nullif(upper(btrim(s.tax_id)), '') as tax
                 from ${ROWS} s where ${NEW_ROWS}) k`,
  );
  await addIssues(ctx.session, {
    col: 'name',
    code: 'duplicate_in_file',
    value: 's.name',
    params: `jsonb_build_object('other', least(k.by_name, coalesce(k.by_tax, k.by_name)))`,
    from: `${ROWS} s join imp_dupe_keys k on k.line = s.line`,
    where: 'least(k.by_name, coalesce(k.by_tax, k.by_name)) < s.line',
    warning: true,
  });
  await ctx.session.query('drop table imp_dupe_keys');
}
