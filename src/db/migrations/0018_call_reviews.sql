CREATE TABLE "call_awards" (
	"call_id" text NOT NULL,
	"application_id" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_awards_application_id_pk" PRIMARY KEY("application_id"),
	CONSTRAINT "call_awards_amount_check" CHECK ("call_awards"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "call_conflicts" (
	"call_id" text NOT NULL,
	"juror_id" text NOT NULL,
	"application_id" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_conflicts_juror_id_application_id_pk" PRIMARY KEY("juror_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "call_jurors" (
	"id" text PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"user_id" text,
	"added_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_publications" (
	"call_id" text PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	"lines" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_review_notes" (
	"application_id" text NOT NULL,
	"juror_id" text NOT NULL,
	"note" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_review_notes_application_id_juror_id_pk" PRIMARY KEY("application_id","juror_id")
);
--> statement-breakpoint
CREATE TABLE "call_scores" (
	"call_id" text NOT NULL,
	"application_id" text NOT NULL,
	"juror_id" text NOT NULL,
	"criterion_id" text NOT NULL,
	"score" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_scores_application_id_juror_id_criterion_id_pk" PRIMARY KEY("application_id","juror_id","criterion_id"),
	CONSTRAINT "call_scores_range_check" CHECK ("call_scores"."score" BETWEEN 0 AND 10)
);
--> statement-breakpoint
CREATE TABLE "call_vote_budgets" (
	"call_id" text NOT NULL,
	"voter_id" text NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_vote_budgets_call_id_voter_id_pk" PRIMARY KEY("call_id","voter_id"),
	CONSTRAINT "call_vote_budgets_used_check" CHECK ("call_vote_budgets"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "call_votes" (
	"call_id" text NOT NULL,
	"application_id" text NOT NULL,
	"voter_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_awards" ADD CONSTRAINT "call_awards_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_awards" ADD CONSTRAINT "call_awards_application_id_call_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."call_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_awards" ADD CONSTRAINT "call_awards_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_conflicts" ADD CONSTRAINT "call_conflicts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_conflicts" ADD CONSTRAINT "call_conflicts_juror_id_call_jurors_id_fk" FOREIGN KEY ("juror_id") REFERENCES "public"."call_jurors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_conflicts" ADD CONSTRAINT "call_conflicts_application_id_call_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."call_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_jurors" ADD CONSTRAINT "call_jurors_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_jurors" ADD CONSTRAINT "call_jurors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_jurors" ADD CONSTRAINT "call_jurors_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_publications" ADD CONSTRAINT "call_publications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_publications" ADD CONSTRAINT "call_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_review_notes" ADD CONSTRAINT "call_review_notes_application_id_call_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."call_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_review_notes" ADD CONSTRAINT "call_review_notes_juror_id_call_jurors_id_fk" FOREIGN KEY ("juror_id") REFERENCES "public"."call_jurors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_scores" ADD CONSTRAINT "call_scores_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_scores" ADD CONSTRAINT "call_scores_application_id_call_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."call_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_scores" ADD CONSTRAINT "call_scores_juror_id_call_jurors_id_fk" FOREIGN KEY ("juror_id") REFERENCES "public"."call_jurors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_scores" ADD CONSTRAINT "call_scores_criterion_id_call_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."call_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_vote_budgets" ADD CONSTRAINT "call_vote_budgets_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_vote_budgets" ADD CONSTRAINT "call_vote_budgets_voter_id_users_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_votes" ADD CONSTRAINT "call_votes_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_votes" ADD CONSTRAINT "call_votes_application_id_call_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."call_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_votes" ADD CONSTRAINT "call_votes_voter_id_users_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_awards_call_idx" ON "call_awards" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "call_conflicts_call_idx" ON "call_conflicts" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_jurors_call_user_key" ON "call_jurors" USING btree ("call_id","user_id");--> statement-breakpoint
CREATE INDEX "call_jurors_user_idx" ON "call_jurors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "call_scores_call_idx" ON "call_scores" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_votes_call_application_voter_key" ON "call_votes" USING btree ("call_id","application_id","voter_id");--> statement-breakpoint
CREATE INDEX "call_votes_voter_idx" ON "call_votes" USING btree ("voter_id","call_id");--> statement-breakpoint
CREATE INDEX "call_votes_application_idx" ON "call_votes" USING btree ("application_id");