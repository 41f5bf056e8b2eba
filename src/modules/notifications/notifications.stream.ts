import { SECURITY } from '../../platform/http/openapi.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import type { T } from '../../platform/i18n/i18n.js';
import { notificationsRepository } from './notifications.repository.js';
import { presentNotification } from './notifications.presenter.js';

/** Tunables (tests shorten the heartbeat). */
export const STREAM_SETTINGS = {
  heartbeatMs: 25_000,
  /** How many of the newest notifications a stream compares with what it already sent. */
  window: 10,
  /** Streams one person may hold open on one instance (tabs, devices); the oldest is ended beyond. */
  perPerson: 8,
};

export type UnreadEvent = { count: number; label: string; messages: number; messagesLabel: string };

function unreadEvent(t: T, counts: { notifications: number; messages: number }): UnreadEvent {
  return {
    count: counts.notifications,
    label: counts.notifications > 0 ? t('notifications.bell.unread', { count: counts.notifications }) : t('notifications.bell.label'),
    messages: counts.messages,
    messagesLabel: counts.messages > 0 ? t('notifications.messagesUnread', { count: counts.messages }) : '',
  };
}

const open = new Map<string, StreamSession[]>();

/**
 * One server-sent events connection of a signed-in person. On connect and on every signal of the
 * realtime hub it re-reads the person's newest notifications and sends the ones it has not sent yet
 * (`event: notification`, in commit order even when transactions commit out of order), then the
 * unread counts (`event: unread`). A comment line every 25 s keeps proxies from closing it.
 */
class StreamSession {
  private sent = new Set<string>();
  private busy = false;
  private again = false;
  private closed = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'log'>,
    private readonly userId: string,
    private readonly t: T,
    private readonly res: ServerResponse,
    private readonly draining: { value: boolean },
  ) {}

  async start(app: FastifyInstance, lastEventId: string | undefined): Promise<void> {
    const latest = await notificationsRepository.latestForUser(this.deps.db, this.userId, STREAM_SETTINGS.window);
    // A reconnecting browser sends the id of the last notification it saw: what came after is sent now.
    const seen = lastEventId ? latest.findIndex((r) => r.id === lastEventId) : -1;
    this.sent = new Set((seen >= 0 ? latest.slice(seen) : latest).map((r) => r.id));
    if (this.closed) return;
    this.unsubscribe = app.realtime.subscribe({ userId: this.userId, onSignal: () => void this.refresh(), onClose: () => this.close() });
    const mine = [...(open.get(this.userId) ?? []), this];
    open.set(this.userId, mine);
    while (mine.length > STREAM_SETTINGS.perPerson) mine.shift()!.close();
    this.heartbeat = setInterval(() => {
      if (this.draining.value) this.close();
      else this.write(': heartbeat\n\n');
    }, STREAM_SETTINGS.heartbeatMs);
    this.heartbeat.unref();
    await this.refresh();
  }

  /** Sends what is new, then the counts; signals arriving meanwhile cause one more pass. */
  async refresh(): Promise<void> {
    if (this.closed) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      do {
        this.again = false;
        const latest = await notificationsRepository.latestForUser(this.deps.db, this.userId, STREAM_SETTINGS.window);
        for (const row of [...latest].reverse()) {
          if (this.sent.has(row.id) || row.readAt) continue;
          this.write(`id: ${row.id}\nevent: notification\ndata: ${JSON.stringify(presentNotification(row, this.t))}\n\n`);
        }
        this.sent = new Set(latest.map((r) => r.id));
        const counts = await notificationsRepository.badgeCounts(this.deps.db, this.userId);
        this.write(`event: unread\ndata: ${JSON.stringify(unreadEvent(this.t, counts))}\n\n`);
      } while (this.again && !this.closed);
    } catch (err) {
      if (!this.closed) this.deps.log.warn({ err }, 'notification stream: refresh failed');
    } finally {
      this.busy = false;
    }
  }

  private write(chunk: string): void {
    if (!this.closed && !this.res.writableEnded) this.res.write(chunk);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.unsubscribe();
    const mine = open.get(this.userId);
    if (mine) {
      const rest = mine.filter((s) => s !== this);
      if (rest.length) open.set(this.userId, rest);
      else open.delete(this.userId);
    }
    if (!this.res.writableEnded) this.res.end();
  }
}

const lastEventIdOf = (request: FastifyRequest) => {
  const v = request.headers['last-event-id'];
  return typeof v === 'string' && v.length <= 40 ? v : undefined;
};

/** `GET /api/v1/notifications/stream`: server-sent events for the signed-in person. */
export function registerNotificationStream(app: FastifyInstance, deps: Pick<Deps, 'db' | 'log'>, draining: { value: boolean }): void {
  app.get('/api/v1/notifications/stream', {
    config: { openapi: { produces: { status: 200, contentType: 'text/event-stream', description: 'The event stream (`event: unread`, `event: notification`, heartbeat comments).' } } },
    schema: {
      tags: ['notifications'],
      security: SECURITY.signedIn,
      description: 'Server-sent events (`text/event-stream`) for the signed-in person: `event: unread` with `{ count, label, messages, messagesLabel }` on connect and whenever their notifications or unread messages change (on any app instance, through PostgreSQL LISTEN/NOTIFY), `event: notification` with a new notification (same shape as the list items; its `id:` is the notification id, so `Last-Event-ID` resumes), and a `: heartbeat` comment every 25 s. Ends when the instance drains (reconnect elsewhere). 401 when signed out, 503 while draining.',
    },
  }, async (request, reply) => {
    const me = requireActor(request);
    if (draining.value) throw new AppError('UNAVAILABLE');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write('retry: 5000\n\n');
    const session = new StreamSession(deps, me.id, request.ctx.t, res, draining);
    res.on('close', () => session.close());
    try {
      await session.start(app, lastEventIdOf(request));
    } catch (err) {
      deps.log.warn({ err }, 'notification stream: could not start');
      session.close();
    }
  });
}
