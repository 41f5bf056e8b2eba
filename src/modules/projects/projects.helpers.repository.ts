import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../auth/auth.tables.js';
import { notifications } from '../notifications/notifications.tables.js';
import { reactions } from '../social/social.tables.js';
import { projects, projectTeam } from './projects.tables.js';

/** The notification kind of "someone wants to help": `notifications.kind.project.want_to_help`. */
export const WANTS_TO_HELP_KIND = 'project.want_to_help';

/** How many people the team sees on the project page (newest first); the count stays exact. */
export const HELPERS_SHOWN = 50;

const wantsToHelp = (projectId: string) => and(eq(reactions.targetType, 'project'), eq(reactions.targetId, projectId), eq(reactions.kind, 'want_to_help'));

export const projectHelpersRepository = {
  async project(db: Db, projectId: string): Promise<{ id: string; title: string } | undefined> {
    const rows = await db.select({ id: projects.id, title: projects.title }).from(projects).where(eq(projects.id, projectId)).limit(1);
    return rows[0];
  },
  /** The team, without this person (nobody is told about their own gesture). */
  async teamIdsBut(db: Db, projectId: string, userId: string): Promise<string[]> {
    const rows = await db.select({ userId: projectTeam.userId }).from(projectTeam).where(and(eq(projectTeam.projectId, projectId), ne(projectTeam.userId, userId))).orderBy(asc(projectTeam.createdAt));
    return rows.map((r) => r.userId);
  },
  /** Whether this team member was already told that this person wants to help (a toggle off and on tells nobody twice). */
  async alreadyTold(db: Db, recipientId: string, projectId: string, helperId: string): Promise<boolean> {
    const rows = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, recipientId), eq(notifications.kind, WANTS_TO_HELP_KIND), eq(notifications.subjectId, projectId), sql`${notifications.data}->>'helperId' = ${helperId}`))
      .limit(1);
    return rows.length > 0;
  },
  /** People who pressed "I want to help", newest first; deleted accounts are left out. */
  async list(db: Db, projectId: string, limit: number) {
    return db
      .select({ id: users.id, handle: users.handle, displayName: users.displayName, since: reactions.createdAt })
      .from(reactions)
      .innerJoin(users, eq(users.id, reactions.userId))
      .where(and(wantsToHelp(projectId), isNull(users.deletedAt)))
      .orderBy(desc(reactions.createdAt), asc(users.id))
      .limit(limit);
  },
  async count(db: Db, projectId: string): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(reactions).innerJoin(users, eq(users.id, reactions.userId)).where(and(wantsToHelp(projectId), isNull(users.deletedAt)));
    return Number(rows[0]?.n ?? 0);
  },
};
