-- Window metrics (issue 5, items 1 and 12): per customer, the sums a classification run needs over the
-- months up to the workspace's "anchor" month, in ONE row, so that a run whose as-of day lies in the anchor
-- month reads one row per customer instead of every month row of its windows. The anchor (month and RFM
-- window length) is per workspace; the triggers of 0010 keep the rows when a changed order or activity
-- falls in the anchored windows; a run whose as-of month is later (or whose RFM window differs) re-anchors
-- set-wise from customer_month_metrics in its own transaction (once a month); an earlier as-of reads the
-- month rows as before. Months are counted back from the anchor: back = 0 is the anchor month; the RFM
-- window is back < rfm_months, the 12 months back < 12, monthly_revenue[12 - back] (oldest first).
-- Locking: order and activity writes take a shared advisory lock per workspace (0x4b455602, workspace id)
-- before they read the anchor; a re-anchor takes it exclusively, so it waits for the writes in flight and
-- writes after it see the new anchor and rows (READ COMMITTED: each statement takes a new snapshot).

CREATE TABLE "customer_window_anchors" (
	"workspace_id" bigint PRIMARY KEY NOT NULL REFERENCES "workspaces"("id"),
	"anchor_month" date NOT NULL,
	"rfm_months" integer NOT NULL CHECK ("rfm_months" > 0),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_window_metrics" (
	"workspace_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"rfm_days" integer DEFAULT 0 NOT NULL,
	"rfm_revenue" numeric(16, 2) DEFAULT '0' NOT NULL,
	"revenue_12m" numeric(16, 2) DEFAULT '0' NOT NULL,
	"cost_12m" numeric(16, 2) DEFAULT '0' NOT NULL,
	"monthly_revenue" numeric(16, 2)[] DEFAULT '{0,0,0,0,0,0,0,0,0,0,0,0}' NOT NULL,
	"activities_12m" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "customer_window_metrics_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
-- Whole months from `day`'s month back to `anchor`'s month (0: the same month; negative: after it).
CREATE FUNCTION "kehu_months_back"(anchor date, day date) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((date_part('year', anchor) - date_part('year', day)) * 12 + date_part('month', anchor) - date_part('month', day))::int
$$;
--> statement-breakpoint
-- Anchors workspace p_ws at p_month with an RFM window of p_rfm_months and recomputes its rows from the
-- month rows (the re-anchor of a run, the backfill, the rebuild). Months back are computed once per month row
-- (OFFSET 0 keeps the subquery from being folded into every FILTER); activity counts are summed by type.
CREATE FUNCTION "kehu_anchor_customer_windows"(p_ws bigint, p_month date, p_rfm_months int)
RETURNS void LANGUAGE plpgsql SET enable_indexscan = off SET enable_bitmapscan = off SET work_mem = '256MB' AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1262835202, (p_ws & 2147483647)::int);
  INSERT INTO customer_window_anchors AS t (workspace_id, anchor_month, rfm_months)
  VALUES (p_ws, date_trunc('month', p_month)::date, p_rfm_months)
  ON CONFLICT (workspace_id) DO UPDATE
    SET anchor_month = excluded.anchor_month, rfm_months = excluded.rfm_months, updated_at = now();
  DELETE FROM customer_window_metrics WHERE workspace_id = p_ws;
  INSERT INTO customer_window_metrics (workspace_id, customer_id, rfm_days, rfm_revenue, revenue_12m, cost_12m,
                                       monthly_revenue, activities_12m)
  SELECT p_ws, m.customer_id, m.rfm_days, m.rfm_revenue, m.revenue_12m, m.cost_12m, m.monthly,
         coalesce(a.acts, '{}'::jsonb)
    FROM (
  SELECT customer_id,
         coalesce(sum(purchase_days) FILTER (WHERE back < p_rfm_months), 0) AS rfm_days,
         coalesce(sum(revenue) FILTER (WHERE back < p_rfm_months), 0) AS rfm_revenue,
         coalesce(sum(revenue) FILTER (WHERE back < 12), 0) AS revenue_12m,
         coalesce(sum(cost) FILTER (WHERE back < 12), 0) AS cost_12m,
         ARRAY[coalesce(sum(revenue) FILTER (WHERE back = 11), 0), coalesce(sum(revenue) FILTER (WHERE back = 10), 0),
               coalesce(sum(revenue) FILTER (WHERE back = 9), 0), coalesce(sum(revenue) FILTER (WHERE back = 8), 0),
               coalesce(sum(revenue) FILTER (WHERE back = 7), 0), coalesce(sum(revenue) FILTER (WHERE back = 6), 0),
               coalesce(sum(revenue) FILTER (WHERE back = 5), 0), coalesce(sum(revenue) FILTER (WHERE back = 4), 0),
               coalesce(sum(revenue) FILTER (WHERE back = 3), 0), coalesce(sum(revenue) FILTER (WHERE back = 2), 0),
               coalesce(sum(revenue) FILTER (WHERE back = 1), 0), coalesce(sum(revenue) FILTER (WHERE back = 0), 0)] AS monthly
    FROM (SELECT customer_id, purchase_days, revenue, cost, activities,
                 kehu_months_back(date_trunc('month', p_month)::date, month) AS back
            FROM customer_month_metrics
           WHERE workspace_id = p_ws AND month <= p_month
             AND month >= (date_trunc('month', p_month) - make_interval(months => greatest(p_rfm_months, 12) - 1))::date
          OFFSET 0) x
   GROUP BY customer_id) m
    LEFT JOIN (
      SELECT customer_id, jsonb_object_agg(k, n) AS acts
        FROM (SELECT customer_id, e.k, sum(e.v::int) AS n
                FROM customer_month_metrics, jsonb_each_text(activities) e(k, v)
               WHERE workspace_id = p_ws AND month <= p_month AND activities <> '{}'::jsonb
                 AND month >= (date_trunc('month', p_month) - interval '11 months')::date
               GROUP BY 1, 2 HAVING sum(e.v::int) <> 0) y
       GROUP BY 1) a ON a.customer_id = m.customer_id
   ORDER BY m.customer_id;
