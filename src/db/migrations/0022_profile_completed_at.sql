ALTER TABLE "users" ADD COLUMN "profile_completed_at" timestamp with time zone;--> statement-breakpoint
-- Pages already complete: their completion came at or after the account's creation, so recording created_at lets a contest count them only when the account was created inside its period (never a completion that may predate it).
UPDATE "users" SET "profile_completed_at" = "created_at" WHERE "photo_key" IS NOT NULL AND btrim("bio") <> '' AND cardinality("skills") > 0;
