-- Case- and accent-insensitive skill keys for matching (docs/adr/0007-matching.md).
CREATE OR REPLACE FUNCTION ec_skill_keys(text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}'::text[]) FROM (SELECT public.ec_unaccent(lower(btrim(s))) AS k FROM unnest($1) AS s) AS x WHERE k <> '' $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS users_skill_keys_idx ON users USING gin (ec_skill_keys(skills));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS offers_skill_keys_idx ON offers USING gin (ec_skill_keys(skills));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS needs_skill_keys_idx ON needs USING gin (ec_skill_keys(skills));
--> statement-breakpoint
-- When a skill is very common, its most recent holders are read in this order (no sort of everyone).
CREATE INDEX IF NOT EXISTS users_updated_idx ON users (updated_at DESC, id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS needs_created_idx ON needs (created_at DESC, id);
