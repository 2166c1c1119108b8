/**
 * The reader's statements. The metric tables hold every order, also those dated after the as-of day: a
 * window is whole months up to as-of's month (month rows), and what lies after as-of is taken out by the
 * "future" statements, which read only the orders and activities after as-of through orders_date_idx and
 * activities_time_idx (normally none, so they cost next to nothing).
 */

/** Month windows of a run, all first days of months (YYYY-MM-01). */
export type Months = {
  /** as-of's month, and the one after it. */
  asOfMonth: string;
  nextMonth: string;
  /** First month of the RFM window and of the 12-month window; the earlier of the two. */
  rfmStart: string;
  start12: string;
  from: string;
  /** The 12 months of the trend, oldest first. */
  last12: string[];
};

const cents = (expr: string) => `coalesce((${expr}) * 100, 0)::float8`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every non-deleted customer of workspace `ws` with its lifetime metrics, month windows and budget: one
 * statement of hash joins over whole tables (read through a cursor in batches). Month windows aggregate
 * the month rows from `from` to as-of's month: RFM window, 12 months, and of the 12 months each revenue
 * (with its month as days after the first) and activity object, placed and summed in JavaScript. Lists
 * travel as JSON: JSON.parse reads them several times faster than the drivers' array parsers. Values are inlined: a cursor takes no parameters.
 */
export function inputsSql(ws: number, months: Months): string {
  const dates = [months.from, months.asOfMonth, months.rfmStart, months.start12, ...months.last12];
  if (!Number.isSafeInteger(ws) || !dates.every((d) => DAY.test(d))) throw new Error('bad reader parameters');
  const d = (day: string) => `'${day}'::date`;
  return `
  select c.id::float8 as id, c.code, c.industry, c.credit_rating, c.revenue_band, c.employees,
         coalesce(m.orders, 0) as orders, coalesce(m.purchase_days, 0) as purchase_days,
         ${cents('m.revenue')} as revenue, ${cents('m.cost')} as cost, ${cents('m.first_day_revenue')} as first_day,
         m.first_order_on::text as first_order_on, m.last_order_on::text as last_order_on,
         coalesce(mm.w_days, 0)::int as w_days, ${cents('mm.w_rev')} as w_rev,
         ${cents('mm.rev12')} as rev12, ${cents('mm.cost12')} as cost12, mm.m_at, mm.m_rev, mm.acts,
         bb.budget
    from customers c
    left join customer_metrics m on m.workspace_id = ${ws} and m.customer_id = c.id
    left join (
      select customer_id,
             sum(purchase_days) filter (where month >= ${d(months.rfmStart)}) as w_days,
             sum(revenue) filter (where month >= ${d(months.rfmStart)}) as w_rev,
             sum(revenue) filter (where month >= ${d(months.start12)}) as rev12,
             sum(cost) filter (where month >= ${d(months.start12)}) as cost12,
             array_to_json(array_agg(month - ${d(months.start12)}) filter (where month >= ${d(months.start12)})) as m_at,
             array_to_json(array_agg(revenue * 100) filter (where month >= ${d(months.start12)})) as m_rev,
             jsonb_agg(activities) filter (where month >= ${d(months.start12)} and activities <> '{}'::jsonb) as acts
        from customer_month_metrics
       where workspace_id = ${ws} and month >= ${d(months.from)} and month <= ${d(months.asOfMonth)}
       group by customer_id) mm on mm.customer_id = c.id
    left join (
      select customer_id, ${cents('sum(amount)')} as budget
        from customer_budgets where workspace_id = ${ws} group by customer_id) bb on bb.customer_id = c.id
   where c.workspace_id = ${ws} and c.deleted_at is null`;
}

/**
 * The window read's tables (migration 0012): every customer of `ws` with its lifetime metrics, its window
 * row (when the workspace is anchored at as-of's month with the run's RFM window: the RFM window, the
 * 12 months, the 12 monthly revenues oldest first, the 12 months' activity counts) and its budget in yuan.
 */
function windowFrom(ws: number): string {
  if (!Number.isSafeInteger(ws)) throw new Error('bad reader parameters');
  return `
    from customers c
    left join customer_metrics m on m.workspace_id = ${ws} and m.customer_id = c.id
    left join customer_window_metrics w on w.workspace_id = ${ws} and w.customer_id = c.id
    left join (
      select customer_id, sum(amount) as budget
        from customer_budgets where workspace_id = ${ws} group by customer_id) bb on bb.customer_id = c.id
   where c.workspace_id = ${ws} and c.deleted_at is null`;
}

/**
 * The window read for PGlite, ONE text per row, which it decodes several times faster than its columns
 * or a row_to_json (whose numeric and array output in WebAssembly costs more than the query):
 * `id,orders,purchase_days,revenue,cost,first,last,w_days,w_rev,rev12,cost12,budget,employees,first_day` (money in
 * yuan, empty for none) `|{12 monthly revenues}|` and a JSON array [code, industry, credit rating, revenue
 * band, activity counts]; only the JSON part can hold a "|".
 */
