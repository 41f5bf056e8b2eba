import { and, eq, sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { activities, type ActivityKind, type SubjectType } from './social.tables.js';

export type NewActivity = {
  kind: ActivityKind;
  actorId: string | null;
  subjectType: SubjectType;
  subjectId: string;
  projectId?: string | null;
  territoryId?: string | null;
  organisationId?: string | null;
  /** Ids and short labels only (titles); views translate `kind`. */
  data?: Record<string, string | number | null>;
};

export const activitiesRepository = {
  /** Call inside the transaction of the event, so the activity commits (or not) with it. */
  async record(db: Db, a: NewActivity): Promise<string> {
    const id = newId();
    await db.insert(activities).values({ id, kind: a.kind, actorId: a.actorId, subjectType: a.subjectType, subjectId: a.subjectId, projectId: a.projectId ?? null, territoryId: a.territoryId ?? null, organisationId: a.organisationId ?? null, data: a.data ?? {} });
    return id;
  },
  /** Records the activity unless one of this kind already exists for the subject (a need is met once). */
  async recordOnce(db: Db, a: NewActivity): Promise<string | null> {
    const [existing] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.subjectType, a.subjectType), eq(activities.subjectId, a.subjectId), eq(activities.kind, a.kind))).limit(1);
    return existing ? null : this.record(db, a);
  },
  async userTerritory(db: Db, userId: string): Promise<string | null> {
    const [row] = await execRows<{ territory_id: string | null }>(db, sql`SELECT territory_id FROM users WHERE id = ${userId}`);
    return row?.territory_id ?? null;
  },
  /** Where a project lives and who it belongs to: the keys its activities are filed under. */
  async projectKeys(db: Db, projectId: string): Promise<{ territoryId: string; organisationId: string | null; title: string } | undefined> {
    const [row] = await execRows<{ territory_id: string; organisation_id: string | null; title: string }>(db, sql`SELECT territory_id, organisation_id, title FROM projects WHERE id = ${projectId}`);
    return row ? { territoryId: row.territory_id, organisationId: row.organisation_id, title: row.title } : undefined;
  },
};
