import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
/** A database handle or a transaction: repositories take either, the caller owns the transaction. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** Runs a raw drizzle `sql` query and returns its rows (the one shape both drivers share). */
export async function execRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Run raw SQL rows (for migrations bookkeeping, health checks, benchmarks). */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn while holding a cluster-wide advisory lock (serialises migrations across instances). */
  withLock<T>(lockId: number, fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  pool?: pg.Pool;
  pglite?: PGlite;
};

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  pgliteTemplate?: Blob | undefined;
  /** An idle pooled connection failed (server restart, network): logged, the pool replaces it. */
  onPoolError?: ((err: Error) => void) | undefined;
};

/** Without a logger, a pool error still leaves a structured line on stderr (never silence). */
function logPoolError(err: Error): void {
  process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), msg: 'database pool error (idle connection lost)', err: { message: err.message, code: (err as { code?: string }).code } })}\n`);
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.onPoolError ?? logPoolError);
  return openPglite(opts.dataDir, opts.pgliteTemplate);
}

function openPostgres(url: string, max: number, onPoolError: (err: Error) => void): Database {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  pool.on('error', onPoolError);
  const db = drizzlePg(pool, { casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    async query(sqlText, params) {
      const res = await pool.query<Record<string, unknown>>(sqlText, params);
      return res.rows as never[];
    },
    async withLock(lockId, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [lockId]);
        try {
          return await fn(drizzlePg(client, { casing: 'snake_case' }));
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [lockId]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined, template?: Blob): Promise<Database> {
  // A dataDir of undefined or 'memory://' keeps the database in memory (tests).
  const inMemory = !dataDir || dataDir.startsWith('memory://');
  let dir: string | undefined;
  if (!inMemory) {
    dir = path.resolve(dataDir, 'pglite');
    mkdirSync(path.dirname(dir), { recursive: true });
  }
  const client = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), ...(template ? { loadDataDir: template } : {}), extensions: { unaccent, pg_trgm } });
  const db = drizzlePglite(client, { casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async query(sqlText, params) {
      const res = await client.query(sqlText, params as unknown[]);
      return res.rows as never[];
    },
    // PGlite is a single session in one process: there is no other instance to race with.
    withLock: (_lockId, fn) => fn(db),
    async close() {
      if (!client.closed) await client.close();
    },
  };
}
