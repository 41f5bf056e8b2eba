import { sql, type SQL } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { execRows, type Database, type Db } from '../../db/client.js';

/**
 * pg-boss talks to the database through one method, `executeSql(text, values)`. These adapters
 * let it share the app's connection instead of opening its own pool.
 */
export function bossDbFor(database: Database): PgBoss.Db {
  if (database.kind === 'postgres' && database.pool) {
    const pool = database.pool;
    // Parameterless calls may be multi-statement scripts (`BEGIN; …; COMMIT;`): node-postgres sends
    // them with the simple protocol on one pooled connection, exactly as pg-boss's own pool does.
    return { executeSql: async (text, values) => flatten(await pool.query(text, values)) };
  }
  const pglite = database.pglite;
  if (!pglite) throw new Error('jobs: the database has neither a pool nor a PGlite instance');
  return {
    async executeSql(text, values) {
      try {
        if (values?.length) return await pglite.query(text, values);
        // query() runs one statement; pg-boss's maintenance scripts are several, wrapped in BEGIN …
        // COMMIT. PGlite's exec() runs them as one exclusive call: no app request can slip inside
        // the transaction (PGlite holds its transaction lock for the whole call).
        const results = await pglite.exec(text);
        return { rows: results.flatMap((r) => r.rows) };
      } catch (err) {
        // One connection: a failed script would leave an aborted transaction that poisons every later query.
        await pglite.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
  };
}

function flatten(result: unknown): { rows: unknown[] } {
  if (Array.isArray(result)) return { rows: (result as { rows?: unknown[] }[]).flatMap((r) => r.rows ?? []) };
  return result as { rows: unknown[] };
}

/**
 * Runs pg-boss's statements inside a drizzle transaction, so a job commits (or rolls back) with the
 * change that causes it. `$n` placeholders become drizzle parameters.
 */
export function bossDbForTransaction(tx: Db): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (!values?.length) return { rows: await execRows(tx, sql.raw(text)) };
      const chunks: SQL[] = [];
      let last = 0;
      for (const m of text.matchAll(/\$(\d+)/g)) {
        chunks.push(sql.raw(text.slice(last, m.index)));
        chunks.push(sql`${sql.param(values[Number(m[1]) - 1])}`);
        last = m.index + m[0].length;
      }
      chunks.push(sql.raw(text.slice(last)));
      return { rows: await execRows(tx, sql.join(chunks)) };
    },
  };
}
