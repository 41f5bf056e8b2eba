import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import { reactions, type ReactionKind, type ReactionTarget } from './social.tables.js';
import { zeroCounts, type ReactionCounts } from './reactions.types.js';

export type { ReactionCounts } from './reactions.types.js';


const idList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

export const reactionsRepository = {
  /** One row per person, kind and target: a repeat changes nothing. True when the row is new. */
  async add(db: Db, r: { targetType: ReactionTarget; targetId: string; userId: string; kind: ReactionKind }): Promise<boolean> {
    const rows = await db.insert(reactions).values(r).onConflictDoNothing().returning({ kind: reactions.kind });
    return rows.length > 0;
  },
  async remove(db: Db, r: { targetType: ReactionTarget; targetId: string; userId: string; kind: ReactionKind }): Promise<void> {
    await db.execute(sql`DELETE FROM reactions WHERE target_type = ${r.targetType} AND target_id = ${r.targetId} AND user_id = ${r.userId} AND kind = ${r.kind}`);
  },
  /** Counts per kind for each target, computed (never stored, so they cannot drift). */
  async counts(db: Db, targetType: ReactionTarget, targetIds: string[]): Promise<Map<string, ReactionCounts>> {
    const out = new Map<string, ReactionCounts>(targetIds.map((id) => [id, zeroCounts()]));
    if (targetIds.length === 0) return out;
    const rows = await execRows<{ id: string; kind: ReactionKind; n: number }>(db, sql`SELECT target_id AS id, kind, count(*)::int AS n FROM reactions
      WHERE target_type = ${targetType} AND target_id IN (${idList(targetIds)}) GROUP BY target_id, kind`);
    for (const r of rows) out.get(r.id)![r.kind] = Number(r.n);
    return out;
  },
  /** The kinds this person gave each target. */
  async mine(db: Db, userId: string, targetType: ReactionTarget, targetIds: string[]): Promise<Map<string, ReactionKind[]>> {
    const out = new Map<string, ReactionKind[]>();
    if (targetIds.length === 0) return out;
    const rows = await execRows<{ id: string; kind: ReactionKind }>(db, sql`SELECT target_id AS id, kind FROM reactions
      WHERE user_id = ${userId} AND target_type = ${targetType} AND target_id IN (${idList(targetIds)})`);
    for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.kind]);
    return out;
  },
};
