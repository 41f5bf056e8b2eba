import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { projects } from '../projects/projects.tables.js';
import { callApplicationFiles, callApplications, callQuestions, calls } from './calls.tables.js';

export type ApplicationFileRow = typeof callApplicationFiles.$inferSelect;

/** The private documents answering `file` questions (ADR 0024): one per application and question. */
export const applicationFilesRepository = {
  async forApplications(db: Db, applicationIds: readonly string[]): Promise<ApplicationFileRow[]> {
    if (applicationIds.length === 0) return [];
    return db.select().from(callApplicationFiles).where(inArray(callApplicationFiles.applicationId, [...applicationIds])).orderBy(asc(callApplicationFiles.createdAt));
  },
  async find(db: Db, applicationId: string, questionId: string): Promise<ApplicationFileRow | undefined> {
    const rows = await db.select().from(callApplicationFiles).where(and(eq(callApplicationFiles.applicationId, applicationId), eq(callApplicationFiles.questionId, questionId))).limit(1);
    return rows[0];
  },
  /**
   * Sets the file answering a question, in the caller's transaction: the previous row (if any) is
   * replaced and its media key returned, so the caller removes the old file once committed.
   */
  async replace(db: Db, row: typeof callApplicationFiles.$inferInsert): Promise<string | null> {
    const [old] = await db.delete(callApplicationFiles).where(and(eq(callApplicationFiles.applicationId, row.applicationId), eq(callApplicationFiles.questionId, row.questionId))).returning({ mediaKey: callApplicationFiles.mediaKey });
    await db.insert(callApplicationFiles).values(row);
    return old?.mediaKey ?? null;
  },

  /** Removes the file answering a question, in the caller's transaction; returns what was removed (its key, to delete once committed). */
  async remove(db: Db, applicationId: string, questionId: string): Promise<{ mediaKey: string } | undefined> {
    const [row] = await db.delete(callApplicationFiles).where(and(eq(callApplicationFiles.applicationId, applicationId), eq(callApplicationFiles.questionId, questionId))).returning({ mediaKey: callApplicationFiles.mediaKey });
    return row;
  },

  /**
   * Values the old text field left in `answers` for `file` questions (before ADR 0024), at most
   * `limit`: the application, the question, the value, who filed it, and whether a file row exists.
   */
  async legacyAnswers(db: Db, limit: number): Promise<{ applicationId: string; questionId: string; value: unknown; applicantId: string | null; hasFile: boolean }[]> {
    return db
      .select({
        applicationId: callApplications.id, questionId: callQuestions.id, value: sql<unknown>`${callApplications.answers} -> ${callQuestions.id}`, applicantId: callApplications.applicantId,
        hasFile: sql<boolean>`EXISTS (SELECT 1 FROM ${callApplicationFiles} WHERE ${callApplicationFiles.applicationId} = ${callApplications.id} AND ${callApplicationFiles.questionId} = ${callQuestions.id})`,
      })
      .from(callApplications)
      .innerJoin(callQuestions, and(eq(callQuestions.callId, callApplications.callId), eq(callQuestions.kind, 'file')))
      .where(sql`jsonb_exists(${callApplications.answers}, ${callQuestions.id})`)
      .orderBy(asc(callApplications.id), asc(callQuestions.id))
      .limit(limit);
  },
  /** Records a moved legacy file unless the question already has one; false when it had. */
  async insertIfNone(db: Db, row: typeof callApplicationFiles.$inferInsert): Promise<boolean> {
    const rows = await db.insert(callApplicationFiles).values(row).onConflictDoNothing().returning({ id: callApplicationFiles.id });
    return rows.length > 0;
  },
  /** Drops a question's value from an application's `answers`. */
  async dropAnswer(db: Db, applicationId: string, questionId: string): Promise<void> {
    await db.update(callApplications).set({ answers: sql`${callApplications.answers} - ${questionId}::text` }).where(eq(callApplications.id, applicationId));
  },

  /** Of these media keys, the ones a file answer still names. */
  async namedKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await db.select({ key: callApplicationFiles.mediaKey }).from(callApplicationFiles).where(inArray(callApplicationFiles.mediaKey, [...keys]));
    return new Set(rows.map((r) => r.key));
  },

  /** Law 25 export: the files this person uploaded, by name (the documents themselves stay with the applications). */
  async exportFor(db: Db, userId: string): Promise<Record<string, unknown>[]> {
    return db
      .select({ application_id: callApplicationFiles.applicationId, call: calls.title, project: projects.title, question: callQuestions.label, file_name: callApplicationFiles.fileName, mime: callApplicationFiles.mime, size_bytes: callApplicationFiles.sizeBytes, created_at: callApplicationFiles.createdAt })
      .from(callApplicationFiles)
      .innerJoin(callApplications, eq(callApplications.id, callApplicationFiles.applicationId))
      .innerJoin(calls, eq(calls.id, callApplications.callId))
      .innerJoin(projects, eq(projects.id, callApplications.projectId))
      .innerJoin(callQuestions, eq(callQuestions.id, callApplicationFiles.questionId))
      .where(eq(callApplicationFiles.uploadedBy, userId))
      .orderBy(asc(callApplicationFiles.createdAt));
  },
  /** Account deletion: the files stay with their applications (the caisse's record), no longer linked to the person. */
  async anonymise(db: Db, userId: string): Promise<number> {
    const rows = await db.update(callApplicationFiles).set({ uploadedBy: null }).where(eq(callApplicationFiles.uploadedBy, userId)).returning({ id: callApplicationFiles.id });
    return rows.length;
  },
};
