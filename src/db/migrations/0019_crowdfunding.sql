CREATE TABLE "crowdfunding_campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"url" text NOT NULL,
	"platform" text NOT NULL,
	"goal_cents" integer NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"model" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"raised_cents" integer DEFAULT 0 NOT NULL,
	"backers" integer,
	"raised_as_of" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"match_caisse_id" text,
	"match_ratio_percent" integer,
	"match_cap_cents" integer,
	"match_set_by" text,
	"match_set_at" timestamp with time zone,
	"preview_status" text DEFAULT 'pending' NOT NULL,
	"preview_title" text,
	"preview_image_key" text,
	"preview_image_width" integer,
	"preview_image_height" integer,
	"preview_fetched_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"impact_recorded_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crowdfunding_campaigns_amounts" CHECK ("crowdfunding_campaigns"."goal_cents" > 0 AND "crowdfunding_campaigns"."raised_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "crowdfunding_snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"raised_cents" integer NOT NULL,
	"backers" integer,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_by" text,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reject_reason" text DEFAULT '' NOT NULL,
	CONSTRAINT "crowdfunding_snapshots_amounts" CHECK ("crowdfunding_snapshots"."raised_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "crowdfunding_campaigns" ADD CONSTRAINT "crowdfunding_campaigns_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowdfunding_campaigns" ADD CONSTRAINT "crowdfunding_campaigns_match_caisse_id_caisses_id_fk" FOREIGN KEY ("match_caisse_id") REFERENCES "public"."caisses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowdfunding_campaigns" ADD CONSTRAINT "crowdfunding_campaigns_match_set_by_users_id_fk" FOREIGN KEY ("match_set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowdfunding_campaigns" ADD CONSTRAINT "crowdfunding_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowdfunding_snapshots" ADD CONSTRAINT "crowdfunding_snapshots_campaign_id_crowdfunding_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."crowdfunding_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowdfunding_snapshots" ADD CONSTRAINT "crowdfunding_snapshots_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crowdfunding_snapshots" ADD CONSTRAINT "crowdfunding_snapshots_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crowdfunding_campaigns_project_key" ON "crowdfunding_campaigns" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "crowdfunding_campaigns_running_idx" ON "crowdfunding_campaigns" USING btree ("ends_at") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "crowdfunding_snapshots_campaign_idx" ON "crowdfunding_snapshots" USING btree ("campaign_id","taken_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "crowdfunding_snapshots_pending_idx" ON "crowdfunding_snapshots" USING btree ("taken_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "crowdfunding_snapshots_submitter_idx" ON "crowdfunding_snapshots" USING btree ("submitted_by");