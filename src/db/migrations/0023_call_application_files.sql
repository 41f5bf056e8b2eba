CREATE TABLE "call_application_files" (
	"id" text PRIMARY KEY NOT NULL,
	"application_id" text NOT NULL,
	"question_id" text NOT NULL,
	"media_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_application_files_size_check" CHECK ("call_application_files"."size_bytes" > 0)
);
--> statement-breakpoint
ALTER TABLE "call_application_files" ADD CONSTRAINT "call_application_files_application_id_call_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."call_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_application_files" ADD CONSTRAINT "call_application_files_question_id_call_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."call_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_application_files" ADD CONSTRAINT "call_application_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_application_files_answer_key" ON "call_application_files" USING btree ("application_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_application_files_media_key" ON "call_application_files" USING btree ("media_key");--> statement-breakpoint
CREATE INDEX "call_application_files_uploader_idx" ON "call_application_files" USING btree ("uploaded_by");