import { sql } from 'drizzle-orm';
import { execRows } from '../db/client.js';
import { newId } from '../db/ids.js';
import type { Deps } from '../platform/deps.js';
import { notifications } from '../modules/notifications/notifications.tables.js';

type PledgeRow = { id: string; status: string; supporter_id: string | null; project_id: string; project_title: string; need_title: string; created_at: Date; updated_at: Date; team: string[] };
type UnreadRow = { conversation_id: string; user_id: string; author_handle: string; author_name: string; unread: number; last_at: Date };
type Row = typeof notifications.$inferInsert;

const READ_AFTER_MS = 3 * 86_400_000;

/**
 * The notification centre of the demo: what the demo's pledges and conversations would have
 * notified (texts are translated when read, so the rows are the same in both languages). Older
 * than three days: already read. Runs once, after the demo pledges and conversations.
 */
export async function seedDemoNotifications(deps: Pick<Deps, 'db'>): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const existing = await execRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM notifications WHERE kind LIKE 'pledge.%' OR kind = 'message.new'`);
    if ((existing[0]?.n ?? 0) > 0) return;
    const pledges = await execRows<PledgeRow>(tx, sql`
      SELECT pl.id, pl.status, pl.supporter_id, pl.project_id, p.title AS project_title, n.title AS need_title, pl.created_at, pl.updated_at,
        ARRAY(SELECT pt.user_id FROM project_team pt WHERE pt.project_id = pl.project_id) AS team
      FROM pledges pl JOIN needs n ON n.id = pl.need_id JOIN projects p ON p.id = pl.project_id`);
    const rows: Row[] = [];
    const now = Date.now();
    const add = (userIds: (string | null)[], kind: string, at: Date, p: PledgeRow) => {
      for (const userId of new Set(userIds.filter((u): u is string => u !== null))) {
        const createdAt = new Date(at);
        rows.push({
          id: newId(), userId, kind: `pledge.${kind}`, url: `/engagements/${p.id}`, createdAt, readAt: now - createdAt.getTime() > READ_AFTER_MS ? new Date(createdAt.getTime() + 3_600_000) : null,
          data: { pledgeId: p.id, projectId: p.project_id, projectTitle: p.project_title, needTitle: p.need_title },
        });
      }
    };
    for (const p of pledges) {
      add(p.team, 'proposed', p.created_at, p);
      const decided = new Date(p.updated_at);
      if (p.status === 'accepted' || p.status === 'fulfilled') add([p.supporter_id], 'accepted', decided, p);
      if (p.status === 'declined') add([p.supporter_id], 'declined', decided, p);
      if (p.status === 'withdrawn') add(p.team, 'withdrawn', decided, p);
      if (p.status === 'lapsed') add([p.supporter_id, ...p.team], 'lapsed', decided, p);
      if (p.status === 'fulfilled') add([p.supporter_id], 'thanks', decided, p);
    }
    // Conversations with messages a participant has not read yet.
    const unread = await execRows<UnreadRow>(tx, sql`
      SELECT cp.conversation_id, cp.user_id, a.handle AS author_handle, a.display_name AS author_name, count(*)::int AS unread, max(m.created_at) AS last_at
      FROM conversation_participants cp
      JOIN messages m ON m.conversation_id = cp.conversation_id AND m.author_id IS DISTINCT FROM cp.user_id AND (cp.last_read_at IS NULL OR m.created_at > cp.last_read_at)
      JOIN users a ON a.id = m.author_id
      GROUP BY cp.conversation_id, cp.user_id, a.handle, a.display_name`);
    for (const u of unread) {
      rows.push({
        id: newId(), userId: u.user_id, kind: 'message.new', url: `/messages/${u.conversation_id}`, subjectType: 'conversation', subjectId: u.conversation_id, createdAt: new Date(u.last_at), readAt: null,
        data: { conversationId: u.conversation_id, actorHandle: u.author_handle, actorName: u.author_name, count: u.unread },
      });
    }
    for (let i = 0; i < rows.length; i += 200) await tx.insert(notifications).values(rows.slice(i, i + 200));
  });
}
