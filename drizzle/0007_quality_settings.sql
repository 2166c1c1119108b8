CREATE TABLE "quality_settings" (
	"workspace_id" bigint PRIMARY KEY NOT NULL,
	"required_fields" text[] NOT NULL,
	"stale_days" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" bigint
);
--> statement-breakpoint
ALTER TABLE "quality_settings" ADD CONSTRAINT "quality_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;