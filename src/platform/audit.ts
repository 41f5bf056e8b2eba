import type { Db } from '../db/client.js';
import { newId } from '../db/ids.js';
import { auditLog } from './platform.tables.js';

export async function audit(db: Db, entry: { actorId: string | null; action: string; subjectType: string; subjectId: string; data?: Record<string, unknown> }): Promise<void> {
  await db.insert(auditLog).values({ id: newId(), ...entry, data: entry.data ?? {} });
}
