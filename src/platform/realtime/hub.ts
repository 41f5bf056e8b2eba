import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';

/** One live connection of this instance (an SSE stream) waiting for a person's signals. */
export type Subscriber = {
  userId: string;
  /** Something changed for this person (a notification committed, counts moved) — or a reconnect may have missed it. */
  onSignal(): void;
  /** The instance is draining: end the connection now. */
  onClose(): void;
};

export type RealtimeHub = {
  /** Opens this instance's one listening connection (called from app.ts onReady). */
  start(): Promise<void>;
  /** Ends every subscriber (preClose: so app.close() does not wait on open streams). */
  closeAll(): void;
  /** Stops listening (onClose). */
  stop(): Promise<void>;
  subscribe(s: Subscriber): () => void;
  /** How many subscribers are connected to this instance (metrics, tests). */
  readonly size: number;
  readonly listening: boolean;
  /** PostgreSQL backend pid of the listening connection (null on PGlite or while reconnecting). */
  readonly backendPid: number | null;
};

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimeHub;
  }
}

export type HubOptions = { channel: string; log: FastifyBaseLogger; backoff?: { initialMs: number; maxMs: number } };

/**
 * Cross-instance fan-out over PostgreSQL LISTEN/NOTIFY: each app instance holds ONE listening
 * connection (a dedicated pg.Client on PostgreSQL, `pglite.listen()` on PGlite) and hands every
 * signal to the subscribers of the person it names. Payloads carry a user id only; subscribers read
 * what changed from the database, so a signal can never leak content.
 */
export function createRealtimeHub(database: Database, opts: HubOptions): RealtimeHub {
  const byUser = new Map<string, Set<Subscriber>>();
  const backoff = opts.backoff ?? { initialMs: 250, maxMs: 30_000 };
  let stopped = false;
  let listening = false;
  let client: pg.Client | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = backoff.initialMs;
  let size = 0;

  const dispatch = (userId: string) => {
    for (const s of byUser.get(userId) ?? []) s.onSignal();
  };
  /** After a reconnect, signals may have been missed: every subscriber re-reads its state. */
  const resyncAll = () => {
    for (const set of byUser.values()) for (const s of set) s.onSignal();
  };

  async function connectPostgres(): Promise<void> {
    const pool = database.pool!;
    const c = new pg.Client({ ...pool.options, keepAlive: true });
    c.on('notification', (msg) => {
      if (msg.channel === opts.channel && msg.payload) dispatch(msg.payload);
    });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      listening = false;
      c.removeAllListeners('notification');
      c.end().catch(() => undefined);
      if (!stopped) {
        opts.log.warn({ err }, 'realtime: listening connection lost, reconnecting');
        schedule();
      }
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    await c.query(`LISTEN ${pg.escapeIdentifier(opts.channel)}`);
    client = c;
    listening = true;
    delay = backoff.initialMs;
  }

  function schedule(): void {
    if (stopped || retry) return;
    const wait = delay;
    delay = Math.min(delay * 2, backoff.maxMs);
    retry = setTimeout(() => {
      retry = null;
      connectPostgres().then(resyncAll, (err: unknown) => {
        opts.log.warn({ err, retryInMs: delay }, 'realtime: cannot listen yet');
        schedule();
      });
    }, wait);
    retry.unref();
  }

  return {
    get size() {
      return size;
    },
    get listening() {
      return listening;
    },
    get backendPid() {
      return (client as unknown as { processID?: number } | null)?.processID ?? null;
    },
    async start() {
      stopped = false;
      if (database.kind === 'pglite') {
        unlisten = await database.pglite!.listen(opts.channel, (payload) => dispatch(payload));
        listening = true;
        return;
      }
      try {
        await connectPostgres();
      } catch (err) {
        // The app still serves pages; live updates resume once the database answers.
        opts.log.warn({ err }, 'realtime: cannot listen yet');
        schedule();
      }
    },
    closeAll() {
      for (const set of [...byUser.values()]) for (const s of [...set]) s.onClose();
    },
    async stop() {
      stopped = true;
      listening = false;
      if (retry) clearTimeout(retry);
      retry = null;
      if (unlisten) {
        const u = unlisten;
        unlisten = null;
        if (!database.pglite?.closed) await u().catch(() => undefined);
      }
      if (client) {
        const c = client;
        client = null;
        c.removeAllListeners('notification');
        await c.end().catch(() => undefined);
      }
    },
    subscribe(s) {
      let set = byUser.get(s.userId);
      if (!set) byUser.set(s.userId, (set = new Set()));
      set.add(s);
      size++;
      return () => {
        if (!set.delete(s)) return;
        size--;
        if (set.size === 0 && byUser.get(s.userId) === set) byUser.delete(s.userId);
      };
    },
  };
}
