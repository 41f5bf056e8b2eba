import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './client.js';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION_LOCK = 7_204_511;

/** Applies pending migrations; safe to call on every start and from several instances at once. */
export async function runMigrations(database: Database): Promise<void> {
  await database.withLock(MIGRATION_LOCK, async (db) => {
    if (database.kind === 'pglite') await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    else await migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  });
}

/** True when every migration in the folder has been applied (used by /readyz). */
export async function migrationsApplied(database: Database): Promise<boolean> {
  const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
  try {
    const rows = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    return (rows[0]?.n ?? 0) >= expected;
  } catch {
    return false;
  }
}
