import { and, count, eq, gt, isNull, like, max, or, sql } from 'drizzle-orm';
import { newId } from '../db/ids.js';
import type { Deps } from '../platform/deps.js';
import { notifications } from '../modules/notifications/notifications.tables.js';
import { pledges as pledgesTable } from '../modules/pledges/pledges.tables.js';
import { needs } from '../modules/needs/needs.tables.js';
import { projects, projectTeam } from '../modules/projects/projects.tables.js';
import { conversationParticipants, messages } from '../modules/messages/messages.tables.js';
import { users } from '../modules/auth/auth.tables.js';

type PledgeRow = { id: string; status: string; supporterId: string | null; projectId: string; projectTitle: string; needTitle: string; createdAt: Date; updatedAt: Date };
type Row = typeof notifications.$inferInsert;

const READ_AFTER_MS = 3 * 86_400_000;

/**
 * The notification centre of the demo: what the demo's pledges and conversations would have
 * notified (texts are translated when read, so the rows are the same in both languages). Older
 * than three days: already read. Runs after the demo pledges and conversations; a notification
 * that already exists (same person, kind and pledge or conversation) is not added again.
 */
export async function seedDemoNotifications(deps: Pick<Deps, 'db'>): Promise<void> {
  await deps.db.transaction(async (tx) => {
    // What earlier steps (pledges made through the services) or an earlier run already notified is not repeated.
    const told = new Set((await tx
      .select({ userId: notifications.userId, kind: notifications.kind, about: sql<string | null>`coalesce(${notifications.data}->>'pledgeId', ${notifications.subjectId})` })
      .from(notifications).where(or(like(notifications.kind, 'pledge.%'), eq(notifications.kind, 'message.new')))).map((n) => `${n.userId} ${n.kind} ${n.about}`));
    const pledges: PledgeRow[] = await tx
      .select({ id: pledgesTable.id, status: pledgesTable.status, supporterId: pledgesTable.supporterId, projectId: pledgesTable.projectId, projectTitle: projects.title, needTitle: needs.title, createdAt: pledgesTable.createdAt, updatedAt: pledgesTable.updatedAt })
      .from(pledgesTable).innerJoin(needs, eq(needs.id, pledgesTable.needId)).innerJoin(projects, eq(projects.id, pledgesTable.projectId));
    const teams = new Map<string, string[]>();
    for (const m of await tx.select({ projectId: projectTeam.projectId, userId: projectTeam.userId }).from(projectTeam)) teams.set(m.projectId, [...(teams.get(m.projectId) ?? []), m.userId]);
    const rows: Row[] = [];
    const now = Date.now();
    const add = (userIds: (string | null)[], kind: string, at: Date, p: PledgeRow) => {
      for (const userId of new Set(userIds.filter((u): u is string => u !== null))) {
        if (told.has(`${userId} pledge.${kind} ${p.id}`)) continue;
        const createdAt = new Date(at);
        rows.push({
          id: newId(), userId, kind: `pledge.${kind}`, url: `/engagements/${p.id}`, createdAt, readAt: now - createdAt.getTime() > READ_AFTER_MS ? new Date(createdAt.getTime() + 3_600_000) : null,
          data: { pledgeId: p.id, projectId: p.projectId, projectTitle: p.projectTitle, needTitle: p.needTitle },
        });
      }
    };
    for (const p of pledges) {
      const team = teams.get(p.projectId) ?? [];
      add(team, 'proposed', p.createdAt, p);
      const decided = new Date(p.updatedAt);
      if (p.status === 'accepted' || p.status === 'fulfilled') add([p.supporterId], 'accepted', decided, p);
      if (p.status === 'declined') add([p.supporterId], 'declined', decided, p);
      if (p.status === 'withdrawn') add(team, 'withdrawn', decided, p);
      if (p.status === 'lapsed') add([p.supporterId, ...team], 'lapsed', decided, p);
      if (p.status === 'fulfilled') add([p.supporterId], 'thanks', decided, p);
    }
    // Conversations with messages a participant has not read yet.
    const cp = conversationParticipants;
    const unread = await tx
      .select({ conversationId: cp.conversationId, userId: cp.userId, authorHandle: users.handle, authorName: users.displayName, unread: count(), lastAt: max(messages.createdAt) })
      .from(cp)
      .innerJoin(messages, and(eq(messages.conversationId, cp.conversationId), sql`${messages.authorId} IS DISTINCT FROM ${cp.userId}`, or(isNull(cp.lastReadAt), gt(messages.createdAt, cp.lastReadAt))))
      .innerJoin(users, eq(users.id, messages.authorId))
      .groupBy(cp.conversationId, cp.userId, users.handle, users.displayName);
    for (const u of unread) {
      if (told.has(`${u.userId} message.new ${u.conversationId}`)) continue;
      rows.push({
        id: newId(), userId: u.userId, kind: 'message.new', url: `/messages/${u.conversationId}`, subjectType: 'conversation', subjectId: u.conversationId, createdAt: new Date(u.lastAt!), readAt: null,
        data: { conversationId: u.conversationId, actorHandle: u.authorHandle, actorName: u.authorName, count: u.unread },
      });
    }
    for (let i = 0; i < rows.length; i += 200) await tx.insert(notifications).values(rows.slice(i, i + 200));
  });
}
