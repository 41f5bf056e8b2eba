CREATE TABLE "delegate_applications" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"caisse_id" text NOT NULL,
	"user_id" text NOT NULL,
	"territory_id" text NOT NULL,
	"motivation" text NOT NULL,
	"availability" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_message" text DEFAULT '' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegate_campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"caisse_id" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"term_start" timestamp with time zone NOT NULL,
	"term_end" timestamp with time zone NOT NULL,
	"intro_fr" text DEFAULT '' NOT NULL,
	"intro_en" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delegate_applications" ADD CONSTRAINT "delegate_applications_campaign_id_delegate_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."delegate_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_applications" ADD CONSTRAINT "delegate_applications_caisse_id_caisses_id_fk" FOREIGN KEY ("caisse_id") REFERENCES "public"."caisses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_applications" ADD CONSTRAINT "delegate_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_applications" ADD CONSTRAINT "delegate_applications_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_applications" ADD CONSTRAINT "delegate_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_campaigns" ADD CONSTRAINT "delegate_campaigns_caisse_id_caisses_id_fk" FOREIGN KEY ("caisse_id") REFERENCES "public"."caisses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_campaigns" ADD CONSTRAINT "delegate_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delegate_applications_campaign_user_key" ON "delegate_applications" USING btree ("campaign_id","user_id");--> statement-breakpoint
CREATE INDEX "delegate_applications_caisse_idx" ON "delegate_applications" USING btree ("caisse_id","status","created_at");--> statement-breakpoint
CREATE INDEX "delegate_applications_user_idx" ON "delegate_applications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "delegate_campaigns_caisse_idx" ON "delegate_campaigns" USING btree ("caisse_id","created_at" DESC NULLS LAST);