CREATE TABLE "call_applications" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"project_id" text NOT NULL,
	"applicant_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"requested_cents" bigint,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_applications_requested_check" CHECK ("call_applications"."requested_cents" IS NULL OR "call_applications"."requested_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "call_criteria" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"weight" integer NOT NULL,
	CONSTRAINT "call_criteria_weight_check" CHECK ("call_criteria"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "call_questions" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"help" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"choices" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_length" integer
);
--> statement-breakpoint
CREATE TABLE "call_territories" (
	"call_id" text NOT NULL,
	"territory_id" text NOT NULL,
	CONSTRAINT "call_territories_call_id_territory_id_pk" PRIMARY KEY("call_id","territory_id")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" text PRIMARY KEY NOT NULL,
	"caisse_id" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"theme" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"members_only" boolean DEFAULT false NOT NULL,
	"allowed_organisation_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"budget_cents" bigint NOT NULL,
	"max_per_project_cents" bigint NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"submissions_close_at" timestamp with time zone NOT NULL,
	"review_ends_at" timestamp with time zone NOT NULL,
	"vote_opens_at" timestamp with time zone,
	"vote_closes_at" timestamp with time zone,
	"results_at" timestamp with time zone NOT NULL,
	"phase" text DEFAULT 'draft' NOT NULL,
	"phase_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"votes_per_member" integer,
	"jury_weight_percent" integer DEFAULT 100 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_money_check" CHECK ("calls"."budget_cents" > 0 AND "calls"."max_per_project_cents" > 0 AND "calls"."max_per_project_cents" <= "calls"."budget_cents"),
	CONSTRAINT "calls_dates_check" CHECK ("calls"."submissions_close_at" > "calls"."opens_at" AND "calls"."review_ends_at" >= "calls"."submissions_close_at" AND "calls"."results_at" >= "calls"."review_ends_at"),
	CONSTRAINT "calls_vote_check" CHECK (("calls"."vote_opens_at" IS NULL AND "calls"."vote_closes_at" IS NULL AND "calls"."votes_per_member" IS NULL AND "calls"."jury_weight_percent" = 100)
        OR ("calls"."vote_opens_at" IS NOT NULL AND "calls"."vote_closes_at" IS NOT NULL AND "calls"."vote_opens_at" >= "calls"."review_ends_at" AND "calls"."vote_closes_at" > "calls"."vote_opens_at" AND "calls"."results_at" >= "calls"."vote_closes_at" AND "calls"."votes_per_member" >= 1)),
	CONSTRAINT "calls_jury_weight_check" CHECK ("calls"."jury_weight_percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
ALTER TABLE "call_applications" ADD CONSTRAINT "call_applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_applications" ADD CONSTRAINT "call_applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_applications" ADD CONSTRAINT "call_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_criteria" ADD CONSTRAINT "call_criteria_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_questions" ADD CONSTRAINT "call_questions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_territories" ADD CONSTRAINT "call_territories_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_territories" ADD CONSTRAINT "call_territories_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_caisse_id_caisses_id_fk" FOREIGN KEY ("caisse_id") REFERENCES "public"."caisses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_applications_call_project_key" ON "call_applications" USING btree ("call_id","project_id");--> statement-breakpoint
CREATE INDEX "call_applications_call_idx" ON "call_applications" USING btree ("call_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "call_applications_applicant_idx" ON "call_applications" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "call_applications_project_idx" ON "call_applications" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "call_criteria_call_idx" ON "call_criteria" USING btree ("call_id","position");--> statement-breakpoint
CREATE INDEX "call_questions_call_idx" ON "call_questions" USING btree ("call_id","position");--> statement-breakpoint
CREATE INDEX "call_territories_territory_idx" ON "call_territories" USING btree ("territory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_slug_key" ON "calls" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "calls_caisse_idx" ON "calls" USING btree ("caisse_id","opens_at");--> statement-breakpoint
CREATE INDEX "calls_phase_idx" ON "calls" USING btree ("phase","opens_at");