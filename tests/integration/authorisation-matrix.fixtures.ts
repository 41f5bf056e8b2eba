/**
 * The world the authorisation matrix runs in: a territory "here" served by caisse A, a territory
 * "elsewhere" served by caisse B only, one signed-in session per kind of actor, and factories for
 * the fresh targets a state-changing row needs (one per request, so no row depends on another).
 */
import { eq } from 'drizzle-orm';
import type { TestContext } from '../helpers/test-app.js';
import { createCaisse, createNeed, createOrganisation, createProject, createTerritory, createUser, signIn, uid, visitor } from '../helpers/factories.js';
import { organisationMembers } from '../../src/modules/organisations/organisations.tables.js';
import { charters } from '../../src/modules/organisations/partners.tables.js';
import { roleGrants } from '../../src/modules/auth/auth.tables.js';
import { rolesRepository } from '../../src/modules/admin/roles.repository.js';
import type { ProjectStatus } from '../../src/modules/projects/projects.domain.js';

/** Every kind of actor the matrix asks about. Add a kind here and to `WHO` in the test file together. */
export const ACTORS = ['anonymous', 'citizen', 'staffHere', 'staffElsewhere', 'moderatorHere', 'moderatorElsewhere', 'platformAdmin', 'orgMember', 'orgRepresentative', 'orgOwner'] as const;
export type Who = (typeof ACTORS)[number];
export type Session = { cookie: string; csrf: string };
type Ref = { id: string; slug: string };

export type World = {
  ctx: TestContext;
  here: Ref;
  elsewhere: Ref;
  caisseHere: Ref;
  caisseElsewhere: Ref;
  promoterId: string;
  sessions: Record<Who, Session>;
  userIds: Record<Exclude<Who, 'anonymous'>, string>;
  /** A project in territory "here" (fresh each call). */
  project(status: ProjectStatus, title?: string): Promise<{ id: string; title: string }>;
  /** A fresh account's e-mail (for grant rows). */
  person(): Promise<string>;
  /** A role grant on a throwaway account (for revocation rows). */
  grant(): Promise<string>;
  /** A curated board of caisse A for territory "here", made by its staff (fresh each call). */
  curatedBoard(): Promise<string>;
  /**
   * An organisation (fresh each call) whose owner, representative and member are the org* actors;
   * `partner`: it signed caisse A's charter (active partnership), else caisse A's v1 charter is unsigned.
   */
  organisation(o?: { partner?: boolean }): Promise<{ id: string; slug: string }>;
  /** A fresh account's handle (for member rows). */
  handle(): Promise<string>;
};

const api = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

export async function buildWorld(ctx: TestContext): Promise<World> {
  const here = await createTerritory(ctx, { state: 'pilot' });
  const elsewhere = await createTerritory(ctx, { state: 'pilot' });
  const caisseHere = await createCaisse(ctx, { territoryIds: [here.id] });
  const caisseElsewhere = await createCaisse(ctx, { territoryIds: [elsewhere.id] });
  const users = {
    citizen: await createUser(ctx, { territoryId: here.id }),
    staffHere: await createUser(ctx, { role: { role: 'staff', caisseId: caisseHere.id } }),
    staffElsewhere: await createUser(ctx, { role: { role: 'staff', caisseId: caisseElsewhere.id } }),
    moderatorHere: await createUser(ctx, { role: { role: 'moderator', caisseId: caisseHere.id } }),
    moderatorElsewhere: await createUser(ctx, { role: { role: 'moderator', caisseId: caisseElsewhere.id } }),
    platformAdmin: await createUser(ctx, { role: { role: 'admin' } }),
    orgMember: await createUser(ctx, { territoryId: here.id }),
    orgRepresentative: await createUser(ctx, { territoryId: here.id }),
    orgOwner: await createUser(ctx, { territoryId: here.id }),
  };
  await ctx.database.db.insert(charters).values({ caisseId: caisseHere.id, version: 1, textFr: 'Charte.', textEn: 'Charter.' });
  const promoter = await createUser(ctx, { territoryId: here.id });
  const sessions = { anonymous: await visitor(ctx) } as Record<Who, Session>;
  for (const [name, u] of Object.entries(users)) sessions[name as Who] = await signIn(ctx, u.email);

  return {
    ctx, here, elsewhere, caisseHere, caisseElsewhere, promoterId: promoter.id, sessions,
    userIds: Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.id])) as World['userIds'],
    async project(status, title = `Projet ${uid()}`) {
      const p = await createProject(ctx, { promoterId: promoter.id, territoryId: here.id, status, title });
      return { id: p.id, title };
    },
    async person() {
      return (await createUser(ctx)).email;
    },
    async grant() {
      const someone = await createUser(ctx);
      await rolesRepository.grant(ctx.database.db, { userId: someone.id, role: 'staff', caisseId: caisseHere.id, grantedBy: null });
      const [row] = await ctx.database.db.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.userId, someone.id));
      return row!.id;
    },
    async curatedBoard() {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/boards', headers: api(sessions.staffHere), payload: { title: `Sélection ${uid()}`, curated: true, territory: here.slug } });
      if (res.statusCode !== 201) throw new Error(`curated board: ${res.statusCode} ${res.body}`);
      return res.json<{ id: string }>().id;
    },
    async organisation(o = {}) {
      const org = await createOrganisation(ctx, { representativeId: users.orgRepresentative.id, name: `Matrice ${uid()}`, kind: 'cooperative', ...(o.partner ? { partnerOf: [caisseHere.id] } : {}) });
      await ctx.database.db.insert(organisationMembers).values([{ organisationId: org.id, userId: users.orgOwner.id, role: 'owner' }, { organisationId: org.id, userId: users.orgMember.id, role: 'member' }]);
      return { id: org.id, slug: org.slug };
    },
    async handle() {
      return (await createUser(ctx)).handle;
    },
  };
}

/** A report by the citizen on a published project here, a submitted project, and a proposed pledge (by a supporter outside the matrix) with a private message. */
export async function staffOnlyData(w: World): Promise<{ reportedProjectId: string; submittedTitle: string; pledgedProjectId: string; pledgeId: string; pledgeMessage: string }> {
  const reported = await w.project('published');
  const report = await w.ctx.app.inject({ method: 'POST', url: '/api/v1/reports', headers: api(w.sessions.citizen), payload: { targetType: 'project', targetId: reported.id, reason: 'spam', details: 'Signalement de la matrice' } });
  if (report.statusCode !== 201) throw new Error(`report: ${report.statusCode} ${report.body}`);
  const submitted = await w.project('submitted', `En attente ${uid()}`);
  const pledged = await w.project('published');
  const need = await createNeed(w.ctx, { projectId: pledged.id, kind: 'volunteering', quantity: 10 });
  const pledgeMessage = `Message privé ${uid()}`;
  const startDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const supporter = await signIn(w.ctx, (await createUser(w.ctx, { territoryId: w.here.id })).email);
  const pledge = await w.ctx.app.inject({ method: 'POST', url: `/api/v1/needs/${need.id}/pledges`, headers: api(supporter), payload: { quantity: 2, startDate, message: pledgeMessage } });
  if (pledge.statusCode !== 201) throw new Error(`pledge: ${pledge.statusCode} ${pledge.body}`);
  return { reportedProjectId: reported.id, submittedTitle: submitted.title, pledgedProjectId: pledged.id, pledgeId: pledge.json<{ id: string }>().id, pledgeMessage };
}