END $$;
--> statement-breakpoint
-- 0010's function with the window rows kept too (the CTE "win"), after the workspaces' shared lock.
CREATE OR REPLACE FUNCTION "kehu_apply_order_deltas"(ws bigint[], cust bigint[], days date[], n int[], rev numeric[], cst numeric[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lost_ws bigint[];
  lost_cust bigint[];
  lost_day date[];
BEGIN
  IF ws IS NULL THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock_shared(1262835202, (w & 2147483647)::int) FROM (SELECT DISTINCT w FROM unnest(ws) w ORDER BY 1) x;
  -- Day rows first; the value after the upsert tells whether the day appeared (0 → n) or vanished (n → 0),
  -- which moves the purchase days of its month and of the customer. First/last order day can only widen
  -- here; customers that lost a day get them recomputed below.
  WITH d AS (
    SELECT * FROM unnest(ws, cust, days, n, rev, cst) AS d(workspace_id, customer_id, day, orders, revenue, cost)
  ), up AS (
    INSERT INTO customer_order_days AS t (workspace_id, customer_id, day, orders, revenue, cost)
    SELECT workspace_id, customer_id, day, orders, revenue, cost FROM d ORDER BY 1, 2, 3
    ON CONFLICT (workspace_id, customer_id, day) DO UPDATE
      SET orders = t.orders + excluded.orders, revenue = t.revenue + excluded.revenue, cost = t.cost + excluded.cost
    RETURNING t.workspace_id, t.customer_id, t.day, t.orders
  ), dd AS (
    SELECT d.workspace_id, d.customer_id, d.day, d.orders, d.revenue, d.cost, up.orders AS after_orders,
           (up.orders > 0)::int - (up.orders - d.orders > 0)::int AS days_delta
      FROM d JOIN up ON up.workspace_id = d.workspace_id AND up.customer_id = d.customer_id AND up.day = d.day
  ), mon AS (
    INSERT INTO customer_month_metrics AS t (workspace_id, customer_id, month, orders, purchase_days, revenue, cost)
    SELECT workspace_id, customer_id, date_trunc('month', day)::date, sum(orders), sum(days_delta), sum(revenue), sum(cost)
      FROM dd GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (workspace_id, customer_id, month) DO UPDATE
      SET orders = t.orders + excluded.orders, purchase_days = t.purchase_days + excluded.purchase_days,
          revenue = t.revenue + excluded.revenue, cost = t.cost + excluded.cost
    RETURNING 1
  ), cus AS (
    INSERT INTO customer_metrics AS t (workspace_id, customer_id, orders, purchase_days, revenue, cost,
                                       first_order_on, last_order_on)
    SELECT workspace_id, customer_id, sum(orders), sum(days_delta), sum(revenue), sum(cost),
           min(day) FILTER (WHERE after_orders > 0), max(day) FILTER (WHERE after_orders > 0)
      FROM dd GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (workspace_id, customer_id) DO UPDATE
      SET orders = t.orders + excluded.orders, purchase_days = t.purchase_days + excluded.purchase_days,
          revenue = t.revenue + excluded.revenue, cost = t.cost + excluded.cost,
          first_order_on = least(t.first_order_on, excluded.first_order_on),
          last_order_on = greatest(t.last_order_on, excluded.last_order_on), updated_at = now()
    RETURNING 1
  ), win AS (
    INSERT INTO customer_window_metrics AS t (workspace_id, customer_id, rfm_days, rfm_revenue, revenue_12m, cost_12m,
                                              monthly_revenue)
    SELECT workspace_id, customer_id,
           coalesce(sum(days_delta) FILTER (WHERE back < rfm_months), 0),
           coalesce(sum(revenue) FILTER (WHERE back < rfm_months), 0),
           coalesce(sum(revenue) FILTER (WHERE back < 12), 0),
           coalesce(sum(cost) FILTER (WHERE back < 12), 0),
           ARRAY[coalesce(sum(revenue) FILTER (WHERE back = 11), 0), coalesce(sum(revenue) FILTER (WHERE back = 10), 0),
                 coalesce(sum(revenue) FILTER (WHERE back = 9), 0), coalesce(sum(revenue) FILTER (WHERE back = 8), 0),
                 coalesce(sum(revenue) FILTER (WHERE back = 7), 0), coalesce(sum(revenue) FILTER (WHERE back = 6), 0),
                 coalesce(sum(revenue) FILTER (WHERE back = 5), 0), coalesce(sum(revenue) FILTER (WHERE back = 4), 0),
                 coalesce(sum(revenue) FILTER (WHERE back = 3), 0), coalesce(sum(revenue) FILTER (WHERE back = 2), 0),
                 coalesce(sum(revenue) FILTER (WHERE back = 1), 0), coalesce(sum(revenue) FILTER (WHERE back = 0), 0)]
      FROM (SELECT dd.workspace_id, dd.customer_id, dd.days_delta, dd.revenue, dd.cost, a.rfm_months,
                   kehu_months_back(a.anchor_month, dd.day) AS back
              FROM dd JOIN customer_window_anchors a ON a.workspace_id = dd.workspace_id
            OFFSET 0) x
     WHERE back >= 0 AND back < greatest(rfm_months, 12)
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (workspace_id, customer_id) DO UPDATE
      SET rfm_days = t.rfm_days + excluded.rfm_days, rfm_revenue = t.rfm_revenue + excluded.rfm_revenue,
          revenue_12m = t.revenue_12m + excluded.revenue_12m, cost_12m = t.cost_12m + excluded.cost_12m,
          monthly_revenue = ARRAY[t.monthly_revenue[1] + excluded.monthly_revenue[1], t.monthly_revenue[2] + excluded.monthly_revenue[2],
                                  t.monthly_revenue[3] + excluded.monthly_revenue[3], t.monthly_revenue[4] + excluded.monthly_revenue[4],
                                  t.monthly_revenue[5] + excluded.monthly_revenue[5], t.monthly_revenue[6] + excluded.monthly_revenue[6],
                                  t.monthly_revenue[7] + excluded.monthly_revenue[7], t.monthly_revenue[8] + excluded.monthly_revenue[8],
                                  t.monthly_revenue[9] + excluded.monthly_revenue[9], t.monthly_revenue[10] + excluded.monthly_revenue[10],
                                  t.monthly_revenue[11] + excluded.monthly_revenue[11], t.monthly_revenue[12] + excluded.monthly_revenue[12]]
    RETURNING 1
  )
  SELECT array_agg(workspace_id), array_agg(customer_id), array_agg(day) INTO lost_ws, lost_cust, lost_day
    FROM dd WHERE after_orders <= 0;

  IF lost_ws IS NULL THEN RETURN; END IF;
  DELETE FROM customer_order_days t USING unnest(lost_ws, lost_cust, lost_day) AS l(w, c, d)
   WHERE t.workspace_id = l.w AND t.customer_id = l.c AND t.day = l.d AND t.orders = 0;
  UPDATE customer_metrics t
     SET first_order_on = (SELECT min(o.day) FROM customer_order_days o
                            WHERE o.workspace_id = k.w AND o.customer_id = k.c),
         last_order_on = (SELECT max(o.day) FROM customer_order_days o
                           WHERE o.workspace_id = k.w AND o.customer_id = k.c)
    FROM (SELECT DISTINCT w, c FROM unnest(lost_ws, lost_cust) AS l(w, c)) k
   WHERE t.workspace_id = k.w AND t.customer_id = k.c;
  DELETE FROM customer_metrics t USING (SELECT DISTINCT w, c FROM unnest(lost_ws, lost_cust) AS l(w, c)) k
   WHERE t.workspace_id = k.w AND t.customer_id = k.c AND t.orders = 0;
  DELETE FROM customer_month_metrics t
   USING (SELECT DISTINCT w, c, date_trunc('month', d)::date AS m FROM unnest(lost_ws, lost_cust, lost_day) AS l(w, c, d)) k
   WHERE t.workspace_id = k.w AND t.customer_id = k.c AND t.month = k.m AND t.orders = 0 AND t.activities = '{}'::jsonb;
END $$;
--> statement-breakpoint
-- 0010's function with the window rows' 12-month activities kept too.
CREATE OR REPLACE FUNCTION "kehu_apply_activity_deltas"(ws bigint[], cust bigint[], months date[], types text[], n int[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  emptied int;
BEGIN
  IF ws IS NULL THEN RETURN; END IF;
  PERFORM pg_advisory_xact_lock_shared(1262835202, (w & 2147483647)::int) FROM (SELECT DISTINCT w FROM unnest(ws) w ORDER BY 1) x;
  INSERT INTO customer_window_metrics AS t (workspace_id, customer_id, activities_12m)
  SELECT w, c, jsonb_object_agg(ty, k)
    FROM (SELECT d.w, d.c, d.ty, sum(d.k) AS k
            FROM unnest(ws, cust, months, types, n) AS d(w, c, m, ty, k)
            JOIN customer_window_anchors a ON a.workspace_id = d.w
           WHERE kehu_months_back(a.anchor_month, d.m) BETWEEN 0 AND 11
           GROUP BY 1, 2, 3 HAVING sum(d.k) <> 0) x
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (workspace_id, customer_id) DO UPDATE
    SET activities_12m = kehu_count_merge(t.activities_12m, excluded.activities_12m);
  WITH up AS (
    INSERT INTO customer_month_metrics AS t (workspace_id, customer_id, month, activities)
    SELECT w, c, m, jsonb_object_agg(ty, k)
      FROM unnest(ws, cust, months, types, n) AS d(w, c, m, ty, k) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (workspace_id, customer_id, month) DO UPDATE
      SET activities = kehu_count_merge(t.activities, excluded.activities)
    RETURNING t.orders, t.activities
  )
  SELECT count(*) INTO emptied FROM up WHERE orders = 0 AND activities = '{}'::jsonb;
  IF emptied > 0 THEN
    DELETE FROM customer_month_metrics t
     USING (SELECT DISTINCT w, c, m FROM unnest(ws, cust, months) AS l(w, c, m)) k
     WHERE t.workspace_id = k.w AND t.customer_id = k.c AND t.month = k.m
       AND t.orders = 0 AND t.activities = '{}'::jsonb;
  END IF;
END $$;
--> statement-breakpoint
-- The full recomputation of 0010, then the window rows of every anchored workspace it covered.
ALTER FUNCTION "kehu_rebuild_customer_metrics"(bigint) RENAME TO "kehu_rebuild_customer_metrics_0010";
--> statement-breakpoint
CREATE FUNCTION "kehu_rebuild_customer_metrics"(p_ws bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kehu_rebuild_customer_metrics_0010(p_ws);
  PERFORM kehu_anchor_customer_windows(a.workspace_id, a.anchor_month, a.rfm_months)
     FROM customer_window_anchors a WHERE p_ws IS NULL OR a.workspace_id = p_ws;
END $$;
--> statement-breakpoint
-- Backfill: every workspace with metrics, anchored at this month in its time zone with its RFM window.
SELECT kehu_anchor_customer_windows(w.id, (now() AT TIME ZONE w.time_zone)::date,
                                    coalesce((s.settings -> 'rfm' ->> 'windowMonths')::int, 24))
  FROM workspaces w LEFT JOIN value_settings s ON s.workspace_id = w.id
 WHERE EXISTS (SELECT 1 FROM customer_month_metrics m WHERE m.workspace_id = w.id);
