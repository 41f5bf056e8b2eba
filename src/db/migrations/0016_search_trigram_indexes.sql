-- Accent-insensitive "contains" search (ADR 0018): GET /api/v1/search, /offres?q= and /organisations?q=
-- match `ec_unaccent(lower(<text>)) LIKE ec_unaccent(lower('%words%'))`; these trigram indexes serve
-- exactly those expressions so a search does not read whole tables.
CREATE INDEX IF NOT EXISTS offers_search_trgm_idx ON offers USING gin (ec_unaccent(lower(title || ' ' || description)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS organisations_search_trgm_idx ON organisations USING gin (ec_unaccent(lower(name || ' ' || description)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS users_search_trgm_idx ON users USING gin (ec_unaccent(lower(display_name || ' ' || handle)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS projects_title_trgm_idx ON projects USING gin (ec_unaccent(lower(title)) gin_trgm_ops);
