import { z } from 'zod';
import type { T } from '../../platform/i18n/i18n.js';

/** The only `data` keys a client ever sees: ids, short labels and counts (anything else stays server-side). */
export const DATA_KEYS = ['pledgeId', 'projectId', 'projectTitle', 'needTitle', 'conversationId', 'commentId', 'updateId', 'boardId', 'actorHandle', 'actorName', 'subjectTitle', 'reason', 'count'] as const;

const ZData = z.partialRecord(z.enum(DATA_KEYS), z.union([z.string(), z.number()]));

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  /** Rendered in the caller's language. */
  text: z.string(),
  /** A same-site path to what the notification is about. */
  url: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  data: ZData,
});
export type NotificationView = z.output<typeof ZNotification>;
export const ZNotificationList = z.object({ items: z.array(ZNotification), nextCursor: z.string().nullable(), unreadCount: z.number().int() });
export const ZUnread = z.object({ unreadCount: z.number().int() });

/** The i18n key of a kind: `pledge.<event>` → `pledges.notification.<event>`, else `notifications.kind.<family>.<event>`. */
export function textKey(kind: string): string {
  const dot = kind.indexOf('.');
  if (dot <= 0 || !/^[a-z_]+\.[a-z_]+$/.test(kind)) return 'notifications.kind.fallback';
  const family = kind.slice(0, dot);
  const event = kind.slice(dot + 1);
  return family === 'pledge' ? `pledges.notification.${event}` : `notifications.kind.${family}.${event}`;
}

/**
 * The notification's sentence in the reader's language; unknown kinds get a generic sentence. Once
 * the person who acted deleted their account (`actorDeleted`), their name is never shown.
 */
export function notificationText(t: T, kind: string, data: Record<string, unknown>): string {
  const key = textKey(kind);
  const params: Record<string, unknown> = { actorName: t('notifications.someone'), subjectTitle: '', reason: '', ...data };
  if (data.actorDeleted) params.actorName = t('notifications.deletedAccount');
  params.count = typeof data.count === 'number' ? data.count : 1;
  const text = t(key, params);
  return text === key || text === '' ? t('notifications.kind.fallback') : text;
}

/** Only same-site paths; anything else sends the reader to the notification centre. */
export function safeUrl(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/notifications';
}

function whitelist(data: Record<string, unknown>): NotificationView['data'] {
  const out: Record<string, string | number> = {};
  const gone = Boolean(data.actorDeleted);
  for (const key of DATA_KEYS) {
    if (gone && (key === 'actorName' || key === 'actorHandle')) continue;
    const v = data[key];
    if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  }
  return out;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The columns a notification row brings (a repository row, or the stream's). */
export type NotificationRowLike = { id: string; kind: string; data: Record<string, string | number | null> | null; url: string; createdAt: Date | string; readAt: Date | string | null };

export function presentNotification(row: NotificationRowLike, t: T): NotificationView {
  const data = (row.data ?? {}) as Record<string, unknown>;
  return {
    id: row.id,
    kind: row.kind,
    text: notificationText(t, row.kind, data),
    url: safeUrl(row.url),
    createdAt: iso(row.createdAt)!,
    readAt: iso(row.readAt),
    data: whitelist(data),
  };
}