export function windowInputsCompactSql(ws: number): string {
  return `
  select concat(c.id, ',', m.orders, ',', m.purchase_days, ',', m.revenue, ',', m.cost, ',',
                m.first_order_on, ',', m.last_order_on, ',', w.rfm_days, ',', w.rfm_revenue, ',', w.revenue_12m,
                ',', w.cost_12m, ',', bb.budget, ',', c.employees, ',', m.first_day_revenue, '|', w.monthly_revenue, '|',
                json_build_array(c.code, c.industry, c.credit_rating, c.revenue_band, w.activities_12m)) as r
  ${windowFrom(ws)}`;
}

/**
 * The window read for COPY TO STDOUT on the server, in parseCopyRow's column order (value-inputs.rows.ts):
 * numbers as the tables keep them (yuan as numeric text, read straight to cents), no casts, no JSON.
 */
export function windowInputsCopySql(ws: number): string {
  return `
  select c.id, m.orders, m.purchase_days, m.revenue, m.cost, m.first_day_revenue, m.first_order_on, m.last_order_on,
         w.rfm_days, w.rfm_revenue, w.revenue_12m, w.cost_12m, bb.budget, c.employees, w.monthly_revenue,
         nullif(w.activities_12m, '{}'::jsonb), c.code, c.industry, c.credit_rating, c.revenue_band
  ${windowFrom(ws)}`;
}

/** The workspace's anchor (migration 0012), if any. */
export const anchorSql = `
  select anchor_month::text as month, rfm_months from customer_window_anchors where workspace_id = $1`;

/** Re-anchors the workspace at a month ($2) with an RFM window ($3 months): recomputes its window rows. */
export const reanchorSql = 'select kehu_anchor_customer_windows($1::bigint, $2::date, $3::int)';

/**
 * Counted orders after as-of ($2) per customer: all of them, and those still in as-of's month (< $3), and
 * the customer's last order day up to as-of.
 */
export const futureOrdersSql = `
  select f.customer_id::float8 as id, f.orders, f.days, f.revenue, f.cost,
         f.m_orders, f.m_days, f.m_revenue, f.m_cost,
         (select max(d.day) from customer_order_days d
           where d.workspace_id = $1 and d.customer_id = f.customer_id and d.day <= $2)::text as last_before
    from (select customer_id, count(*)::int as orders, count(distinct ordered_at)::int as days,
                 ${cents('sum(total_amount)')} as revenue, ${cents('sum(coalesce(total_cost, 0))')} as cost,
                 count(*) filter (where ordered_at < $3)::int as m_orders,
                 count(distinct ordered_at) filter (where ordered_at < $3)::int as m_days,
                 ${cents('sum(total_amount) filter (where ordered_at < $3)')} as m_revenue,
                 ${cents('sum(coalesce(total_cost, 0)) filter (where ordered_at < $3)')} as m_cost
            from orders
           where workspace_id = $1 and ordered_at > $2 and deleted_at is null and status <> 'cancelled'
           group by customer_id) f`;

/** Activities after as-of ($2) within as-of's month (before $3), by customer and type, in the workspace's zone. */
export const futureActivitiesSql = `
  select a.customer_id::float8 as id, a.type, count(*)::int as n
    from activities a
    join workspaces w on w.id = a.workspace_id
   where a.workspace_id = $1 and a.deleted_at is null
     and a.occurred_at >= (($2::date + 1)::timestamp at time zone w.time_zone)
     and a.occurred_at < ($3::date::timestamp at time zone w.time_zone)
   group by 1, 2`;

/**
 * Product prospects: per customer, the revenue-weighted mean of the admin's prospects ($3 categories, $4
 * weights) over what the customer bought in the 12 months ($2 start … $5 as-of); categories with a
 * negative net (returns) weigh nothing. Null when none of its purchases has a prospect.
 */
export const productProspectsSql = `
  select customer_id::float8 as id,
         (sum(greatest(rev, 0) * w) / nullif(sum(greatest(rev, 0)), 0))::float8 as score
    from (select o.customer_id, p.w, sum(l.amount) as rev
            from unnest($3::text[], $4::float8[]) as p(category, w)
            join products pr on pr.workspace_id = $1 and pr.category = p.category
            join order_lines l on l.workspace_id = $1 and l.product_id = pr.id
            join orders o on o.workspace_id = $1 and o.id = l.order_id
           where o.ordered_at >= $2 and o.ordered_at <= $5 and o.deleted_at is null and o.status <> 'cancelled'
           group by o.customer_id, p.category, p.w) x
   group by customer_id`;
