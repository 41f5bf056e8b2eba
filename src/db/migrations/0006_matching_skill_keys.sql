-- Replaces what 0004 created (docs/adr/0007-matching.md): skills are
-- compared case- and accent-insensitively ("Tenue de livres" = "tenue de livres", "comptabilite" =
-- "comptabilité") through GIN expression indexes, so `ec_skill_keys(skills) @> ARRAY[key]` is an
-- index scan.
--
-- One string operation per array (joined on the unit separator, lowered, unaccented, split again):
-- about four times cheaper than unaccenting element by element, which matters when a very common
-- skill is checked row by row. Skills are trimmed on input; duplicates do not change && or @>.
CREATE OR REPLACE FUNCTION ec_skill_keys(text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT CASE WHEN cardinality($1) = 0 THEN '{}'::text[] ELSE string_to_array(public.ec_unaccent(lower(array_to_string($1, chr(31)))), chr(31)) END $$;
--> statement-breakpoint
-- Rebuilt (the function changed), without a pending list: skills change rarely, and a pending list
-- makes every search re-check its rows (measured 300 ms instead of 16 ms).
DROP INDEX IF EXISTS users_skill_keys_idx;
--> statement-breakpoint
CREATE INDEX users_skill_keys_idx ON users USING gin (ec_skill_keys(skills)) WITH (fastupdate = off);
--> statement-breakpoint
DROP INDEX IF EXISTS offers_skill_keys_idx;
--> statement-breakpoint
CREATE INDEX offers_skill_keys_idx ON offers USING gin (ec_skill_keys(skills)) WITH (fastupdate = off);
--> statement-breakpoint
DROP INDEX IF EXISTS needs_skill_keys_idx;
--> statement-breakpoint
CREATE INDEX needs_skill_keys_idx ON needs USING gin (ec_skill_keys(skills)) WITH (fastupdate = off);
--> statement-breakpoint
-- When a skill is very common, its most recent holders are read in this order (no sort of everyone).
CREATE INDEX IF NOT EXISTS users_updated_idx ON users (updated_at DESC, id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS needs_created_idx ON needs (created_at DESC, id);
