/**
 * `kehu bench value [--customers N | --million] [--driver pglite|postgres|both]`: what the per-customer
 * metrics cost and what they buy.
 * (a) The price an order insert pays for the metric triggers: orders inserted one statement each, and
 *     100,000 in one statement, with the triggers and without (disabled in the benchmark's own database).
 * (b) readValueInputs over the whole base (default 100,000 customers, 1,000,000 orders), three times, next
 *     to the naive scan of every order it replaces.
 * The data set is generated once in SQL (bench/value-data.ts) and reused: PGlite in
 * bench/data/value/pglite-<n>/, PostgreSQL in the database kehu_bench_value_<n> beside DATABASE_URL
 * (else on postgres://postgres@127.0.0.1:5432).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureDefaultWorkspace } from '../src/db/bootstrap';
import { withBulkSession } from '../src/db/bulk';
import { createDb, type DbHandle } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { readValueInputs } from '../src/server/domains/customer-metrics';
import { DEFAULT_VALUE_SETTINGS } from '../src/shared/analytics/value-settings';
import { generateValueData, type Step, VALUE_BENCH_AS_OF } from './value-data';
import { type TimedRun, timedRun } from './value-run';

const DATA = fileURLToPath(new URL('./data/value', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results', import.meta.url));
/** Bump when the generated data set changes: older ones are then regenerated. */
const DATA_VERSION = 'value-1';
const log = (line: string) => console.error(line);

async function openPglite(customers: number): Promise<{ handle: DbHandle; reused: boolean }> {
  const dir = join(DATA, `pglite-${customers}`);
  const marker = join(dir, 'kehu-bench.marker');
  const reused = existsSync(marker) && readFileSync(marker, 'utf8') === DATA_VERSION;
  if (!reused) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { handle: await createDb({ dataDir: dir }), reused };
}

