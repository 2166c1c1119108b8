-- Prefix search on customer codes (case-insensitive) and on contact names, usable whatever the collation.
CREATE INDEX IF NOT EXISTS "customers_code_prefix_idx" ON "customers" ("workspace_id", lower("code") text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contacts_name_prefix_idx" ON "contacts" ("workspace_id", "name" text_pattern_ops);
