/**
 * Orders: rows sharing an order number are the lines of one order (a row per order is an order of one
 * line). Order-level cells (customer, date, currency, status, notes) must agree on every line; the
 * order's total is the sum of its lines' amounts, its cost the sum of their costs. Negative amounts are
 * returns. An existing order (same number) whose header or lines differ is updated and its lines
 * replaced; one that is the same is left alone (its version and updated_at do not move).
 */

import { skipForeignKeyTriggers } from '../../../../db/bulk';
import { addIssues, flagIssueRows, ISSUES, ROWS } from './staging';
import { type EngineContext, int, rebuildStaging, writableSql } from './validate-common';

export const orderColumns = [{ name: 'product_id', type: 'bigint' }];

const HEADER = ['customer_code', 'ordered_at', 'currency', 'status', 'notes'];

export async function validateOrders(ctx: EngineContext): Promise<void> {
  const { session } = ctx;
  const ws = int(ctx.workspaceId);
  // Customers and products resolved in one pass that rewrites the staging table (cheaper than UPDATEs).
  await rebuildStaging(
    ctx,
    {
      customer_id: 'c.id',
      customer_deleted: 'c.deleted_at is not null',
      customer_ok: writableSql(ctx.actor, 'c', 'order'),
      product_id: 'p.id',
    },
    `left join customers c on c.workspace_id = ${ws} and c.code = s.customer_code
      left join products p on p.workspace_id = ${ws} and p.code = s.product_code`,
  );
  await session.query(`create index on ${ROWS} (order_no, line)`);
  await session.query(`analyze ${ROWS}`);
  // The cell checks in one scan (the rows that fail any of them), one issue per failed check, in the
  // order they had as separate statements (issues of a line are listed in the order they were added).
  const code = `jsonb_build_object('value', s.customer_code)`;
  await session.query(
    `insert into ${ISSUES} (line, col, code, value, params, warning)
     select s.line, v.col, v.code, v.value, v.params, false
       from (select * from ${ROWS} s
              where (s.customer_code is not null and s.customer_id is null) or s.customer_deleted
                 or not s.customer_ok or (s.product_code is not null and s.product_id is null)
                 or (s.currency is not null and s.currency !~ '^[A-Za-z]{3}$') or s.quantity = 0) s
      cross join lateral (values
        ('customer_code', 'unknown_customer', s.customer_code, ${code},
         s.customer_code is not null and s.customer_id is null),
        ('customer_code', 'customer_deleted', s.customer_code, ${code}, s.customer_deleted),
        ('customer_code', 'customer_forbidden', s.customer_code, ${code},
         not s.customer_deleted and not s.customer_ok),
        ('product_code', 'unknown_product', s.product_code, jsonb_build_object('value', s.product_code),
         s.product_code is not null and s.product_id is null),
        ('currency', 'currency_invalid', s.currency, '{}'::jsonb,
         s.currency is not null and s.currency !~ '^[A-Za-z]{3}$'),
        ('quantity', 'quantity_zero', s.quantity::text, '{}'::jsonb, s.quantity = 0)
      ) v(col, code, value, params, hit)
      where v.hit`,
  );
  // Every line must say the same about its order as the order's first line. (One window pass doing
  // this and the totals below was slower: it sorts the whole rows, these joins only the keys.)
  const first = HEADER.map((c) => `f.${c}`).join(', ');
  const mine = HEADER.map((c) => (c === 'currency' ? 'upper(s.currency)' : `s.${c}`)).join(', ');
  await addIssues(session, {
    col: 'order_no',
    code: 'order_conflict',
    value: 's.order_no',
    params: `jsonb_build_object('value', s.order_no, 'other', f.line)`,
    from: `${ROWS} s join (select distinct on (order_no) order_no, line, customer_code, ordered_at,
        upper(currency) as currency, status, notes from ${ROWS} where order_no is not null
        order by order_no, line) f on f.order_no = s.order_no and f.line <> s.line`,
    where: `(${mine}) is distinct from (${first})`,
  });
  // Totals beyond numeric(14,2).
  await addIssues(session, {
    col: 'amount',
    code: 'out_of_range',
    value: 's.amount::text',
    params: `'{}'::jsonb`,
    from: `${ROWS} s join (select order_no from ${ROWS} group by order_no
        having abs(sum(amount)) >= 1e12 or abs(sum(cost)) >= 1e12) t on t.order_no = s.order_no`,
    where: 'true',
  });
  // An existing order: not in the recycle bin, and its present customer writable too.
  await addIssues(session, {
    col: 'order_no',
    code: 'order_deleted',
    value: 's.order_no',
    from: `${ROWS} s join orders o on o.workspace_id = ${ws} and o.order_no = s.order_no`,
    where: 'o.deleted_at is not null',
  });
  await addIssues(session, {
    col: 'order_no',
    code: 'customer_forbidden',
    value: 'c.code',
    from: `${ROWS} s join orders o on o.workspace_id = ${ws} and o.order_no = s.order_no
        join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id`,
    where: `not ${writableSql(ctx.actor, 'c', 'order')}`,
  });
  await flagIssueRows(session);
  // An order with any bad line is skipped whole; its good lines say why.
  await addIssues(session, {
    col: null,
    code: 'order_has_invalid_lines',
    value: 's.order_no',
    where: `not s.has_issue and s.order_no in (select order_no from ${ROWS} where has_issue)`,
  });
  await flagIssueRows(session);
}

export type MergeCounts = { inserted: number; updated: number; unchanged: number };

const LINE_SIG = `md5(string_agg(concat_ws('|', coalesce(l.product_id::text, '~'), coalesce(l.description, '~'),
  l.quantity::text, l.unit_price::text, coalesce(l.unit_cost::text, '~'), l.amount::text,
  coalesce(l.cost::text, '~')), '/' order by l.line_no))`;

