import { sql } from 'drizzle-orm';
import { activities } from '../modules/social/social.tables.js';
import type { Deps } from '../platform/deps.js';

/** A fresh 16-character id per row, in SQL (the demo fills activities set-based). */
const ID = sql.raw(`substr(md5(random()::text || clock_timestamp()::text), 1, 16)`);

/**
 * Who follows what in the demo: each neighbour follows a few projects (often in another
 * neighbourhood), people and places, so every demo account opens a living feed in its language.
 */
const FOLLOWS: { who: string; projects?: string[]; people?: string[]; territories?: string[] }[] = [
  { who: 'marie-eve-tremblay', projects: ['Vélo-cargo solidaire de Villeray', 'Aide aux devoirs à Parc-Extension'], people: ['samir-haddad', 'louis-gagnon'], territories: ['villeray'] },
  { who: 'daniel-oconnor', projects: ['Frigo communautaire de la rue Fabre', 'Park Extension youth mural'], people: ['priya-natarajan', 'marie-eve-tremblay'], territories: ['parc-extension'] },
  { who: 'samir-haddad', projects: ['Park Extension youth mural', 'Ruelle verte Fabre–Chambord'], people: ['fatima-diallo', 'marie-eve-tremblay'] },
  { who: 'priya-natarajan', projects: ['Vélo-cargo solidaire de Villeray', 'Frigo communautaire de la rue Fabre'], people: ['fatima-diallo', 'daniel-oconnor'], territories: ['plateau-mont-royal'] },
  { who: 'louis-gagnon', projects: ['Ruelle verte Fabre–Chambord'], people: ['daniel-oconnor', 'sophie-lavoie'], territories: ['ahuntsic'] },
  { who: 'sophie-lavoie', projects: ['Frigo communautaire de la rue Fabre', 'Vélo-cargo solidaire de Villeray'], people: ['emily-chen'], territories: ['villeray'] },
  { who: 'emily-chen', projects: ['Aide aux devoirs à Parc-Extension', 'Ruelle verte Fabre–Chambord'], people: ['sophie-lavoie', 'priya-natarajan'], territories: ['villeray'] },
  { who: 'fatima-diallo', projects: ['Vélo-cargo solidaire de Villeray'], people: ['priya-natarajan', 'samir-haddad'] },
  { who: 'jean-francois-roy', projects: ['Aide aux devoirs à Parc-Extension'], people: ['marie-eve-tremblay'], territories: ['villeray'] },
];

/**
 * The demo's activity history, derived from what the other demo seeds created directly (they do not
 * go through the services that record activities): publications, updates, fulfilled pledges, needs
 * met and offers, each at the time it happened. Then the demo follow graph. Returns the activity count.
 */
export async function seedDemoSocial(deps: Pick<Deps, 'db'>): Promise<number> {
  const db = deps.db;
  await db.execute(sql`
    INSERT INTO activities (id, kind, actor_id, subject_type, subject_id, project_id, territory_id, organisation_id, data, created_at)
    SELECT ${ID}, 'project_published', p.promoter_id, 'project', p.id, p.id, p.territory_id, p.organisation_id, jsonb_build_object('projectTitle', p.title), p.published_at
    FROM projects p WHERE p.published_at IS NOT NULL AND p.status IN ('published', 'in_progress', 'completed')`);
  await db.execute(sql`
    INSERT INTO activities (id, kind, actor_id, subject_type, subject_id, project_id, territory_id, organisation_id, data, created_at)
    SELECT ${ID}, 'project_update', u.author_id, 'update', u.id, p.id, p.territory_id, p.organisation_id, jsonb_build_object('projectTitle', p.title, 'title', u.title), u.created_at
    FROM project_updates u JOIN projects p ON p.id = u.project_id`);
  await db.execute(sql`
    INSERT INTO activities (id, kind, actor_id, subject_type, subject_id, project_id, territory_id, organisation_id, data, created_at)
    SELECT ${ID}, 'pledge_fulfilled', CASE WHEN pl.show_name THEN pl.supporter_id END, 'pledge', pl.id, p.id, p.territory_id, COALESCE(pl.organisation_id, p.organisation_id),
      jsonb_build_object('projectTitle', p.title, 'needId', n.id, 'needTitle', n.title), pl.fulfilled_at
    FROM pledges pl JOIN projects p ON p.id = pl.project_id JOIN needs n ON n.id = pl.need_id
    WHERE pl.status = 'fulfilled' AND pl.fulfilled_at IS NOT NULL`);
  await db.execute(sql`
    INSERT INTO activities (id, kind, actor_id, subject_type, subject_id, project_id, territory_id, organisation_id, data, created_at)
    SELECT ${ID}, 'need_met', NULL, 'need', n.id, p.id, p.territory_id, p.organisation_id, jsonb_build_object('projectTitle', p.title, 'needId', n.id, 'needTitle', n.title), s.last_at
    FROM needs n JOIN projects p ON p.id = n.project_id
    JOIN (SELECT need_id, sum(quantity) AS held, max(updated_at) AS last_at FROM pledges WHERE status IN ('accepted', 'fulfilled') GROUP BY need_id) s ON s.need_id = n.id
    WHERE n.closed_at IS NULL AND s.held >= n.quantity`);
  await db.execute(sql`
    INSERT INTO activities (id, kind, actor_id, subject_type, subject_id, project_id, territory_id, organisation_id, data, created_at)
    SELECT ${ID}, 'offer_published', o.owner_id, 'offer', o.id, NULL, COALESCE(o.territory_ids[1], u.territory_id), o.organisation_id, jsonb_build_object('title', o.title), o.created_at
    FROM offers o JOIN users u ON u.id = o.owner_id WHERE o.status = 'active'`);
  for (const f of FOLLOWS) {
    const rows: { type: string; key: ReturnType<typeof sql> }[] = [
      ...(f.projects ?? []).map((title) => ({ type: 'project', key: sql`(SELECT id FROM projects WHERE title = ${title} LIMIT 1)` })),
      ...(f.people ?? []).map((handle) => ({ type: 'user', key: sql`(SELECT id FROM users WHERE handle = ${handle})` })),
      ...(f.territories ?? []).map((slug) => ({ type: 'territory', key: sql`(SELECT id FROM territories WHERE slug = ${slug})` })),
    ];
    for (const row of rows) {
      await db.execute(sql`
        INSERT INTO follows (follower_id, target_type, target_id)
        SELECT u.id, ${row.type}, t.id FROM users u, (SELECT ${row.key} AS id) t WHERE u.handle = ${f.who} AND t.id IS NOT NULL
        ON CONFLICT DO NOTHING`);
    }
  }
  // Organisations are followed by the people of their neighbourhood who are not their members.
  await db.execute(sql`
    INSERT INTO follows (follower_id, target_type, target_id)
    SELECT u.id, 'organisation', o.id FROM organisations o JOIN users u ON u.territory_id = o.territory_id
    WHERE u.handle IN ('marie-eve-tremblay', 'samir-haddad', 'priya-natarajan', 'louis-gagnon', 'daniel-oconnor', 'sophie-lavoie', 'emily-chen')
      AND NOT EXISTS (SELECT 1 FROM organisation_members m WHERE m.organisation_id = o.id AND m.user_id = u.id)
    ON CONFLICT DO NOTHING`);
  return db.$count(activities);
}
