/**
 * Live notifications over real HTTP: server-sent events on a listening app, signals through
 * PostgreSQL LISTEN/NOTIFY (PGlite: the same path inside one instance), drain, and — on
 * PostgreSQL — two app instances against one database: an event on A reaches a stream on B.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createTerritory, createUser, signIn } from '../helpers/factories.js';
import { notificationsRepository } from '../../src/modules/notifications/notifications.repository.js';
import { STREAM_SETTINGS } from '../../src/modules/notifications/notifications.stream.js';

type SseEvent = { event: string; data: string; id?: string };

let ctx: TestContext;
let baseUrl: string;
let territoryId: string;

async function listen(c: TestContext): Promise<string> {
  await c.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(c.app.server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  ctx = await createTestApp();
  baseUrl = await listen(ctx);
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(() => ctx.close());

/** A real SSE client: fetch + a line parser; `next()` waits for the next event matching a predicate. */
async function openStream(url: string, cookie: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/v1/notifications/stream`, { headers: { cookie, accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let ended = false;
  let wake: () => void = () => undefined;
  const done = (async () => {
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const e: SseEvent = { event: 'message', data: '' };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('event: ')) [e.event, isEvent] = [line.slice(7), true];
            else if (line.startsWith('data: ')) [e.data, isEvent] = [line.slice(6), true];
            else if (line.startsWith('id: ')) e.id = line.slice(4);
          }
          if (isEvent) events.push(e);
          wake();
        }
      }
    } catch {
      // aborted
    } finally {
      ended = true;
      wake();
    }
  })();
  let read = 0;
  return {
    res,
    events,
    comments,
    get ended() {
      return ended;
    },
    /** The next event (after those already taken) matching `match`, within `ms`. */
    async next(match: (e: SseEvent) => boolean = () => true, ms = 5_000): Promise<SseEvent> {
      const deadline = Date.now() + ms;
      for (;;) {
        while (read < events.length) {
          const e = events[read++]!;
          if (match(e)) return e;
        }
        if (ended) throw new Error(`stream ended; events: ${JSON.stringify(events)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${ms} ms; events: ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.min(left, 100));
        });
      }
    },
    async close() {
      abort.abort();
      await done;
    },
    done,
  };
}

const unread = (e: SseEvent) => e.event === 'unread';
const notification = (e: SseEvent) => e.event === 'notification';
const json = <T = Record<string, unknown>>(e: SseEvent) => JSON.parse(e.data) as T;

async function person(c: TestContext, o: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(c, { territoryId, ...o });
  return { user, s: await signIn(c, user.email) };
}
const insert = (c: TestContext, userId: string, needTitle: string) =>
  c.database.db.transaction((tx) => notificationsRepository.insert(tx, { userId, kind: 'pledge.proposed', data: { needTitle, projectTitle: 'Frigo' }, url: '/engagements/1' }));

