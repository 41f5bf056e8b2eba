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

/**
 * Calls for projects and contests at the bench's scale, in set-based SQL: `calls` calls of every
 * phase across the caisses, each with two territories, three questions, two criteria and
 * `applicationsPerCall` submitted applications; `contests` contests (current, upcoming, past) with
 * two prizes each; and two large contests the bench reads by slug: `bench-contest-running` and
 * `bench-contest-drawn`, drawn, whose frozen list holds `entrants` pseudonyms with three winners.
 */
export async function seedCallsAndContests(database: Database, o: { projects: number; calls: number; applicationsPerCall: number; contests: number; entrants: number }): Promise<void> {
  const caisse = (g: string) => `(SELECT id FROM caisses ORDER BY slug OFFSET (${g}) % (SELECT count(*) FROM caisses) LIMIT 1)`;
  // Phase by g % 4: open, review, results, closed; the dates keep the table's checks.
  await database.query(
    `INSERT INTO calls (id, caisse_id, slug, title, theme, description, language, budget_cents, max_per_project_cents, opens_at, submissions_close_at, review_ends_at, results_at, phase, published_at, created_at)
     SELECT 'bc' || g, ${caisse('g')}, 'bench-call-' || g, 'Appel de projets no ' || g, (ARRAY['Verdissement', 'Alimentation', 'Jeunesse', 'Vie de quartier'])[1 + g % 4],
            'Un appel pour les projets de **quartier** numéro ' || g || '.', 'fr', 2500000, 500000,
            now() + (ARRAY[-10, -60, -120, -300])[1 + (g - 1) % 4] * interval '1 day', now() + (ARRAY[20, -10, -60, -240])[1 + (g - 1) % 4] * interval '1 day',
            now() + (ARRAY[50, 20, -30, -210])[1 + (g - 1) % 4] * interval '1 day', now() + (ARRAY[80, 50, -5, -180])[1 + (g - 1) % 4] * interval '1 day',
            (ARRAY['open', 'review', 'results', 'closed'])[1 + (g - 1) % 4], now() + (ARRAY[-10, -60, -120, -300])[1 + (g - 1) % 4] * interval '1 day', now() - interval '1 year'
     FROM generate_series(1, $1::int) AS g`,
    [o.calls],
  );
  await database.query(
    `INSERT INTO call_territories (call_id, territory_id)
     SELECT c.id, t.id FROM calls c CROSS JOIN LATERAL (SELECT id FROM territories WHERE kind = 'neighbourhood' AND rollout_state = 'pilot' ORDER BY slug OFFSET (substr(c.id, 3)::int % 3) LIMIT 2) t WHERE c.id LIKE 'bc%'`,
  );
  await database.query(
    `INSERT INTO call_questions (id, call_id, position, kind, label, required, choices)
     SELECT c.id || '-q' || k, c.id, k, (ARRAY['long_text', 'number', 'choice'])[k], (ARRAY['Que ferez-vous?', 'Combien de personnes?', 'Avez-vous un accord?'])[k], true,
            CASE WHEN k = 3 THEN ARRAY['Oui', 'Non', 'En cours'] ELSE '{}'::text[] END
     FROM calls c, generate_series(1, 3) AS k WHERE c.id LIKE 'bc%'`,
  );
  await database.query(
    `INSERT INTO call_criteria (id, call_id, position, label, description, weight)
     SELECT c.id || '-k' || k, c.id, k, (ARRAY['Impact', 'Faisabilité'])[k], 'Critère ' || k, 3 - k FROM calls c, generate_series(1, 2) AS k WHERE c.id LIKE 'bc%'`,
  );
  await database.query(
    `INSERT INTO call_applications (id, call_id, project_id, applicant_id, status, requested_cents, answers, submitted_at, created_at)
     SELECT 'bca' || c.g || '-' || a, 'bc' || c.g, p.id, p.promoter_id, 'submitted', 250000,
            jsonb_build_object('bc' || c.g || '-q1', 'Nous planterons des arbres.', 'bc' || c.g || '-q2', 40, 'bc' || c.g || '-q3', 'Oui'),
            now() - interval '5 days', now() - interval '6 days'
     FROM generate_series(1, $1::int) AS c(g) CROSS JOIN generate_series(1, $2::int) AS a
     JOIN projects p ON p.id = 'bp' || (1 + ((c.g * 97 + a) % $3::int))`,
    [o.calls, o.applicationsPerCall, o.projects],
  );

  const contestRow = (id: string, slug: string, starts: string, ends: string, draw: string) =>
    `${id} AS id, ${slug} AS slug, ${starts} AS starts_at, ${ends} AS ends_at, ${draw} AS draw_at`;
  const columns = `id, slug, caisse_id, status, title_fr, title_en, description_fr, description_en, starts_at, ends_at, territory_ids, entry_rules, cap_per_person, draw_at,
     draw_place_fr, draw_place_en, claim_days, skill_question, skill_answer, how_told_fr, how_told_en, seed_sealed, commitment, published_at`;
  const values = (source: string) => `SELECT x.id, x.slug, ${caisse('x.n')}, 'published', 'Concours de l’entraide ' || x.n, 'Mutual aid contest ' || x.n,
       'Chaque engagement réalisé vous donne une chance.', 'Every fulfilled pledge gives you a chance.', x.starts_at, x.ends_at,
       ARRAY(SELECT id FROM territories WHERE kind = 'neighbourhood' AND rollout_state = 'pilot'), '[{"action":"pledge_fulfilled","entries":1},{"action":"profile_completed","entries":1}]'::jsonb, 10, x.draw_at,
       'Au siège de la caisse', 'At the caisse’s head office', 30, '(12 × 4) + 6 − 10 = ?', 44, 'Par courriel.', 'By e-mail.', 'sealed', encode(sha256(x.id::bytea), 'hex'), x.starts_at - interval '1 day'
     FROM (${source}) x`;
  // Current (g % 3 = 0), upcoming (1) and past (2) contests for the list; then the two large ones.
  await database.query(
    `INSERT INTO contests (${columns}) ${values(`SELECT g AS n, ${contestRow(`'bk' || g`, `'bench-contest-' || g`,
      `now() + (ARRAY[-20, 10, -90])[1 + g % 3] * interval '1 day' - g * interval '1 minute'`, `now() + (ARRAY[20, 40, -30])[1 + g % 3] * interval '1 day' - g * interval '1 minute'`, `now() + (ARRAY[23, 43, -27])[1 + g % 3] * interval '1 day'`)} FROM generate_series(1, ${Number(o.contests)}) AS g`)}`,
  );
  await database.query(
    `INSERT INTO contests (${columns}) ${values(`SELECT 0 AS n, ${contestRow(`'bk-running'`, `'bench-contest-running'`, `now() - interval '20 days'`, `now() + interval '20 days'`, `now() + interval '23 days'`)}
       UNION ALL SELECT 1, ${contestRow(`'bk-drawn'`, `'bench-contest-drawn'`, `now() - interval '60 days'`, `now() - interval '10 days'`, `now() - interval '7 days'`)}`)}`,
  );
  await database.query(
    `INSERT INTO contest_prizes (id, contest_id, position, name_fr, name_en, quantity, value_cents)
     SELECT c.id || '-p' || k, c.id, k - 1, (ARRAY['Panier du marché', 'Carte-cadeau'])[k], (ARRAY['Market basket', 'Gift card'])[k], k, (ARRAY[15000, 5000])[k]
     FROM contests c, generate_series(1, 2) AS k WHERE c.id LIKE 'bk%'`,
  );
  // Fulfilled bench pledges get the date they became fulfilled (their creation): the running contest's entries come from them.
  await database.query(`UPDATE pledges SET fulfilled_at = created_at WHERE status = 'fulfilled' AND fulfilled_at IS NULL AND id LIKE 'bpl%'`);
  // The drawn contest: a frozen list of `entrants` bench people (pseudonyms from the draw's alphabet), three winners, the seed revealed.
  await database.query(
    `INSERT INTO contest_participants (contest_id, pseudonym, user_id, entries, listed)
     SELECT 'bk-drawn', translate('B' || lpad(g::text, 7, '0'), '01', 'QR'), 'bench' || g, 1 + g % 10, true FROM generate_series(1, $1::int) AS g`,
    [o.entrants],
  );
  await database.query(
    `UPDATE contests SET frozen_at = now() - interval '10 days', drawn_at = now() - interval '7 days', seed_revealed = encode(sha256('bench-seed'::bytea), 'hex'),
       entry_list_file = '{}', entry_list_sha256 = encode(sha256('bench-list'::bytea), 'hex'), next_counter = 3,
       rounds = jsonb_build_array(jsonb_build_object('round', 0, 'slots', jsonb_build_array(0, 1, 2), 'startCounter', 0, 'nextCounter', 3, 'at', now() - interval '7 days'))
     WHERE id = 'bk-drawn'`,
  );
  await database.query(
    `INSERT INTO contest_winners (id, contest_id, round, slot, prize_id, pseudonym, counter, status, claim_deadline)
     SELECT 'bk-drawn-w' || s, 'bk-drawn', 0, s, CASE WHEN s = 0 THEN 'bk-drawn-p1' ELSE 'bk-drawn-p2' END, translate('B' || lpad((s * 997 + 1)::text, 7, '0'), '01', 'QR'), s, 'notified', now() + interval '23 days'
     FROM generate_series(0, 2) AS s`,
  );
  await database.query('ANALYZE');
}
