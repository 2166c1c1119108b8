-- Chinese fragments are found through a btree of name windows instead of a GIN index of bigrams: a GIN
-- scan builds a bitmap of every match before the first row comes back, which for a common fragment
-- (化工, 能源) at a million customers costs 5–15 ms; a prefix range of this key stops at the LIMIT.
CREATE TABLE "customer_name_windows" (
	"workspace_id" bigint NOT NULL,
	"win" text COLLATE "C" NOT NULL,
	"customer_id" bigint NOT NULL,
	CONSTRAINT "customer_name_windows_workspace_id_win_customer_id_pk" PRIMARY KEY("workspace_id","win","customer_id")
);
--> statement-breakpoint
DROP INDEX "customers_grams_idx";
--> statement-breakpoint
-- The windows of some texts: at each position where a run of Han characters (the ranges below, the same
-- as HAN_CHAR in src/shared/customers/name-windows.ts) has at least 2 characters left, up to 4 of them.
-- A Han fragment of 2–4 characters occurs in a text exactly when it is a prefix of one of its windows.
CREATE FUNCTION "kehu_name_windows"(VARIADIC texts text[]) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT w
    FROM unnest(texts) AS t(raw)
    CROSS JOIN LATERAL (SELECT lower(normalize(t.raw, NFKC)) AS s) n
    CROSS JOIN LATERAL generate_series(1, char_length(n.s) - 1) AS i
    CROSS JOIN LATERAL substring(substr(n.s, i, 4) FROM '^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]{2,4}') AS w
   WHERE w IS NOT NULL
$$;
--> statement-breakpoint
-- Statement-level triggers with transition tables: a COPY of a million customers is one set-wise insert.
CREATE FUNCTION "kehu_customer_windows_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_name_windows (workspace_id, win, customer_id)
    SELECT n.workspace_id, w, n.id FROM new_rows n CROSS JOIN LATERAL kehu_name_windows(n.name, n.short_name) AS w;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kehu_customer_windows_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only renamed customers: every other update (status, owner, version …) leaves the windows alone.
  DELETE FROM customer_name_windows c
   USING old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id
   CROSS JOIN LATERAL kehu_name_windows(o.name, o.short_name) AS w
   WHERE (o.name, o.short_name) IS DISTINCT FROM (n.name, n.short_name)
     AND c.workspace_id = o.workspace_id AND c.win = w AND c.customer_id = o.id;
  INSERT INTO customer_name_windows (workspace_id, win, customer_id)
    SELECT n.workspace_id, w, n.id
      FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
      CROSS JOIN LATERAL kehu_name_windows(n.name, n.short_name) AS w
     WHERE (o.name, o.short_name) IS DISTINCT FROM (n.name, n.short_name);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kehu_customer_windows_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_name_windows c
   USING old_rows o CROSS JOIN LATERAL kehu_name_windows(o.name, o.short_name) AS w
   WHERE c.workspace_id = o.workspace_id AND c.win = w AND c.customer_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "customers_windows_insert" AFTER INSERT ON "customers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kehu_customer_windows_insert"();
--> statement-breakpoint
CREATE TRIGGER "customers_windows_update" AFTER UPDATE ON "customers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kehu_customer_windows_update"();
--> statement-breakpoint
CREATE TRIGGER "customers_windows_delete" AFTER DELETE ON "customers"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kehu_customer_windows_delete"();
--> statement-breakpoint
-- Bulk loads and restores run with session_replication_role = replica to skip the foreign-key checks;
-- the windows must be kept then too.
ALTER TABLE "customers" ENABLE ALWAYS TRIGGER "customers_windows_insert";
--> statement-breakpoint
ALTER TABLE "customers" ENABLE ALWAYS TRIGGER "customers_windows_update";
--> statement-breakpoint
ALTER TABLE "customers" ENABLE ALWAYS TRIGGER "customers_windows_delete";
--> statement-breakpoint
INSERT INTO "customer_name_windows" ("workspace_id", "win", "customer_id")
  SELECT c.workspace_id, w, c.id FROM customers c CROSS JOIN LATERAL kehu_name_windows(c.name, c.short_name) AS w;
--> statement-breakpoint
-- A search scores a few hundred candidates to show twenty: from this index it reads what the score and
-- the access filters need without visiting the table (index-only), and the table only for the page.
CREATE INDEX "customers_search_cover_idx" ON "customers" ("workspace_id", "id") INCLUDE ("code", "name", "short_name", "deleted_at", "owner_id", "branch_id");
