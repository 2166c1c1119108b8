/**
 * The value benchmark's data set, generated set-wise in SQL (generate_series) through the real triggers:
 * customers, 10 orders each over three years (1 line each, 50 products in 5 categories, 1 in 20
 * cancelled), 5 activities each, a budget for one customer in ten. Inserted in slices of 100,000
 * customers, so that each orders statement is 1,000,000 rows (the triggers' transition tables stay bounded).
 */
import type { DbHandle } from '../src/db/client';

export const VALUE_BENCH_AS_OF = '2026-11-30';
export const ORDERS_PER_CUSTOMER = 10;
export const ACTIVITIES_PER_CUSTOMER = 5;
const SLICE = 100_000;

export type Step = { step: string; rows: number; seconds: number };

const exec = async (handle: DbHandle, text: string) => {
  await handle.db.execute(text);
};

async function timed(steps: Step[], step: string, rows: number, work: () => Promise<void>) {
  const start = performance.now();
  await work();
  steps.push({ step, rows, seconds: (performance.now() - start) / 1000 });
}

/** Fills the workspace; returns the time of each step (the orders and activities steps include the triggers). */
export async function generateValueData(
  handle: DbHandle,
  ws: number,
  customers: number,
  log: (line: string) => void,
): Promise<Step[]> {
  const steps: Step[] = [];
  const asOf = `date '${VALUE_BENCH_AS_OF}'`;
  await exec(
    handle,
    `insert into users (workspace_id, email, name, role) values (${ws}, 'bench-value@kehu.local', 'bench', 'admin')`,
  );
  await exec(
    handle,
    `insert into products (workspace_id, code, name, unit, category)
     select ${ws}, 'VP' || i, '产品' || i, '个', (array['阀门', '管道', '泵', '仪表', '密封件'])[1 + i % 5]
       from generate_series(0, 49) i`,
  );
  for (let lo = 0; lo < customers; lo += SLICE) {
    const hi = Math.min(customers, lo + SLICE);
    log(`  customers ${lo + 1}–${hi}`);
    await timed(steps, 'insert customers', hi - lo, () =>
      exec(
        handle,
        `insert into customers (workspace_id, code, name, type, status, industry, credit_rating, revenue_band, employees)
         select ${ws}, 'V' || lpad(i::text, 7, '0'), '客户' || i, 'enterprise', 'active',
                (array['化工', '机械', '电子', '贸易'])[1 + i % 4], (array['AAA', 'AA', 'A', 'B'])[1 + i % 4],
                (array['lt_5m', '5m_50m', '50m_200m'])[1 + i % 3], 10 + i % 1000
           from generate_series(${lo + 1}, ${hi}) i`,
      ),
    );
    const slice = `from customers c cross join generate_series(1, $K) k
       where c.workspace_id = ${ws} and c.code between 'V${String(lo + 1).padStart(7, '0')}' and 'V${String(hi).padStart(7, '0')}'`;
    await timed(steps, 'insert orders (one statement per 100k customers, triggers on)', (hi - lo) * 10, () =>
      exec(
        handle,
        `insert into orders (workspace_id, order_no, customer_id, ordered_at, status, total_amount, total_cost, source)
         select ${ws}, 'VO' || c.id || '-' || k, c.id, ${asOf} - ((c.id * 7919 + k * 104729) % 1095)::int,
                case when (c.id + k) % 20 = 0 then 'cancelled' else 'completed' end,
                10 + ((c.id * 31 + k * 17) % 100000) / 100.0, ((c.id * 31 + k * 17) % 100000) / 160.0, 'import'
         ${slice.replace('$K', String(ORDERS_PER_CUSTOMER))}`,
      ),
    );
    await timed(steps, 'insert order lines', (hi - lo) * 10, () =>
      exec(
        handle,
        `insert into order_lines (workspace_id, order_id, line_no, product_id, quantity, unit_price, amount)
         select o.workspace_id, o.id, 1, p.id, 1, o.total_amount, o.total_amount
           from orders o join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id
           join products p on p.workspace_id = o.workspace_id and p.code = 'VP' || (o.id % 50)
          where o.workspace_id = ${ws}
            and c.code between 'V${String(lo + 1).padStart(7, '0')}' and 'V${String(hi).padStart(7, '0')}'`,
      ),
    );
    await timed(steps, 'insert activities (triggers on)', (hi - lo) * 5, () =>
      exec(
        handle,
        `insert into activities (workspace_id, customer_id, type, subject, occurred_at, author_id)
         select ${ws}, c.id, (array['visit', 'call', 'email', 'meeting', 'wechat'])[1 + (c.id + k) % 5], '跟进',
                timestamptz '${VALUE_BENCH_AS_OF} 10:00+08' - ((c.id * 13 + k * 7919) % 800) * interval '1 day',
                (select id from users where workspace_id = ${ws} and email = 'bench-value@kehu.local')
         ${slice.replace('$K', String(ACTIVITIES_PER_CUSTOMER))}`,
      ),
    );
    await exec(
      handle,
      `insert into customer_budgets (workspace_id, customer_id, category, amount)
       select ${ws}, c.id, '阀门', 100000 + c.id % 1000000
         from customers c where c.workspace_id = ${ws} and c.id % 10 = 0
          and c.code between 'V${String(lo + 1).padStart(7, '0')}' and 'V${String(hi).padStart(7, '0')}'`,
    );
  }
  await exec(handle, 'analyze');
  return steps;
}
