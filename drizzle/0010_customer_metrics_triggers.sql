-- Per-customer metrics (issue 5, item 1) kept by statement-level triggers with transition tables on orders
-- and activities: a COPY of a million orders is one set-wise delta, a single order a small one. Each
-- statement's rows are aggregated into deltas (+ new rows, − old rows), which one function per source applies
-- to customer_order_days, customer_month_metrics and customer_metrics.
-- Counted order: deleted_at is null and status <> 'cancelled'; revenue = total_amount, cost = total_cost or 0.
-- Activities count per month (in the workspace's time zone) and type when not deleted.
-- Invariants: a day row exists only with orders > 0 (purchase days = day rows); a customer_metrics row only
-- with orders > 0; a month row only with orders > 0 or some activity. kehu_rebuild_customer_metrics
-- recomputes everything from the orders and activities (the reference of the tests, restores, the CLI).

-- Deltas per (workspace, customer, day) of counted orders, revenue and cost.
CREATE FUNCTION "kehu_apply_order_deltas"(ws bigint[], cust bigint[], days date[], n int[], rev numeric[], cst numeric[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lost_ws bigint[];
  lost_cust bigint[];
  lost_day date[];
BEGIN
  IF ws IS NULL THEN RETURN; END IF;
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
-- Two type → count objects added, zero counts dropped (jsonb keeps keys sorted: equal sums, equal values).
CREATE FUNCTION "kehu_count_merge"(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(k, s), '{}'::jsonb)
    FROM (SELECT k, sum(v::int) AS s
            FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) x(k, v)
           GROUP BY k) y
   WHERE s <> 0
$$;
--> statement-breakpoint
-- Deltas per (workspace, customer, month, activity type) of activity counts.
CREATE FUNCTION "kehu_apply_activity_deltas"(ws bigint[], cust bigint[], months date[], types text[], n int[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  emptied int;
BEGIN
  IF ws IS NULL THEN RETURN; END IF;
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
CREATE FUNCTION "kehu_orders_metrics_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kehu_apply_order_deltas(array_agg(workspace_id), array_agg(customer_id), array_agg(day),
                                  array_agg(orders), array_agg(revenue), array_agg(cost))
     FROM (SELECT workspace_id, customer_id, ordered_at AS day, count(*)::int AS orders,
                  sum(total_amount) AS revenue, sum(coalesce(total_cost, 0)) AS cost
             FROM new_rows WHERE deleted_at IS NULL AND status <> 'cancelled'
            GROUP BY 1, 2, 3) d;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kehu_orders_metrics_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kehu_apply_order_deltas(array_agg(workspace_id), array_agg(customer_id), array_agg(day),
                                  array_agg(orders), array_agg(revenue), array_agg(cost))
     FROM (SELECT workspace_id, customer_id, ordered_at AS day, -count(*)::int AS orders,
                  -sum(total_amount) AS revenue, -sum(coalesce(total_cost, 0)) AS cost
             FROM old_rows WHERE deleted_at IS NULL AND status <> 'cancelled'
            GROUP BY 1, 2, 3) d;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An update is its old rows taken out and its new rows put in; rows whose counted figures did not move
-- (notes, version, lines …) cancel out and cost nothing further.
CREATE FUNCTION "kehu_orders_metrics_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kehu_apply_order_deltas(array_agg(workspace_id), array_agg(customer_id), array_agg(day),
                                  array_agg(orders), array_agg(revenue), array_agg(cost))
     FROM (SELECT workspace_id, customer_id, day, sum(n)::int AS orders, sum(revenue) AS revenue, sum(cost) AS cost
             FROM (SELECT workspace_id, customer_id, ordered_at AS day, 1 AS n, total_amount AS revenue,
                          coalesce(total_cost, 0) AS cost
                     FROM new_rows WHERE deleted_at IS NULL AND status <> 'cancelled'
                   UNION ALL
                   SELECT workspace_id, customer_id, ordered_at, -1, -total_amount, -coalesce(total_cost, 0)
                     FROM old_rows WHERE deleted_at IS NULL AND status <> 'cancelled') x
            GROUP BY 1, 2, 3
           HAVING sum(n) <> 0 OR sum(revenue) <> 0 OR sum(cost) <> 0) d;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kehu_activities_metrics_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kehu_apply_activity_deltas(array_agg(workspace_id), array_agg(customer_id), array_agg(month),
                                     array_agg(type), array_agg(n))
     FROM (SELECT a.workspace_id, a.customer_id,
                  date_trunc('month', a.occurred_at AT TIME ZONE w.time_zone)::date AS month, a.type, count(*)::int AS n
             FROM new_rows a JOIN workspaces w ON w.id = a.workspace_id
            WHERE a.deleted_at IS NULL GROUP BY 1, 2, 3, 4) d;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kehu_activities_metrics_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kehu_apply_activity_deltas(array_agg(workspace_id), array_agg(customer_id), array_agg(month),
                                     array_agg(type), array_agg(n))
     FROM (SELECT a.workspace_id, a.customer_id,
                  date_trunc('month', a.occurred_at AT TIME ZONE w.time_zone)::date AS month, a.type, -count(*)::int AS n
             FROM old_rows a JOIN workspaces w ON w.id = a.workspace_id
            WHERE a.deleted_at IS NULL GROUP BY 1, 2, 3, 4) d;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kehu_activities_metrics_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kehu_apply_activity_deltas(array_agg(workspace_id), array_agg(customer_id), array_agg(month),
                                     array_agg(type), array_agg(n))
     FROM (SELECT x.workspace_id, x.customer_id,
                  date_trunc('month', x.occurred_at AT TIME ZONE w.time_zone)::date AS month, x.type, sum(x.n)::int AS n
             FROM (SELECT workspace_id, customer_id, occurred_at, type, 1 AS n FROM new_rows WHERE deleted_at IS NULL
                   UNION ALL
                   SELECT workspace_id, customer_id, occurred_at, type, -1 FROM old_rows WHERE deleted_at IS NULL) x
             JOIN workspaces w ON w.id = x.workspace_id
            GROUP BY 1, 2, 3, 4 HAVING sum(x.n) <> 0) d;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The full recomputation (one workspace, or every one when p_ws is null), straight from the orders and
-- activities: the backfill below, `kehu metrics rebuild`, and the tests' reference.
CREATE FUNCTION "kehu_rebuild_customer_metrics"(p_ws bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_metrics WHERE p_ws IS NULL OR workspace_id = p_ws;
  DELETE FROM customer_month_metrics WHERE p_ws IS NULL OR workspace_id = p_ws;
  DELETE FROM customer_order_days WHERE p_ws IS NULL OR workspace_id = p_ws;
  INSERT INTO customer_order_days (workspace_id, customer_id, day, orders, revenue, cost)
  SELECT workspace_id, customer_id, ordered_at, count(*), sum(total_amount), sum(coalesce(total_cost, 0))
    FROM orders
   WHERE (p_ws IS NULL OR workspace_id = p_ws) AND deleted_at IS NULL AND status <> 'cancelled'
   GROUP BY 1, 2, 3;
  INSERT INTO customer_month_metrics (workspace_id, customer_id, month, orders, purchase_days, revenue, cost, activities)
  SELECT coalesce(o.workspace_id, a.workspace_id), coalesce(o.customer_id, a.customer_id), coalesce(o.month, a.month),
         coalesce(o.orders, 0), coalesce(o.days, 0), coalesce(o.revenue, 0), coalesce(o.cost, 0),
         coalesce(a.activities, '{}'::jsonb)
    FROM (SELECT workspace_id, customer_id, date_trunc('month', day)::date AS month, sum(orders) AS orders,
                 count(*) AS days, sum(revenue) AS revenue, sum(cost) AS cost
            FROM customer_order_days WHERE p_ws IS NULL OR workspace_id = p_ws GROUP BY 1, 2, 3) o
    FULL JOIN (
      SELECT workspace_id, customer_id, month, jsonb_object_agg(type, n) AS activities
        FROM (SELECT a.workspace_id, a.customer_id,
                     date_trunc('month', a.occurred_at AT TIME ZONE w.time_zone)::date AS month, a.type, count(*) AS n
                FROM activities a JOIN workspaces w ON w.id = a.workspace_id
               WHERE (p_ws IS NULL OR a.workspace_id = p_ws) AND a.deleted_at IS NULL
               GROUP BY 1, 2, 3, 4) x
       GROUP BY 1, 2, 3) a
      ON a.workspace_id = o.workspace_id AND a.customer_id = o.customer_id AND a.month = o.month;
  INSERT INTO customer_metrics (workspace_id, customer_id, orders, purchase_days, revenue, cost, first_order_on, last_order_on)
  SELECT workspace_id, customer_id, sum(orders), count(*), sum(revenue), sum(cost), min(day), max(day)
    FROM customer_order_days WHERE p_ws IS NULL OR workspace_id = p_ws GROUP BY 1, 2;
END $$;
--> statement-breakpoint
CREATE TRIGGER "orders_metrics_insert" AFTER INSERT ON "orders"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kehu_orders_metrics_insert"();
--> statement-breakpoint
CREATE TRIGGER "orders_metrics_update" AFTER UPDATE ON "orders"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kehu_orders_metrics_update"();
--> statement-breakpoint
CREATE TRIGGER "orders_metrics_delete" AFTER DELETE ON "orders"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kehu_orders_metrics_delete"();
--> statement-breakpoint
CREATE TRIGGER "activities_metrics_insert" AFTER INSERT ON "activities"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kehu_activities_metrics_insert"();
--> statement-breakpoint
CREATE TRIGGER "activities_metrics_update" AFTER UPDATE ON "activities"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kehu_activities_metrics_update"();
--> statement-breakpoint
CREATE TRIGGER "activities_metrics_delete" AFTER DELETE ON "activities"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kehu_activities_metrics_delete"();
--> statement-breakpoint
-- Imports and restores run with session_replication_role = replica to skip the foreign-key checks; the
-- metrics must be kept then too.
ALTER TABLE "orders" ENABLE ALWAYS TRIGGER "orders_metrics_insert";
--> statement-breakpoint
ALTER TABLE "orders" ENABLE ALWAYS TRIGGER "orders_metrics_update";
--> statement-breakpoint
ALTER TABLE "orders" ENABLE ALWAYS TRIGGER "orders_metrics_delete";
--> statement-breakpoint
ALTER TABLE "activities" ENABLE ALWAYS TRIGGER "activities_metrics_insert";
--> statement-breakpoint
ALTER TABLE "activities" ENABLE ALWAYS TRIGGER "activities_metrics_update";
--> statement-breakpoint
ALTER TABLE "activities" ENABLE ALWAYS TRIGGER "activities_metrics_delete";
--> statement-breakpoint
SELECT kehu_rebuild_customer_metrics(NULL);
