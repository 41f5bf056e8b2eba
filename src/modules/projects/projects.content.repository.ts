import { and, asc, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { users } from '../auth/auth.tables.js';
import { projectImages, projectUpdates } from './projects.tables.js';
import type { Cursor } from '../../platform/pagination.js';
import type { ProjectImageRow, ProjectUpdateRow } from './projects.types.js';


/** A project's images and its news posts ("updates"). */
export const projectContentRepository = {
  async images(db: Db, projectId: string): Promise<ProjectImageRow[]> {
    return db.select().from(projectImages).where(eq(projectImages.projectId, projectId)).orderBy(asc(projectImages.position), asc(projectImages.createdAt));
  },
  async findImage(db: Db, projectId: string, imageId: string): Promise<ProjectImageRow | undefined> {
    const rows = await db.select().from(projectImages).where(and(eq(projectImages.projectId, projectId), eq(projectImages.id, imageId))).limit(1);
    return rows[0];
  },
  async countImages(db: Db, projectId: string): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(projectImages).where(eq(projectImages.projectId, projectId));
    return rows[0]?.n ?? 0;
  },
  async insertImage(db: Db, row: Omit<typeof projectImages.$inferInsert, 'id'>): Promise<ProjectImageRow> {
    const [created] = await db.insert(projectImages).values({ id: newId(), ...row }).returning();
    return created!;
  },
  async updateImage(db: Db, imageId: string, patch: { alt?: string; position?: number }): Promise<void> {
    await db.update(projectImages).set(patch).where(eq(projectImages.id, imageId));
  },
  async deleteImage(db: Db, imageId: string): Promise<void> {
    await db.delete(projectImages).where(eq(projectImages.id, imageId));
  },
  /** A project's updates, newest first; those hidden by moderation only with `includeHidden` (team, moderators). */
  async updates(db: Db, projectId: string, limit: number, cursor?: Cursor, includeHidden = false): Promise<ProjectUpdateRow[]> {
    const after = cursor ? or(lt(projectUpdates.createdAt, new Date(cursor.at)), and(eq(projectUpdates.createdAt, new Date(cursor.at)), lt(projectUpdates.id, cursor.id))) : undefined;
    const rows = await db
      .select({ update: projectUpdates, authorHandle: users.handle, authorName: users.displayName })
      .from(projectUpdates)
      .leftJoin(users, eq(users.id, projectUpdates.authorId))
      .where(and(eq(projectUpdates.projectId, projectId), after, includeHidden ? undefined : isNull(projectUpdates.hiddenAt)))
      .orderBy(desc(projectUpdates.createdAt), desc(projectUpdates.id))
      .limit(limit + 1);
    return rows.map((r) => ({ ...r.update, authorHandle: r.authorHandle, authorName: r.authorName }));
  },
  async insertUpdate(db: Db, row: { projectId: string; authorId: string; title: string; body: string; createdAt?: Date }): Promise<ProjectUpdateRow> {
    // A JavaScript date (milliseconds) keeps keyset cursors exact.
    const [created] = await db.insert(projectUpdates).values({ id: newId(), createdAt: new Date(), ...row }).returning();
    return { ...created!, authorHandle: null, authorName: null };
  },
};
