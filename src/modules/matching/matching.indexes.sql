-- Proposed migration for matching (docs/adr/0007-matching.md): skills are compared case- and
-- accent-insensitively ("Tenue de livres" = "tenue de livres", "Comptabilite" = "comptabilité")
-- through GIN expression indexes, so `ec_skill_keys(skills) && $keys` is an index scan.
-- The lead moves this into src/db/migrations (0003); until then the matching tests apply it.
CREATE OR REPLACE FUNCTION ec_skill_keys(text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}'::text[]) FROM (SELECT public.ec_unaccent(lower(btrim(s))) AS k FROM unnest($1) AS s) AS x WHERE k <> '' $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS users_skill_keys_idx ON users USING gin (ec_skill_keys(skills));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS offers_skill_keys_idx ON offers USING gin (ec_skill_keys(skills));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS needs_skill_keys_idx ON needs USING gin (ec_skill_keys(skills));
