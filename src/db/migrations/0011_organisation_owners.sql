-- Custom SQL migration file, put your code below! ---- Each existing organisation gets an owner: its earliest representative.
UPDATE "organisation_members" m SET "role" = 'owner'
WHERE (m."organisation_id", m."user_id") IN (
  SELECT DISTINCT ON (r."organisation_id") r."organisation_id", r."user_id"
  FROM "organisation_members" r
  WHERE r."role" = 'representative'
    AND NOT EXISTS (SELECT 1 FROM "organisation_members" o WHERE o."organisation_id" = r."organisation_id" AND o."role" = 'owner')
  ORDER BY r."organisation_id", r."created_at", r."user_id"
);--> statement-breakpoint
ALTER TABLE "capacity_usage" ADD CONSTRAINT "capacity_usage_used_non_negative" CHECK ("used" >= 0);--> statement-breakpoint
ALTER TABLE "capacities" ADD CONSTRAINT "capacities_amount_positive" CHECK ("amount" > 0);
