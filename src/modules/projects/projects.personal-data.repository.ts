import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/**
 * The projects a person is on the team of and the updates they wrote (ADR 0010). On deletion they
 * leave every team except as promoter: a project they lead stays, under the anonymised name.
 */
export const projectsPersonalDataRepository = {
  export: async (db: Db, userId: string): Promise<Record<string, Row[]>> => {
    return {
      projects: await execRows<Row>(db, sql`SELECT p.id, p.title, p.summary, p.description, p.status, p.category, pt.role, p.created_at, p.published_at FROM project_team pt JOIN projects p ON p.id = pt.project_id WHERE pt.user_id = ${userId} ORDER BY p.created_at`),
      projectUpdates: await execRows<Row>(db, sql`SELECT id, project_id, title, body, created_at FROM project_updates WHERE author_id = ${userId} ORDER BY created_at`),
    };
  },

  anonymise: async (tx: Db, userId: string): Promise<void> => {
    await tx.execute(sql`DELETE FROM project_team WHERE user_id = ${userId} AND role <> 'promoter'`);
  },
};
