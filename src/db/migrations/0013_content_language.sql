ALTER TABLE "offers" ADD COLUMN "language" text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "language" text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
UPDATE "offers" o SET "language" = u."locale" FROM "users" u WHERE u."id" = o."owner_id";--> statement-breakpoint
UPDATE "organisations" g SET "language" = u."locale" FROM "users" u WHERE u."id" = g."created_by";
