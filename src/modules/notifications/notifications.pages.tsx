import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { requireActor } from '../../platform/http/guards.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import * as notifications from './notifications.service.js';
import { NotificationsPage } from './notifications.views.js';

const PAGE = 30;
const ZIdParams = z.object({ id: z.string().min(1).max(40) });
const cursorOf = (request: FastifyRequest) => {
  const c = (request.query as Record<string, unknown>).cursor;
  return typeof c === 'string' && c.length <= 200 ? c : undefined;
};

/** Pages of the notification centre: the list, "mark all as read", and opening one notification. */
export const notificationsPages: Module = async (app, { deps }) => {
  app.get('/notifications', async (request, reply) => {
    const me = requireActor(request);
    const query = request.query as Record<string, unknown>;
    const unreadOnly = query.filtre === 'non-lues';
    const list = (cursor: string | undefined) => notifications.listNotifications(deps, me, request.ctx.t, { limit: PAGE, cursor, unread: unreadOnly });
    let result;
    try {
      result = await list(cursorOf(request));
    } catch (err) {
      // A stale or hand-edited cursor starts over instead of failing.
      if (!(err instanceof AppError && err.code === 'VALIDATION_FAILED')) throw err;
      result = await list(undefined);
    }
    const base = unreadOnly ? '/notifications?filtre=non-lues&' : '/notifications?';
    const data = {
      items: result.items,
      unreadCount: result.unreadCount,
      unreadOnly,
      nextHref: result.nextCursor ? `${base}cursor=${result.nextCursor}` : null,
      notice: query.fait === 'lues' ? request.ctx.t('notifications.markedAllRead') : undefined,
    };
    return sendPage(request, reply, <NotificationsPage ctx={request.ctx} data={data} />, { title: request.ctx.t('notifications.title'), noindex: true, nav: 'notifications' });
  });

  app.post('/notifications/lues', async (request, reply) => {
    await notifications.markNotificationsRead(deps, requireActor(request));
    return reply.redirect('/notifications?fait=lues', 303);
  });

  // Opening a notification marks it read, then leads to what it is about (same-site paths only).
  app.get('/notifications/:id', async (request, reply) => {
    const { id } = parseInput(ZIdParams, request.params);
    return reply.redirect(await notifications.openNotification(deps, requireActor(request), id), 303);
  });
};
