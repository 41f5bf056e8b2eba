import type { Db } from '../../db/client.js';
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
};
