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
  // A tenth of the people list a skill, in varied spellings: who-could-help ranks them.
  await database.query(
    `UPDATE users SET skills = ARRAY[(ARRAY['Tenue de livres', 'tenue de livres', 'Jardinage', 'Réparation de vélos', 'Traduction'])[1 + abs(hashtext(id)) % 5]]
     WHERE id LIKE 'bench%' AND abs(hashtext(id)) % 10 = 0`,
  );
  await database.query('ANALYZE');
}

/**
 * Projects (published, spread over the pilot neighbourhoods and the last year), five needs each,
 * and three pledges per need from bench people, in set-based SQL.
 */
export async function seedMutualAid(database: Database, projects: number, people: number): Promise<void> {
  await database.query(
    `INSERT INTO projects (id, promoter_id, title, summary, description, language, category, territory_id, status, published_at, created_at)
     SELECT 'bp' || g, 'bench' || (1 + (g * 7919) % $2::int),
            (ARRAY['Jardin', 'Frigo', 'Ruelle verte', 'Atelier vélo', 'Aide aux devoirs', 'Cuisine collective'])[1 + g % 6] || ' du quartier no ' || g,
            'Des bénévoles et des voisins se mobilisent pour un projet de quartier numéro ' || g || '.',
            'Nous cherchons des **bénévoles**, du matériel et un peu de financement. Projet ' || g,
            'fr',
            (ARRAY['environment', 'food', 'youth', 'seniors', 'culture', 'mobility'])[1 + g % 6],
            (SELECT id FROM territories WHERE kind = 'neighbourhood' AND rollout_state = 'pilot' ORDER BY slug OFFSET (g % 4) LIMIT 1),
            CASE WHEN g % 10 = 0 THEN 'in_progress' ELSE 'published' END,
            now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
     FROM generate_series(1, $1::int) AS g`,
    [projects, people],
  );
  await database.query(`INSERT INTO project_team (project_id, user_id, role) SELECT id, promoter_id, 'promoter' FROM projects WHERE id LIKE 'bp%'`);
  await database.query(
    `INSERT INTO needs (id, project_id, kind, title, quantity, unit, skills, position)
     SELECT 'bn' || p.g || '-' || k, 'bp' || p.g,
            (ARRAY['volunteering', 'expertise', 'funding', 'loan', 'material'])[k],
            (ARRAY['Bénévoles', 'Tenue de livres', 'Financement', 'Prêt', 'Vélo-cargo'])[k] || ' ' || p.g,
            (ARRAY[10, 6, 50000, 200000, 1])[k],
            (ARRAY['hours', 'hours', 'cents', 'cents', 'items'])[k],
            CASE WHEN k = 2 THEN ARRAY['tenue de livres'] WHEN k = 5 THEN ARRAY['réparation de vélos'] ELSE ARRAY['jardinage'] END,
            k
     FROM generate_series(1, $1::int) AS p(g), generate_series(1, 5) AS k`,
    [projects],
  );
  await database.query(
    `INSERT INTO pledges (id, need_id, project_id, supporter_id, quantity, status, created_at)
     SELECT 'bpl' || p.g || '-' || k || '-' || s, 'bn' || p.g || '-' || k, 'bp' || p.g, 'bench' || (1 + (p.g * 31 + k * 7 + s) % $2::int),
            CASE WHEN k = 5 THEN 0 ELSE 1 END + CASE WHEN k IN (3, 4) THEN 1000 ELSE 0 END,
            (ARRAY['proposed', 'accepted', 'fulfilled'])[s], now() - (p.g || ' minutes')::interval
     FROM generate_series(1, $1::int) AS p(g), generate_series(1, 5) AS k, generate_series(1, 3) AS s
     WHERE NOT (k = 5 AND s > 1)`,
    [projects, people],
  );
  // A tenth of the people list a skill, in varied spellings: who-could-help ranks them.
  await database.query(
    `UPDATE users SET skills = ARRAY[(ARRAY['Tenue de livres', 'tenue de livres', 'Jardinage', 'Réparation de vélos', 'Traduction'])[1 + abs(hashtext(id)) % 5]]
     WHERE id LIKE 'bench%' AND abs(hashtext(id)) % 10 = 0`,
  );
  await database.query('ANALYZE');
}
