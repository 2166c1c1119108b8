ALTER TABLE "customer_metrics" ADD COLUMN "first_day_revenue" numeric(16, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "value_run_customers" ADD COLUMN "p_alive" double precision;--> statement-breakpoint
ALTER TABLE "value_run_customers" ADD COLUMN "expected_purchases" double precision;--> statement-breakpoint
ALTER TABLE "value_run_customers" ADD COLUMN "expected_spend" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "value_run_customers" ADD COLUMN "clv" numeric(16, 2);--> statement-breakpoint
ALTER TABLE "value_run_customers" ADD COLUMN "churn_risk" smallint;--> statement-breakpoint
ALTER TABLE "value_run_customers" ADD COLUMN "churn_reasons" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "value_run_customers" ADD COLUMN "days_since_last_order" integer;--> statement-breakpoint
ALTER TABLE "value_run_customers" ADD COLUMN "mean_interval_days" double precision;--> statement-breakpoint
ALTER TABLE "value_run_customers" ADD COLUMN "trend_pct" double precision;--> statement-breakpoint
ALTER TABLE "value_runs" ADD COLUMN "model" jsonb;--> statement-breakpoint
ALTER TABLE "value_runs" ADD COLUMN "model_check" jsonb;--> statement-breakpoint
-- The first order day's revenue, kept with the other metrics: 0012's delta function runs first, then the
-- customers whose first day may have moved or changed (a delta on or before the new first day) are re-read.
ALTER FUNCTION "kehu_apply_order_deltas"(bigint[], bigint[], date[], int[], numeric[], numeric[]) RENAME TO "kehu_apply_order_deltas_0012";
--> statement-breakpoint
CREATE FUNCTION "kehu_apply_order_deltas"(ws bigint[], cust bigint[], days date[], n int[], rev numeric[], cst numeric[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kehu_apply_order_deltas_0012(ws, cust, days, n, rev, cst);
  IF ws IS NULL THEN RETURN; END IF;
  UPDATE customer_metrics t
     SET first_day_revenue = coalesce((SELECT d.revenue FROM customer_order_days d
                                        WHERE d.workspace_id = t.workspace_id AND d.customer_id = t.customer_id
                                          AND d.day = t.first_order_on), 0)
    FROM (SELECT w, c, min(d) AS d FROM unnest(ws, cust, days) AS k(w, c, d) GROUP BY 1, 2) k
   WHERE t.workspace_id = k.w AND t.customer_id = k.c AND k.d <= t.first_order_on;
END $$;
--> statement-breakpoint
ALTER FUNCTION "kehu_rebuild_customer_metrics"(bigint) RENAME TO "kehu_rebuild_customer_metrics_0012";
--> statement-breakpoint
CREATE FUNCTION "kehu_rebuild_customer_metrics"(p_ws bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kehu_rebuild_customer_metrics_0012(p_ws);
  UPDATE customer_metrics t SET first_day_revenue = d.revenue
    FROM customer_order_days d
   WHERE (p_ws IS NULL OR t.workspace_id = p_ws)
     AND d.workspace_id = t.workspace_id AND d.customer_id = t.customer_id AND d.day = t.first_order_on;
END $$;
--> statement-breakpoint
UPDATE customer_metrics t SET first_day_revenue = d.revenue
  FROM customer_order_days d
 WHERE d.workspace_id = t.workspace_id AND d.customer_id = t.customer_id AND d.day = t.first_order_on;
