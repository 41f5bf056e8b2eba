CREATE TABLE "territory_rollout_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"territory_id" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "territory_waitlist" ADD COLUMN "notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "territory_rollout_changes" ADD CONSTRAINT "territory_rollout_changes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_rollout_changes" ADD CONSTRAINT "territory_rollout_changes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "territory_rollout_changes_territory_idx" ON "territory_rollout_changes" USING btree ("territory_id","effective_at");--> statement-breakpoint
CREATE INDEX "territory_rollout_changes_due_idx" ON "territory_rollout_changes" USING btree ("effective_at") WHERE applied_at IS NULL AND cancelled_at IS NULL;--> statement-breakpoint
CREATE INDEX "territory_waitlist_pending_idx" ON "territory_waitlist" USING btree ("territory_id") WHERE notified_at IS NULL;