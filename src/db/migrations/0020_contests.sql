CREATE TABLE "contest_participants" (
	"contest_id" text NOT NULL,
	"pseudonym" text NOT NULL,
	"user_id" text,
	"entries" integer DEFAULT 0 NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_prizes" (
	"id" text PRIMARY KEY NOT NULL,
	"contest_id" text NOT NULL,
	"position" integer NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"quantity" integer NOT NULL,
	"value_cents" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_winners" (
	"id" text PRIMARY KEY NOT NULL,
	"contest_id" text NOT NULL,
	"round" integer NOT NULL,
	"slot" integer NOT NULL,
	"prize_id" text NOT NULL,
	"pseudonym" text,
	"counter" integer,
	"status" text DEFAULT 'notified' NOT NULL,
	"claim_deadline" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contests" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"caisse_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"territory_ids" text[] NOT NULL,
	"min_age" integer DEFAULT 18 NOT NULL,
	"members_only" boolean DEFAULT true NOT NULL,
	"entry_rules" jsonb NOT NULL,
	"cap_per_person" integer NOT NULL,
	"draw_at" timestamp with time zone NOT NULL,
	"draw_place_fr" text NOT NULL,
	"draw_place_en" text NOT NULL,
	"claim_days" integer NOT NULL,
	"skill_question" text NOT NULL,
	"skill_answer" integer NOT NULL,
	"how_told_fr" text NOT NULL,
	"how_told_en" text NOT NULL,
	"seed_sealed" text,
	"commitment" text,
	"seed_revealed" text,
	"published_at" timestamp with time zone,
	"frozen_at" timestamp with time zone,
	"entry_list_file" text,
	"entry_list_sha256" text,
	"drawn_at" timestamp with time zone,
	"drawn_by" text,
	"next_counter" integer DEFAULT 0 NOT NULL,
	"rounds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contest_participants" ADD CONSTRAINT "contest_participants_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_participants" ADD CONSTRAINT "contest_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_prizes" ADD CONSTRAINT "contest_prizes_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_winners" ADD CONSTRAINT "contest_winners_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_winners" ADD CONSTRAINT "contest_winners_prize_id_contest_prizes_id_fk" FOREIGN KEY ("prize_id") REFERENCES "public"."contest_prizes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_caisse_id_caisses_id_fk" FOREIGN KEY ("caisse_id") REFERENCES "public"."caisses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contest_participants_pseudonym_key" ON "contest_participants" USING btree ("contest_id","pseudonym");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_participants_user_key" ON "contest_participants" USING btree ("contest_id","user_id");--> statement-breakpoint
CREATE INDEX "contest_participants_user_idx" ON "contest_participants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_prizes_position_key" ON "contest_prizes" USING btree ("contest_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_winners_slot_round_key" ON "contest_winners" USING btree ("contest_id","slot","round");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_winners_pseudonym_key" ON "contest_winners" USING btree ("contest_id","pseudonym");--> statement-breakpoint
CREATE INDEX "contest_winners_deadline_idx" ON "contest_winners" USING btree ("status","claim_deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "contests_slug_key" ON "contests" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "contests_caisse_idx" ON "contests" USING btree ("caisse_id");--> statement-breakpoint
CREATE INDEX "contests_ends_idx" ON "contests" USING btree ("status","ends_at");