import { ZQueryBoolean } from '../../platform/validation.js';
import { SECURITY } from '../../platform/http/openapi.js';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import type { Deps } from '../../platform/deps.js';
import { ZListQuery } from '../../platform/pagination.js';
import * as notifications from './notifications.service.js';
import { ZNotificationList, ZUnread } from './notifications.presenter.js';
import { registerNotificationStream } from './notifications.stream.js';
import { notificationsPages } from './notifications.pages.js';

const tags = ['notifications'];

const ZNotificationListQuery = ZListQuery.extend({
  unread: ZQueryBoolean.transform((v) => v === true),
});
const ZReadBody = z.object({ ids: z.array(z.string().min(1).max(40)).max(100).optional() }).strict();

/** JSON API of the notification centre (list, mark read, live stream), then its pages. */
export const notificationsRoutes: Module = async (app, opts) => {
  const { deps, draining } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/notifications', {
    schema: { tags, security: SECURITY.signedIn, description: 'The caller’s notifications, newest first (keyset: `limit`, `cursor`; `unread=true` for unread ones only), each with its text in the caller’s language, and the unread count. Hidden by moderation: never listed nor counted.', querystring: ZNotificationListQuery, response: { 200: ZNotificationList } },
  }, async (request) => notifications.listNotifications(deps, request.ctx.actor, request.ctx.t, { limit: request.query.limit, cursor: request.query.cursor, unread: request.query.unread }));

  r.post('/api/v1/notifications/read', {
    schema: { tags, description: 'Marks the given notifications (`ids`, at most 100; other people’s are ignored) or, without `ids`, all of the caller’s notifications read. Returns the unread count.', body: ZReadBody.optional(), response: { 200: ZUnread } },
  }, async (request) => ({ unreadCount: await notifications.markNotificationsRead(deps, request.ctx.actor, request.body?.ids) }));

  registerNotificationStream(app, deps, draining);
  await app.register(notificationsPages, opts);
};

/**
 * Global preHandler (app.ts): a signed-in person's full-page GETs get both header badges from one
 * query; API calls, htmx fragments and assets skip it.
 */
export function headerBadges(deps: Pick<Deps, 'db'>) {
  return async (request: FastifyRequest): Promise<void> => {
    const actor = request.ctx?.actor;
    if (!actor || request.method !== 'GET' || request.isApi || request.headers['hx-request'] === 'true') return;
    if (request.url.startsWith('/assets/') || request.url.startsWith('/media/')) return;
    request.ctx.badges = await notifications.badgeCounts(deps, actor);
  };
}
