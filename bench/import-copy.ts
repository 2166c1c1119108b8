/**
 * The import benchmark's references, beside the real import: the order file by a plain COPY into a table
 * of text columns without keys (`raw-copy`), and the `ceiling` — that COPY plus the least SQL that puts
 * its rows into the real, indexed `orders` and `order_lines` (one INSERT … SELECT each, casts and joins
 * only, no validation): what any import writing those tables could at best do.
 */
import { createReadStream } from 'node:fs';
import { type BulkSession, skipForeignKeyTriggers, withBulkSession } from '../src/db/bulk';
import type { DbHandle } from '../src/db/client';

const RAW_TABLE = 'bench_raw_orders';
const RAW_COLUMNS = [
  'order_no',
  'customer_code',
  'ordered_at',
  'amount',
  'cost',
  'product_code',
  'quantity',
  'unit_price',
  'currency',
];

/** (Re)creates the raw table: the order file's columns, all text, without keys or indexes. */
async function createRawTable(exec: (sql: string) => Promise<unknown>): Promise<void> {
  await exec(`drop table if exists ${RAW_TABLE}`);
  await exec(`create table ${RAW_TABLE} (${RAW_COLUMNS.map((c) => `${c} text`).join(', ')})`);
}

/** The order file, as is, into the raw table in 8 MB COPY chunks; the lines copied. */
async function copyRaw(session: BulkSession, path: string): Promise<number> {
  const table = { name: RAW_TABLE, keys: [], columns: RAW_COLUMNS };
  let rows = 0;
  let header = true;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 8 << 20 })) {
    const text = rest + (chunk as string);
    const cut = text.lastIndexOf('\n') + 1;
    rest = text.slice(cut);
    let body = text.slice(0, cut);
    if (header) {
      body = body.slice(body.indexOf('\n') + 1);
      header = false;
    }
    rows += body.length === 0 ? 0 : body.split('\n').length - 1;
    await session.copy(table, [body]);
  }
  return rows;
}

/** `raw-copy`: a fresh raw table, then the file into it in one transaction; the lines copied. */
export async function rawCopy(handle: DbHandle, path: string): Promise<number> {
  await createRawTable((sql) => handle.db.execute(sql));
  return withBulkSession(handle, (session) => copyRaw(session, path));
}

/** Thrown at the end of the ceiling's transaction to roll it back. */
class Rollback extends Error {}

/**
 * `ceiling`, in one transaction that is rolled back (the database is left as the import step left it).
 * Not timed: the tables the order import wrote — order_lines, orders and the customer metric tables
 * their triggers keep — emptied by TRUNCATE, so that they are as the import found them (at 20,000 lines
 * the INSERTs then took as long as on tables emptied before the transaction; after a DELETE of the
 * import's rows, beside as many rows dead in this transaction, ~30 % longer on PostgreSQL and half as
 * long on PGlite), and an empty raw table. Timed: the COPY of the file, then one INSERT … SELECT into
 * orders (one row per order number: customer by code, text cast, totals summed) and one into order_lines
 * (order by number, product by code), filling the columns the real import fills for this file.
 * Foreign-key triggers are skipped as the import's merge skips them (session_replication_role =
 * replica, when allowed); the metric triggers are ENABLE ALWAYS and run, as they do for the import.
 */
export async function ceiling(
  handle: DbHandle,
  workspaceId: number,
  path: string,
): Promise<{ rows: number; seconds: number; ok: boolean }> {
  const ws = Math.trunc(workspaceId);
  let result = { rows: 0, seconds: 0, ok: false };
  try {
    await withBulkSession(handle, async (session) => {
      await skipForeignKeyTriggers(session);
      const [actor] = await session.query<{ id: string }>(
        `select id from users where workspace_id = ${ws} and active and role = 'admin' order by id limit 1`,
      );
      const uid = actor ? Math.trunc(Number(actor.id)) : 'null';
      const [other] = await session.query<{ n: string }>(
        `select (select count(*) from workspaces where id <> ${ws}) + (select count(*) from activities) as n`,
      );
      if (Number(other?.n) > 0) throw new Error('ceiling: the database holds more than the bench wrote');
      await session.query(
        `truncate order_lines, orders, customer_order_days, customer_month_metrics, customer_metrics,
                  customer_window_metrics`,
      );
      await createRawTable((sql) => session.query(sql));

      const start = performance.now();
      const rows = await copyRaw(session, path);
      await session.query(
        `insert into orders (workspace_id, order_no, customer_id, ordered_at, status, currency, total_amount,
                             total_cost, source, created_by)
         select ${ws}, g.order_no, c.id, g.ordered_at, 'completed', g.currency, g.total_amount, g.total_cost,
                'import', ${uid}
           from (select order_no, min(customer_code) as customer_code, min(ordered_at)::date as ordered_at,
                        upper(min(currency))::char(3) as currency,
                        sum(amount::numeric(14,2))::numeric(14,2) as total_amount,
                        sum(cost::numeric(14,2))::numeric(14,2) as total_cost
                   from ${RAW_TABLE} group by order_no) g
           join customers c on c.workspace_id = ${ws} and c.code = g.customer_code`,
      );
      await session.query(
        `insert into order_lines (workspace_id, order_id, line_no, product_id, quantity, unit_price, unit_cost,
                                  amount, cost)
         select ${ws}, o.id, (row_number() over (partition by r.order_no order by r.ctid))::int, p.id,
                r.quantity::numeric(14,3), r.unit_price::numeric(14,2),
                round(r.cost::numeric / r.quantity::numeric, 2)::numeric(14,2),
                r.amount::numeric(14,2), r.cost::numeric(14,2)
           from ${RAW_TABLE} r
           join orders o on o.workspace_id = ${ws} and o.order_no = r.order_no
           join products p on p.workspace_id = ${ws} and p.code = r.product_code`,
      );
      const seconds = (performance.now() - start) / 1000;

      // Not timed: every line landed, under an order of its own number.
      const [check] = await session.query<{ lines: string; orders: string; numbers: string }>(
        `select (select count(*) from order_lines where workspace_id = ${ws}) as lines,
                (select count(*) from orders where workspace_id = ${ws}) as orders,
                (select count(distinct order_no) from ${RAW_TABLE}) as numbers`,
      );
      const ok = Number(check?.lines) === rows && Number(check?.orders) === Number(check?.numbers);
      result = { rows, seconds, ok };
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return result;
}
