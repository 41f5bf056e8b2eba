CREATE TABLE "privacy_incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"occurred_on" date,
	"discovered_on" date NOT NULL,
	"description" text NOT NULL,
	"personal_info" text NOT NULL,
	"people_concerned" integer NOT NULL,
	"serious_risk" boolean NOT NULL,
	"risk_assessment" text NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"cai_notified_on" date,
	"people_notified_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_incidents_people" CHECK ("privacy_incidents"."people_concerned" >= 0)
);
--> statement-breakpoint
CREATE TABLE "privacy_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"extended_until" date,
	"requester_name" text NOT NULL,
	"requester_email" text NOT NULL,
	"requester_user_id" text,
	"kind" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"answered_on" date,
	"refusal_reason" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD CONSTRAINT "privacy_incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD CONSTRAINT "privacy_incidents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_incidents_list_idx" ON "privacy_incidents" USING btree ("status","discovered_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "privacy_requests_due_idx" ON "privacy_requests" USING btree (coalesce("extended_until", "due_on"),"id");--> statement-breakpoint
CREATE INDEX "privacy_requests_requester_idx" ON "privacy_requests" USING btree ("requester_user_id");