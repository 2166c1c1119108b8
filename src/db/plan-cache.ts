import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { fillPlaceholders, is, Placeholder, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Db } from './client';
import { pgErrorCode } from './errors';
import { queryRows } from './rows';

/**
 * Hot read statements with a cached plan. PGlite plans every statement anew in WebAssembly, and for the
 * 360 view planning cost more than running (measured at 100k customers: its statement took 1.7 ms planned
 * each time, 0.4 ms with its plan kept). A sorted list gains nothing: its plan depends on its filters.
 *
 * - Embedded: each statement text becomes a session-local PL/pgSQL function (schema pg_temp) whose body is
 *   the statement itself; PL/pgSQL keeps the plans of its statements for the session.
 * - Server: a named prepared statement, which node-postgres parses once per pooled connection; for a
 *   generic plan, a PL/pgSQL function in each connection's pg_temp, as on PGlite.
 *
 * Either way PostgreSQL decides per statement between a plan made for the values at hand and a generic
 * one (plan_cache_mode), exactly as for any prepared statement. A statement passed with a transaction's
 * `tx` runs plainly: a function created inside a transaction that rolls back would vanish.
 */
/** What the plan cache needs of PGlite, on this thread or on the database thread. */
export type PgliteQueries = Pick<PGlite, 'query' | 'exec' | 'describeQuery'>;

type Runner = (text: string, params: unknown[], plan: KeptPlan) => Promise<string | null>;

/**
 * - 'none': no kept plan, planned for its values on every call (a sorted list: its best plan depends on
 *   its filter values).
 * - 'auto': PostgreSQL's own choice between a plan for the values at hand and a generic one.
 * - 'generic': always the generic plan, for a statement whose plan does not depend on its values (the 360
 *   view, the ranked search). PostgreSQL's own choice kept planning the 360 view anew on every call (300
 *   custom plans of 300 measured).
 */
export type KeptPlan = 'none' | 'auto' | 'generic';

const runners = new WeakMap<object, Runner>();
const dialect = new PgDialect();

/** Statement shapes kept per database; past this, new shapes run plainly (a runaway shape cannot bloat it). */
export const PLAN_CACHE_LIMIT = 500;

/**
 * Turns the plan cache on for queries made through `db` (the root handle, not a transaction).
 * KEHU_PLAN_CACHE=off leaves it off, to compare or to rule it out.
 */
export function enablePlanCache(db: Db, client: { pglite: PgliteQueries } | { pool: pg.Pool }): void {
  if (process.env.KEHU_PLAN_CACHE === 'off') return;
  runners.set(db, 'pglite' in client ? pgliteRunner(client.pglite) : poolRunner(client.pool));
}

/**
 * Runs `query`, which must answer one row of one text column (cast JSON `::text`), and returns that value
 * (null when there is no row). Used for statements that hand their result over as one JSON document.
 */
