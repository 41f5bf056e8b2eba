import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { users } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { territories } from '../territories/territories.tables.js';
import { projects, projectTeam, projectTransitions, type ProjectStatus } from './projects.tables.js';
import type { TeamRole } from './projects.policy.js';
import type { NewProject, ProjectDetailsRow, ProjectRow, TeamMemberRow } from './projects.types.js';

export const projectsRepository = {
  async insert(db: Db, row: NewProject): Promise<ProjectRow> {
    const [created] = await db.insert(projects).values(row).returning();
    return created!;
  },
  async findById(db: Db, id: string): Promise<ProjectRow | undefined> {
    const rows = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
    return rows[0];
  },
  /** Reads the row and locks it until the caller's transaction ends (status changes, image counts). */
  async lockById(db: Db, id: string): Promise<ProjectRow | undefined> {
    const rows = await db.select().from(projects).where(eq(projects.id, id)).for('update').limit(1);
    return rows[0];
  },
  async details(db: Db, id: string): Promise<ProjectDetailsRow | undefined> {
    const rows = await db
      .select({
        project: projects,
        territory: { id: territories.id, slug: territories.slug, nameFr: territories.nameFr, nameEn: territories.nameEn },
        caisseSlug: caisses.slug,
        caisseName: caisses.name,
        promoter: { handle: users.handle, displayName: users.displayName },
      })
      .from(projects)
      .innerJoin(territories, eq(territories.id, projects.territoryId))
      .innerJoin(users, eq(users.id, projects.promoterId))
      .leftJoin(caisses, eq(caisses.id, projects.caisseId))
      .where(eq(projects.id, id))
      .limit(1);
    const r = rows[0];
    if (!r) return undefined;
    return { ...r.project, territory: r.territory, promoter: r.promoter, caisse: r.caisseSlug && r.caisseName ? { slug: r.caisseSlug, name: r.caisseName } : null };
  },
  async update(db: Db, id: string, patch: Partial<NewProject>): Promise<ProjectRow | undefined> {
    const [row] = await db.update(projects).set({ updatedAt: new Date(), ...patch }).where(eq(projects.id, id)).returning();
    return row;
  },
  /** Moves the status only if it is still `from` (a concurrent move makes this return undefined). */
  async moveStatus(db: Db, id: string, from: ProjectStatus, to: ProjectStatus, publishedAt: Date | null): Promise<ProjectRow | undefined> {
    const patch: Partial<NewProject> = { status: to, updatedAt: new Date() };
    if (publishedAt) patch.publishedAt = publishedAt;
    const [row] = await db.update(projects).set(patch).where(and(eq(projects.id, id), eq(projects.status, from))).returning();
    return row;
  },
  async insertTransition(db: Db, row: { projectId: string; actorId: string | null; fromStatus: ProjectStatus; toStatus: ProjectStatus; note: string }): Promise<void> {
    await db.insert(projectTransitions).values({ id: newId(), ...row });
  },
  async transitions(db: Db, projectId: string) {
    return db.select().from(projectTransitions).where(eq(projectTransitions.projectId, projectId)).orderBy(asc(projectTransitions.createdAt));
  },
  async teamRole(db: Db, projectId: string, userId: string): Promise<TeamRole | null> {
    const rows = await db.select({ role: projectTeam.role }).from(projectTeam).where(and(eq(projectTeam.projectId, projectId), eq(projectTeam.userId, userId))).limit(1);
    return rows[0]?.role ?? null;
  },
  async team(db: Db, projectId: string): Promise<TeamMemberRow[]> {
    const rows = await db
      .select({ userId: projectTeam.userId, handle: users.handle, displayName: users.displayName, role: projectTeam.role, deletedAt: users.deletedAt })
      .from(projectTeam)
      .innerJoin(users, eq(users.id, projectTeam.userId))
      .where(eq(projectTeam.projectId, projectId))
      .orderBy(sql`${projectTeam.role} = 'promoter' DESC`, asc(projectTeam.createdAt));
    return rows.map(({ deletedAt, ...r }) => ({ ...r, deleted: deletedAt !== null }));
  },
  async addTeamMember(db: Db, projectId: string, userId: string, role: TeamRole): Promise<void> {
    await db.insert(projectTeam).values({ projectId, userId, role }).onConflictDoNothing();
  },
  async removeTeamMember(db: Db, projectId: string, userId: string): Promise<void> {
    await db.delete(projectTeam).where(and(eq(projectTeam.projectId, projectId), eq(projectTeam.userId, userId), eq(projectTeam.role, 'member')));
  },
};