/** An order line's values from its staged row s (valid rows only: their quantity is not 0). */
const LINE_VALUES = `s.product_id,
  case when s.product_id is null then coalesce(s.notes, s.order_no) end as description,
  coalesce(s.quantity, 1)::numeric(14,3) as quantity,
  coalesce(s.unit_price, round(s.amount / coalesce(s.quantity, 1), 2))::numeric(14,2) as unit_price,
  round(s.cost / coalesce(s.quantity, 1), 2)::numeric(14,2) as unit_cost,
  s.amount, s.cost`;
const LINE_NO = '(row_number() over (partition by s.order_no order by s.line))::int';

export async function mergeOrders(ctx: EngineContext): Promise<MergeCounts> {
  const { session } = ctx;
  const ws = int(ctx.workspaceId);
  const uid = int(ctx.actor.userId);
  // One row per order, in one pass over its valid lines: validation made every line of a valid order
  // agree with its first line on the order's cells (the currency up to case), so min() is the first
  // line's value. New orders get their ids here, in file order (what inserting them one by one gave),
  // so that nothing has to be written back after the insert.
  await session.query(
    `create temp table imp_orders on commit drop as
     select g.order_no, g.first_line, g.customer_id, g.ordered_at, g.status, g.currency, g.notes, g.total_amount,
            g.total_cost, coalesce(g.existing_id, nextval(pg_get_serial_sequence('orders', 'id'))) as id,
            g.existing_id is null as is_new, g.changed
       from (select t.*, o.id as existing_id, o.id is not null and
                    (o.customer_id, o.ordered_at, o.status, o.currency, o.total_amount, o.total_cost, o.notes)
                      is distinct from
                    (t.customer_id, t.ordered_at, t.status, t.currency, t.total_amount, t.total_cost, t.notes) as changed
               from (select s.order_no, min(s.line) as first_line, min(s.customer_id) as customer_id,
                            min(s.ordered_at) as ordered_at, coalesce(min(s.status), 'completed') as status,
                            upper(coalesce(min(s.currency), 'CNY'))::char(3) as currency, min(s.notes) as notes,
                            sum(s.amount)::numeric(14,2) as total_amount, sum(s.cost)::numeric(14,2) as total_cost
                       from ${ROWS} s where not s.has_issue group by s.order_no) t
               left join orders o on o.workspace_id = ${ws} and o.order_no = t.order_no
              order by t.first_line) g`,
  );
  await session.query('create unique index on imp_orders (order_no)');
  await session.query('analyze imp_orders');
  // Existing orders with the same header: changed when any line differs (compared only for those).
  await session.query(
    `create temp table imp_lines on commit drop as
     select s.order_no, ${LINE_NO} as line_no, ${LINE_VALUES}
       from ${ROWS} s where not s.has_issue
        and s.order_no in (select order_no from imp_orders where not is_new and not changed)`,
  );
  await session.query(
    `update imp_orders i set changed = true
       from (select l.order_no, ${LINE_SIG} as sig from imp_lines l group by l.order_no) n
      where n.order_no = i.order_no
        and n.sig is distinct from (select ${LINE_SIG} from order_lines l
                                     where l.workspace_id = ${ws} and l.order_id = i.id)`,
  );
  // The foreign keys hold by construction (ids resolved in this transaction): lock the customers and
  // products referred to, as the per-row FK triggers would, and skip those triggers for the inserts.
  await session.query(
    `select count(*) from (select 1 from customers c where c.workspace_id = ${ws}
        and c.id in (select customer_id from imp_orders) for key share of c) x`,
  );
  await session.query(
    `select count(*) from (select 1 from products p where p.workspace_id = ${ws}
        and p.id in (select product_id from ${ROWS} where not has_issue and product_id is not null)
        for key share of p) x`,
  );
  const skipped = await skipForeignKeyTriggers(session);
  await session.query(
    `insert into orders (workspace_id, id, order_no, customer_id, ordered_at, status, currency, total_amount,
                         total_cost, source, notes, created_by)
     select ${ws}, id, order_no, customer_id, ordered_at, status, currency, total_amount, total_cost,
            'import', notes, ${uid}
       from imp_orders where is_new order by first_line`,
  );
  await session.query(
    `update orders o set customer_id = i.customer_id, ordered_at = i.ordered_at, status = i.status,
            currency = i.currency, total_amount = i.total_amount, total_cost = i.total_cost, notes = i.notes,
            version = o.version + 1, updated_at = now()
       from imp_orders i where i.changed and o.workspace_id = ${ws} and o.id = i.id`,
  );
  await session.query(
    `delete from order_lines l using imp_orders i
      where i.changed and l.workspace_id = ${ws} and l.order_id = i.id`,
  );
  await session.query(
    `insert into order_lines (workspace_id, order_id, line_no, product_id, description, quantity, unit_price,
                              unit_cost, amount, cost)
     select ${ws}, i.id, ${LINE_NO}, ${LINE_VALUES}
       from ${ROWS} s join imp_orders i on i.order_no = s.order_no
      where not s.has_issue and (i.is_new or i.changed)`,
  );
  if (skipped) await session.query('set local session_replication_role = origin');
  const [counts] = await session.query<{ inserted: number; updated: number; unchanged: number }>(
    `select count(*) filter (where is_new)::int as inserted, count(*) filter (where changed)::int as updated,
            count(*) filter (where not is_new and not changed)::int as unchanged from imp_orders`,
  );
  return counts ?? { inserted: 0, updated: 0, unchanged: 0 };
}
