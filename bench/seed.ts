import type { Database } from '../src/db/client.js';
import { hashPassword } from '../src/modules/auth/passwords.js';

/**
 * Fills the bench database in set-based SQL: N people spread over the pilot neighbourhoods, with
 * varied privacy settings. Reference data (territories, caisses) comes from the normal seed.
 */
export async function seedPeople(database: Database, people: number): Promise<void> {
  const hash = await hashPassword('bench-password-not-used');
  await database.query(
    `INSERT INTO users (id, email, password_hash, display_name, handle, locale, territory_id, bio, skills, interests, links, privacy, indexable, email_verified_at, age_confirmed, created_at)
     SELECT 'bench' || g, 'bench' || g || '@example.test', $1, 'Personne ' || g, 'bench-' || g,
            CASE WHEN g % 3 = 0 THEN 'en' ELSE 'fr' END,
            (SELECT id FROM territories WHERE kind = 'neighbourhood' AND rollout_state = 'pilot' ORDER BY slug OFFSET (g % 4) LIMIT 1),
            'Bénévole du quartier, j’aime donner un coup de main. #' || g,
            (ARRAY['menuiserie', 'tenue de livres', 'jardinage', 'graphisme', 'cuisine'])[1 + (g % 4):2 + (g % 4)],
            ARRAY['alimentation', 'jeunesse'],
            '[]'::jsonb,
            CASE WHEN g % 2 = 0
              THEN '{"photo":"public","bio":"public","skills":"public","interests":"public","territory":"public","links":"public"}'::jsonb
              ELSE '{"photo":"private","bio":"members","skills":"members","interests":"private","territory":"public","links":"private"}'::jsonb END,
            g % 2 = 0, now(), true, now() - (g || ' minutes')::interval
     FROM generate_series(1, $2::int) AS g`,
    [hash, people],
  );
  await database.query('ANALYZE');
}