describe('notification stream', () => {
  it('answers 401 to visitors and sends the unread counts on connect', async () => {
    const anon = await fetch(`${baseUrl}/api/v1/notifications/stream`);
    expect(anon.status).toBe(401);
    const p = await person(ctx);
    await insert(ctx, p.user.id, 'Avant');
    const stream = await openStream(baseUrl, p.s.cookie);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(json(await stream.next(unread))).toEqual({ count: 1, label: '1 notification non lue', messages: 0, messagesLabel: '' });
    // What existed before connecting is not replayed as new.
    expect(stream.events.filter(notification)).toEqual([]);
    await stream.close();
  });

  it('delivers a notification when its transaction commits, never when it rolls back, and only to its recipient', async () => {
    const p = await person(ctx);
    const other = await person(ctx);
    const stream = await openStream(baseUrl, p.s.cookie);
    const otherStream = await openStream(baseUrl, other.s.cookie);
    expect(json(await stream.next(unread)).count).toBe(0);
    expect(json(await otherStream.next(unread)).count).toBe(0);

    await expect(ctx.database.db.transaction(async (tx) => {
      await notificationsRepository.insert(tx, { userId: p.user.id, kind: 'pledge.proposed', data: { needTitle: 'Annulé', projectTitle: 'Frigo' }, url: '/' });
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    await insert(ctx, p.user.id, 'Validé');

    const e = await stream.next(notification);
    expect(json(e)).toMatchObject({ kind: 'pledge.proposed', text: 'Nouvel engagement pour « Validé » (Frigo).', readAt: null });
    expect(e.id).toBe(json(e).id);
    expect(json(await stream.next(unread)).count).toBe(1);
    // The rolled-back one never arrives, and the other person heard nothing.
    expect(stream.events.filter(notification).map((x) => json(x).text)).toEqual(['Nouvel engagement pour « Validé » (Frigo).']);
    expect(otherStream.events.filter(notification)).toEqual([]);

    // Marking read (any tab) updates the count everywhere.
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: { cookie: p.s.cookie, 'x-csrf-token': p.s.csrf }, payload: {} });
    expect(res.json()).toEqual({ unreadCount: 0 });
    expect(json(await stream.next(unread)).count).toBe(0);
    await stream.close();
    await otherStream.close();
  });

  it('announces a new message in the recipient’s language and updates the messages badge', async () => {
    const writer = await person(ctx, { displayName: 'Nadia Écrivaine' });
    const reader = await person(ctx, { locale: 'en' });
    const stream = await openStream(baseUrl, reader.s.cookie);
    await stream.next(unread);
    const started = await ctx.app.inject({ method: 'POST', url: '/api/v1/conversations', headers: { cookie: writer.s.cookie, 'x-csrf-token': writer.s.csrf }, payload: { to: reader.user.handle, body: 'Hello!' } });
    expect(started.statusCode).toBe(201);
    expect(json(await stream.next(notification))).toMatchObject({ kind: 'message.new', text: 'New message from Nadia Écrivaine.' });
    expect(json(await stream.next(unread))).toEqual({ count: 1, label: '1 unread notification', messages: 1, messagesLabel: '1 unread conversation' });
    // A second message is coalesced: no new notification, but the counts are re-sent.
    await ctx.app.inject({ method: 'POST', url: `/api/v1/conversations/${started.json<{ id: string }>().id}/messages`, headers: { cookie: writer.s.cookie, 'x-csrf-token': writer.s.csrf }, payload: { body: 'Again' } });
    expect(json(await stream.next(unread)).count).toBe(1);
    expect(stream.events.filter(notification)).toHaveLength(1);
    await stream.close();
  });

  it('resumes after Last-Event-ID and sends heartbeats', async () => {
    const p = await person(ctx);
    await insert(ctx, p.user.id, 'Premier');
    const first = await openStream(baseUrl, p.s.cookie);
    await first.next(unread);
    await first.close();
    const seen = (await notificationsRepository.latestForUser(ctx.database.db, p.user.id, 1))[0]!.id;
    await insert(ctx, p.user.id, 'Pendant la coupure');
    const saved = STREAM_SETTINGS.heartbeatMs;
    STREAM_SETTINGS.heartbeatMs = 100;
    try {
      const again = await openStream(baseUrl, p.s.cookie, { 'last-event-id': seen });
      expect(json(await again.next(notification)).text).toBe('Nouvel engagement pour « Pendant la coupure » (Frigo).');
      await expect.poll(() => again.comments.length, { timeout: 3_000 }).toBeGreaterThan(0);
      expect(again.comments[0]).toBe(': heartbeat');
      await again.close();
    } finally {
      STREAM_SETTINGS.heartbeatMs = saved;
    }
  });
});

describe('drain', () => {
  it('ends open streams so app.close() does not hang, and refuses new streams while draining', async () => {
    const own = await createTestApp();
    const url = await listen(own);
    const user = await createUser(own, { territoryId: null });
    const s = await signIn(own, user.email);
    const stream = await openStream(url, s.cookie);
    await stream.next(unread);
    expect(own.app.realtime.size).toBe(1);

    own.app.draining.value = true;
    const refused = await fetch(`${url}/api/v1/notifications/stream`, { headers: { cookie: s.cookie } });
    expect(refused.status).toBe(503);
    await refused.body?.cancel();

    const started = Date.now();
    await own.app.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    await stream.done;
    expect(stream.ended).toBe(true);
    expect(own.app.realtime.size).toBe(0);
    expect(own.app.realtime.listening).toBe(false);
    await own.database.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('two app instances on one PostgreSQL database', () => {
  it('delivers an event created through instance A to a stream connected to instance B', async () => {
    const a = ctx;
    const b = await createTestApp();
    try {
      const urlB = await listen(b);
      expect(b.app.realtime.listening).toBe(true);
      const recipient = await createUser(a, { territoryId });
      const sender = await person(a, { displayName: 'Instance A' });
      const onB = await signIn(b, recipient.email);
      const stream = await openStream(urlB, onB.cookie);
      expect(json(await stream.next(unread)).count).toBe(0);

      const started = await a.app.inject({ method: 'POST', url: '/api/v1/conversations', headers: { cookie: sender.s.cookie, 'x-csrf-token': sender.s.csrf }, payload: { to: recipient.handle, body: 'De A vers B' } });
      expect(started.statusCode).toBe(201);
      expect(json(await stream.next(notification, 5_000))).toMatchObject({ kind: 'message.new', text: 'Nouveau message de Instance A.' });
      expect(json(await stream.next(unread, 5_000))).toMatchObject({ count: 1, messages: 1 });

      // The listening connection dies (failover, idle kill): the hub reconnects and delivery resumes.
      const pid = b.app.realtime.backendPid;
      expect(pid).toBeGreaterThan(0);
      await a.database.query('SELECT pg_terminate_backend($1)', [pid]);
      await expect.poll(() => b.app.realtime.listening && b.app.realtime.backendPid !== pid, { timeout: 10_000 }).toBe(true);
      await insert(a, recipient.id, 'Après la reconnexion');
      expect(json(await stream.next(notification, 5_000)).text).toBe('Nouvel engagement pour « Après la reconnexion » (Frigo).');
      await stream.close();
    } finally {
      await b.close();
    }
  });
});