export async function queryTextCached(
  db: Pick<Db, 'execute'>,
  query: SQL,
  plan: KeptPlan = 'auto',
): Promise<string | null> {
  const runner = runners.get(db);
  if (!runner) return queryText(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return runner(text, params, plan);
}

/** A value, or a placeholder for one in a statement built once (`preparedText`). */
export type Param<T> = T | Placeholder;

/**
 * A one-value statement built ONCE with placeholders and then run with a kept plan for any values. Drizzle
 * takes about 0.4 ms to build the 360 view's statement, as long as PGlite takes to run it with a kept plan.
 * `build` gets placeholders (or, where no plan is kept, the values themselves) and must not branch on them.
 */
export function preparedText<N extends string>(
  names: readonly N[],
  build: (p: Record<N, Param<unknown>>) => SQL,
  plan: KeptPlan = 'auto',
) {
  let built: { sql: string; params: unknown[] } | undefined;
  return async (db: Pick<Db, 'execute'>, values: Record<N, unknown>): Promise<string | null> => {
    const runner = runners.get(db);
    if (!runner) return queryText(db, build(values));
    built ??= dialect.sqlToQuery(
      build(
        Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as unknown as Record<N, Placeholder>,
      ),
    );
    return runner(built.sql, fillPlaceholders(built.params, values), plan);
  };
}

/**
 * Statements that come in a few shapes (which filters, which kinds of search match), each built ONCE per
 * shape: building a list's statement with Drizzle took 0.4 ms a request, more than PostgreSQL took to run
 * it. `build` sees the shape and a `p(name)` that stands for a value: a placeholder when the statement is
 * kept, the value itself when it runs plainly (a transaction, or the cache turned off). It must not branch
 * on anything but the shape; a value that reaches the SQL other than through `p` is refused when the shape
 * is first built, so no statement can carry one request's values into another's.
 */
export function shapedText<S, N extends string>(
  build: (shape: S, p: (name: N) => Param<unknown>) => SQL,
  plan: KeptPlan,
) {
  const built = new Map<string, { sql: string; params: unknown[] }>();
  return async (db: Pick<Db, 'execute'>, shape: S, values: Record<N, unknown>): Promise<string | null> => {
    const runner = runners.get(db);
    if (!runner)
      return queryText(
        db,
        build(shape, (name) => values[name]),
      );
    const key = JSON.stringify(shape);
    let statement = built.get(key);
    if (!statement) {
      statement = dialect.sqlToQuery(build(shape, (name) => sql.placeholder(name)));
      if (statement.params.some((param) => !is(param, Placeholder)))
        throw new Error(
          `shapedText: a value was written into the statement of shape ${key}; pass it through p()`,
        );
      if (built.size < PLAN_CACHE_LIMIT) built.set(key, statement);
    }
    return runner(statement.sql, fillPlaceholders(statement.params, values), plan);
  };
}

/** An array as ONE parameter, whether a placeholder or a value (Drizzle expands a bare array into a list). */
export const oneParam = (value: Param<unknown>): SQLWrapper | Placeholder =>
  is(value, Placeholder) ? value : sql.param(value);

/** The same without a kept plan, for statements whose best plan depends on the values (sorted lists). */
export async function queryText(db: Pick<Db, 'execute'>, query: SQL): Promise<string | null> {
  return firstText(await queryRows<Record<string, unknown>>(db, query));
}

const shapeName = (text: string) => `kehu_q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

const firstText = (rows: Record<string, unknown>[]): string | null => {
  const value = rows[0] ? Object.values(rows[0])[0] : null;
  return value === null || value === undefined ? null : String(value);
};

/**
 * The session function that runs `text`: its body is the statement, whose $1…$n are its arguments.
 * `generic` pins the generic plan; without it PL/pgSQL chooses as for any prepared statement.
 */
const functionSql = (fn: string, argTypes: readonly string[], text: string, generic: boolean) =>
  `create or replace function ${fn}(${argTypes.join(', ')}) returns text language plpgsql
  ${generic ? 'set plan_cache_mode = force_generic_plan' : ''} as $kehu_body$
begin
  return (${text});
end $kehu_body$`;

const callSql = (fn: string, params: readonly unknown[]) =>
  `select ${fn}(${params.map((_, i) => `$${i + 1}`).join(', ')}) as v`;

function poolRunner(pool: pg.Pool): Runner {
  /** The functions each connection has made: temporary objects live and die with their connection. */
  const made = new WeakMap<pg.PoolClient, Set<string>>();
  const unkept = new Set<string>();

  // The statement's parameter types, as PostgreSQL infers them, from a statement prepared for the purpose.
  async function argTypesOf(client: pg.PoolClient, text: string): Promise<string[]> {
    await client.query(`prepare kehu_probe as ${text}`);
    try {
      const res = await client.query<{ t: string[] }>(
        `select parameter_types::text[] as t from pg_prepared_statements where name = 'kehu_probe'`,
      );
      return res.rows[0]!.t;
    } finally {
      await client.query('deallocate kehu_probe');
    }
  }

  async function generic(text: string, params: unknown[]): Promise<string | null> {
    const name = shapeName(`generic:${text}`);
    const fn = `pg_temp.${name}`;
    const client = await pool.connect();
    try {
      const fns = made.get(client) ?? new Set<string>();
      made.set(client, fns);
      if (unkept.has(text))
        return firstText((await client.query(text, params)).rows as Record<string, unknown>[]);
      if (!fns.has(name)) {
        try {
          await client.query(functionSql(fn, await argTypesOf(client, text), text, true));
        } catch {
          // A statement that cannot become a function (a parameter of no definite type) runs as it is.
          if (unkept.size < PLAN_CACHE_LIMIT) unkept.add(text);
          return firstText((await client.query(text, params)).rows as Record<string, unknown>[]);
        }
        fns.add(name);
      }
      try {
        const res = await client.query({ name: `${name}_call`, text: callSql(fn, params), values: params });
        return firstText(res.rows as Record<string, unknown>[]);
      } catch (err) {
        if (pgErrorCode(err) !== '42883') throw err;
        fns.delete(name); // dropped behind our back: made again next time
        return firstText((await client.query(text, params)).rows as Record<string, unknown>[]);
      }
    } finally {
      client.release();
    }
  }

  return async (text, params, plan) => {
    if (plan === 'generic') return generic(text, params);
    if (plan === 'none') return firstText((await pool.query(text, params)).rows as Record<string, unknown>[]);
    const res = await pool.query({ name: shapeName(text), text, values: params });
    return firstText(res.rows as Record<string, unknown>[]);
  };
}

// OIDs PostgreSQL leaves unresolved; a function cannot take them as arguments.
const UNRESOLVED_TYPES = new Set([0, 705]);

const shapeKey = (text: string, plan: KeptPlan) => `${plan}:${text}`;

function pgliteRunner(pglite: PgliteQueries): Runner {
  /** Statement text → the function that runs it, or null when it must run plainly. */
  const shapes = new Map<string, Promise<string | null>>();
  const typeNames = new Map<number, string>();

  async function typeName(oid: number): Promise<string> {
    let name = typeNames.get(oid);
    if (!name) {
      const res = await pglite.query<{ t: string }>('select format_type($1::oid, null) as t', [oid]);
      name = res.rows[0]!.t;
      typeNames.set(oid, name);
    }
    return name;
  }

  async function createShape(text: string, plan: KeptPlan): Promise<string | null> {
    const described = await pglite.describeQuery(text);
    const oids = described.queryParams.map((p) => p.dataTypeID);
    if (oids.some((oid) => UNRESOLVED_TYPES.has(oid)) || described.resultFields.length !== 1) return null;
    const args = [];
    for (const oid of oids) args.push(await typeName(oid));
    const fn = `pg_temp.${shapeName(shapeKey(text, plan))}`;
    await pglite.exec(functionSql(fn, args, text, plan === 'generic'));
    return fn;
  }

  function functionFor(text: string, plan: KeptPlan): Promise<string | null> {
    const key = shapeKey(text, plan);
    let shape = shapes.get(key);
    if (!shape) {
      if (shapes.size >= PLAN_CACHE_LIMIT) return Promise.resolve(null);
      shape = createShape(text, plan).catch(() => null);
      shapes.set(key, shape);
    }
    return shape;
  }

  const plain = async (text: string, params: unknown[]) =>
    firstText((await pglite.query<Record<string, unknown>>(text, params)).rows);

  return async (text, params, plan) => {
    if (plan === 'none') return plain(text, params);
    const fn = await functionFor(text, plan);
    if (!fn) return plain(text, params);
    const call = callSql(fn, params);
    try {
      return firstText((await pglite.query<Record<string, unknown>>(call, params)).rows);
    } catch (err) {
      // The function is gone (a restore replaced the database): forget it and run the statement as is.
      if (pgErrorCode(err) !== '42883') throw err;
      shapes.delete(shapeKey(text, plan));
      return plain(text, params);
    }
  };
}
