import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { T } from '../../platform/i18n/i18n.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { notificationsRepository } from './notifications.repository.js';
import { presentNotification, safeUrl, type NotificationView } from './notifications.presenter.js';

export type NotificationPage = { items: NotificationView[]; nextCursor: string | null; unreadCount: number };
export type ListInput = { limit: number; cursor?: string | undefined; unread?: boolean | undefined };

function reader(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** The caller's own notifications (never anyone else's, never hidden ones), newest first, with their unread count. */
export async function listNotifications(deps: Pick<Deps, 'db'>, actor: Actor | null, t: T, input: ListInput): Promise<NotificationPage> {
  const me = reader(actor);
  const rows = await notificationsRepository.listForUser(deps.db, me.id, input.limit, decodeCursor(input.cursor), { unreadOnly: input.unread === true });
  const result = page(rows, input.limit, (r) => ({ at: r.cursorAt, id: r.id }));
  return { items: result.items.map((r) => presentNotification(r, t)), nextCursor: result.nextCursor, unreadCount: await notificationsRepository.unreadCount(deps.db, me.id) };
}

/** Marks some (`ids`) or all of the caller's notifications read; other people's ids are ignored. Returns the unread count. */
export async function markNotificationsRead(deps: Pick<Deps, 'db'>, actor: Actor | null, ids?: string[]): Promise<number> {
  const me = reader(actor);
  await deps.db.transaction(async (tx) => {
    await notificationsRepository.markRead(tx, me.id, ids);
    // The person's other tabs and devices update their badge.
    await notificationsRepository.signal(tx, me.id);
  });
  return notificationsRepository.unreadCount(deps.db, me.id);
}

/** Opening a notification marks it read and gives the same-site path it is about. */
export async function openNotification(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string): Promise<string> {
  const me = reader(actor);
  const row = await notificationsRepository.findForUser(deps.db, me.id, id);
  if (!row) throw new AppError('NOTIFICATION_NOT_FOUND');
  if (!row.readAt) await markNotificationsRead(deps, me, [row.id]);
  return safeUrl(row.url);
}

export async function badgeCounts(deps: Pick<Deps, 'db'>, actor: Actor): Promise<{ notifications: number; messages: number }> {
  return notificationsRepository.badgeCounts(deps.db, actor.id);
}

const MESSAGE_KIND = 'message.new';

/**
 * A new message for the other participant, in the message's transaction. Coalesced: while they have
 * an unread `message.new` about this conversation, its count goes up instead of a new row.
 */
export async function notifyNewMessage(tx: Db, m: { recipientId: string; conversationId: string; author: { id: string; handle: string; displayName: string } }): Promise<void> {
  await notificationsRepository.insertOrBump(tx, {
    userId: m.recipientId,
    kind: MESSAGE_KIND,
    // actorId stays server-side (not in DATA_KEYS): account deletion finds the name by it.
    data: { conversationId: m.conversationId, actorId: m.author.id, actorHandle: m.author.handle, actorName: m.author.displayName },
    url: `/messages/${m.conversationId}`,
    subjectType: 'conversation',
    subjectId: m.conversationId,
  });
}

/** Reading a conversation marks its message notification read (and updates the reader's badges). */
export async function conversationRead(db: Db, userId: string, conversationId: string): Promise<void> {
  await notificationsRepository.markSubjectRead(db, userId, MESSAGE_KIND, 'conversation', conversationId);
  await notificationsRepository.signal(db, userId);
}