async function openPostgres(customers: number): Promise<{ handle: DbHandle; reused: boolean }> {
  const server =
    process.env.DATABASE_URL ??
    process.env.KEHU_BENCH_PG_SERVER ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `kehu_bench_value_${customers}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  let reused = false;
  try {
    const [row] = (
      await admin.query(
        `select shobj_description(oid, 'pg_database') as marker from pg_database where datname = $1`,
        [name],
      )
    ).rows;
    reused = row?.marker === DATA_VERSION;
    if (!reused) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    }
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { handle: await createDb({ databaseUrl: url.toString(), poolSize: 4 }), reused };
}

async function markDone(handle: DbHandle, driver: 'pglite' | 'postgres', customers: number) {
  if (driver === 'pglite')
    writeFileSync(join(DATA, `pglite-${customers}`, 'kehu-bench.marker'), DATA_VERSION);
  else await handle.db.execute(`comment on database kehu_bench_value_${customers} is '${DATA_VERSION}'`);
}

const ms = (start: number) => performance.now() - start;
const TRIGGERS = ['orders_metrics_insert', 'orders_metrics_delete'];

/** (a): orders inserted with the metric triggers and without; the rows are removed again afterwards. */
async function insertCost(handle: DbHandle, ws: number, label: string, triggers: boolean) {
  const exec = (text: string) => handle.db.execute(text);
  if (!triggers) for (const t of TRIGGERS) await exec(`alter table orders disable trigger ${t}`);
  try {
    const [c] = await withBulkSession(handle, (q) =>
      q.query<{ lo: number; n: number }>(
        `select min(id)::int as lo, least(count(*), 10000)::int as n from customers where workspace_id = $1`,
        [ws],
      ),
    );
    const { lo, n } = c!;
    const single = 1000;
    let start = performance.now();
    for (let i = 0; i < single; i++) {
      await exec(
        `insert into orders (workspace_id, order_no, customer_id, ordered_at, status, total_amount, total_cost)
         values (${ws}, 'BX-${label}-${i}', ${lo + ((i * 7919) % n)}, date '${VALUE_BENCH_AS_OF}' - ${i % 700}, 'completed', ${100 + i}.25, ${50 + i})`,
      );
    }
    const singleMs = ms(start);
    start = performance.now();
    const bulk = 100_000;
    await exec(
      `insert into orders (workspace_id, order_no, customer_id, ordered_at, status, total_amount, total_cost)
       select ${ws}, 'BY-${label}-' || i, ${lo} + (i * 7919) % ${n}, date '${VALUE_BENCH_AS_OF}' - i % 700, 'completed', 100 + i % 1000, 50
         from generate_series(1, ${bulk}) i`,
    );
    const bulkMs = ms(start);
    await exec(
      `delete from orders where workspace_id = ${ws} and (order_no like 'BX-${label}-%' or order_no like 'BY-${label}-%')`,
    );
    return { triggers, perSingleInsertMs: singleMs / single, singleInserts: single, bulkRows: bulk, bulkMs };
  } finally {
    if (!triggers) for (const t of TRIGGERS) await exec(`alter table orders enable always trigger ${t}`);
  }
}

async function benchDriver(driver: 'pglite' | 'postgres', customers: number) {
  const { handle, reused } =
    driver === 'pglite' ? await openPglite(customers) : await openPostgres(customers);
  try {
    await migrate(handle);
    const ws = await ensureDefaultWorkspace(handle.db);
    let generation: Step[] = [];
    if (!reused) {
      log(`${driver}: generating ${customers} customers, ${customers * 10} orders`);
      generation = await generateValueData(handle, ws, customers, log);
      await markDone(handle, driver, customers);
    } else log(`${driver}: reusing the data set`);

    const inserts = [];
    if (process.env.KEHU_BENCH_VALUE_READ_ONLY !== '1') {
      log(`${driver}: insert cost`);
      for (const triggers of [false, true, false, true])
        inserts.push(await insertCost(handle, ws, `${triggers}`, triggers));
    }

    await handle.db.execute('vacuum analyze orders'); // the insert-cost rows leave dead tuples behind
    // A migration's backfill (0014 rewrote every customer_metrics row) leaves dead rows that autovacuum
    // clears in a real deployment; the test server runs without it.
    await handle.db.execute('vacuum analyze customer_metrics');
    const settings = DEFAULT_VALUE_SETTINGS;
    const prospects = { ...settings, productProspects: { 阀门: 5, 管道: 4, 泵: 3, 仪表: 2, 密封件: 1 } };
    const reads: { settings: string; ms: number; customers: number; rssMb: number }[] = [];
    for (const [name, s] of [
      ['default', settings],
      ['default', settings],
      ['default', settings],
      ['with product prospects', prospects],
    ] as const) {
      const start = performance.now();
      const inputs = await withBulkSession(handle, (session) =>
        readValueInputs(session, { workspaceId: ws, asOf: VALUE_BENCH_AS_OF, settings: s }),
      );
      reads.push({
        settings: name,
        ms: Math.round(ms(start)),
        customers: inputs.length,
        rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      });
      log(`${driver}: readValueInputs (${name}) ${reads.at(-1)!.ms} ms, ${inputs.length} customers`);
    }
    // The month-rows path (what every run read before migration 0012; today a run whose as-of lies before
    // the anchor month): the anchor moved a month on in a transaction that is rolled back.
    const monthRows: number[] = [];
    const rollback = new Error('bench: roll back');
    for (let i = 0; i < 2; i++) {
      await withBulkSession(handle, async (session) => {
        await session.query(
          `update customer_window_anchors set anchor_month = (anchor_month + interval '1 month')::date
            where workspace_id = $1`,
          [ws],
        );
        const t0 = performance.now();
        await readValueInputs(session, { workspaceId: ws, asOf: VALUE_BENCH_AS_OF, settings });
        monthRows.push(Math.round(ms(t0)));
        throw rollback;
      }).catch((err) => {
        if (err !== rollback) throw err;
      });
      log(`${driver}: readValueInputs from the month rows ${monthRows.at(-1)} ms`);
    }
    // Re-anchoring the window rows (migration 0012), what the first run of a month pays before its read.
    let start = performance.now();
    await withBulkSession(handle, (s) =>
      s.query('select kehu_anchor_customer_windows($1::bigint, $2::date, $3::int)', [
        ws,
        VALUE_BENCH_AS_OF,
        settings.rfm.windowMonths,
      ]),
    );
    const reanchorMs = Math.round(ms(start));
    log(`${driver}: re-anchoring the window rows ${reanchorMs} ms`);
    // Re-anchoring rewrote every window row: autovacuum clears the old versions before the next day's run
    // (a server run with autovacuum off, as the test server is, would read twice the pages instead).
    await handle.db.execute('vacuum analyze customer_window_metrics');
    // …and a checkpoint writes out the gigabyte of pages both left dirty, which would otherwise be written
    // during the timed runs below.
    await handle.db.execute('checkpoint');
    // The whole classification as a run does it, in one transaction: read, classify, COPY every verdict
    // into value_run_customers (then rolled back, so that the data set stays as it is).
    // The classification alone (issue 5), then with the lifetime-value models refitted and every
    // customer scored (issue 6), as `kehu classify` runs it.
    const classifications: TimedRun[] = [];
    const withModels: TimedRun[] = [];
    for (const models of [false, false, true, true]) {
      const c = await timedRun(handle, ws, settings, models);
      (models ? withModels : classifications).push(c);
      log(
        models
          ? `${driver}: full run with the models ${c.totalMs} ms (read ${c.readMs}, fit ${c.fitMs} on ${c.fittedOn} customers, score ${c.scoreMs}, classify ${c.classifyMs}, store ${c.storeMs} ms)`
          : `${driver}: full classification ${c.totalMs} ms (read ${c.readMs}, classify ${c.classifyMs}, store ${c.storeMs} ms)`,
      );
    }
    start = performance.now();
    await handle.db.execute(
      `select customer_id, count(*), count(distinct ordered_at), sum(total_amount), sum(coalesce(total_cost, 0)),
              min(ordered_at), max(ordered_at)
         from orders where workspace_id = ${ws} and deleted_at is null and status <> 'cancelled'
          and ordered_at <= date '${VALUE_BENCH_AS_OF}' group by customer_id`,
    );
    const naiveMs = Math.round(ms(start));
    log(`${driver}: naive scan of every order (lifetime figures only) ${naiveMs} ms`);
    // `kehu metrics rebuild` takes minutes at 10M orders: KEHU_BENCH_VALUE_SKIP_REBUILD=1 leaves it out.
    let rebuildMs: number | null = null;
    if (process.env.KEHU_BENCH_VALUE_SKIP_REBUILD !== '1') {
      start = performance.now();
      await withBulkSession(handle, (s) => s.query('select kehu_rebuild_customer_metrics($1::bigint)', [ws]));
      rebuildMs = Math.round(ms(start));
      log(`${driver}: kehu metrics rebuild ${rebuildMs} ms`);
    }
    return {
      driver,
      customers,
      reused,
      generation,
      inserts,
      reads,
      monthRows,
      reanchorMs,
      classifications,
      withModels,
      naiveMs,
      rebuildMs,
    };
  } finally {
    await handle.close();
  }
}

export async function runValueBench(drivers: ('pglite' | 'postgres')[], customers: number): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  for (const driver of drivers) {
    const result = await benchDriver(driver, customers);
    const file = join(
      RESULTS,
      `${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}Z-value-${driver}-${customers}.json`,
    );
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    log(`Results: ${file}`);
  }
}
