/**
 * Backup and restore drill (quality.md, reliability property 6): a database with the whole demo
 * neighbourhood is backed up, restored into a fresh database, and every table has the same row
 * count and the same checksum of its rows. On PGlite through a snapshot of the data directory; on
 * PostgreSQL (TEST_DATABASE_URL) through pg_dump and pg_restore into a new database. Also: the
 * operator's CLI round trip, and the refusals (an existing file, a target that is not empty).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { backupTo, BackupError, fingerprint, restoreFrom } from '../../src/db/backup.js';
import { seedIfEmpty } from '../../src/seed/seed.js';
import { usersRepository } from '../../src/modules/auth/users.repository.js';
import { deleteMyAccount, reapplyErasures } from '../../src/modules/account/account.service.js';
import type { Actor } from '../../src/platform/http/context.js';
import { uid } from '../helpers/factories.js';

const sharedUrl = process.env.TEST_DATABASE_URL;
const work = mkdtempSync(path.join(tmpdir(), 'ec-backup-'));
const databases: string[] = [];

async function admin<T>(fn: (client: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: sharedUrl, max: 1 });
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

/** A fresh, empty database: a new PGlite data directory, or a new PostgreSQL database. */
async function freshTarget(): Promise<{ databaseUrl: string | undefined; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(work, 'data-'));
  if (!sharedUrl) return { databaseUrl: undefined, dataDir };
  const name = `ec_backup_${uid().replace(/-/g, '').slice(0, 12)}`;
  await admin((p) => p.query(`CREATE DATABASE ${name}`));
  databases.push(name);
  const url = new URL(sharedUrl);
  url.pathname = `/${name}`;
  return { databaseUrl: url.toString(), dataDir };
}

afterAll(async () => {
  if (sharedUrl) await admin(async (p) => { for (const name of databases) await p.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); });
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore drill', () => {
  it('restores the demo neighbourhood into a fresh database with identical row counts and checksums', async () => {
    const source = await freshTarget();
    const database: Database = await openDatabase({ databaseUrl: source.databaseUrl, dataDir: source.dataDir, poolSize: 3 });
    const file = path.join(work, `demo-${uid()}.backup`);
    let saved;
    try {
      await runMigrations(database);
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'yes' }, { publicUrl: 'http://localhost:3000', dataDir: source.dataDir });
      expect(await seedIfEmpty({ config, database, db: database.db, log: pino({ level: 'silent' }) })).toBe(true);
      saved = await fingerprint(database);
      await backupTo(database, source.databaseUrl, file);
      // A second backup never overwrites the first.
      await expect(backupTo(database, source.databaseUrl, file)).rejects.toMatchObject({ reason: 'exists' });
      // The source is not empty: a restore into it is refused and changes nothing.
      await expect(restoreFrom(source, file)).rejects.toBeInstanceOf(BackupError);
    } finally {
      await database.close();
    }
    expect(saved.length).toBeGreaterThan(40);
    expect(saved.find((t) => t.table === 'public.projects')!.rows).toBeGreaterThan(3);
    expect(saved.find((t) => t.table === 'public.pledges')!.rows).toBeGreaterThan(3);

    const target = await freshTarget();
    const restored = await restoreFrom(target, file);
    try {
      expect(await fingerprint(restored)).toEqual(saved);
      // The checksums see a change of one character in one row.
      await restored.query(`UPDATE projects SET title = title || '!' WHERE id = (SELECT min(id) FROM projects)`);
      expect(await fingerprint(restored)).not.toEqual(saved);
    } finally {
      await restored.close();
    }
  }, 240_000);

  it('keeps an account deleted after the backup deleted once the backup is restored (the erasure log)', async () => {
    const source = await freshTarget();
    const database = await openDatabase({ databaseUrl: source.databaseUrl, dataDir: source.dataDir, poolSize: 3 });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'yes' }, { publicUrl: 'http://localhost:3000', dataDir: source.dataDir, rateLimits: false });
    const file = path.join(work, `erasure-${uid()}.backup`);
    let leaving: { id: string; email: string };
    let staying: { id: string; email: string };
    try {
      await runMigrations(database);
      const deps = { config, database, db: database.db, log: pino({ level: 'silent' }) };
      await seedIfEmpty(deps);
      const demo = async (email: string) => {
        const row = await usersRepository.findByEmail(database.db, email);
        if (!row) throw new Error(`the demo has no ${email}`);
        return { id: row.id, email: row.email };
      };
      leaving = await demo('marie-eve@demo.espace-collectif.ca');
      staying = await demo('audrey@demo.espace-collectif.ca');
      await backupTo(database, source.databaseUrl, file);
      // After the backup, Marie-Ève deletes her account: the deletion is logged outside the database.
      await deleteMyAccount(deps, { id: leaving.id } as Actor, { password: 'entraide-demo-2026' });
      expect(await readFile(path.join(source.dataDir, 'erasures.log'), 'utf8')).toContain(leaving.id);
    } finally {
      await database.close();
    }

    // The backup is restored elsewhere, with DATA_DIR's erasure log carried over (README).
    const target = await freshTarget();
    await copyFile(path.join(source.dataDir, 'erasures.log'), path.join(target.dataDir, 'erasures.log'));
    const restored = await restoreFrom(target, file);
    try {
      expect((await usersRepository.findById(restored.db, leaving.id))!.deletedAt).toBeNull();
      const deps = { db: restored.db, config: { ...config, dataDir: target.dataDir } };
      expect(await reapplyErasures(deps)).toBe(1);
      const gone = (await usersRepository.findById(restored.db, leaving.id))!;
      expect([gone.deletedAt !== null, gone.email === leaving.email, gone.bio]).toEqual([true, false, '']);
      expect((await usersRepository.findById(restored.db, staying.id))!).toMatchObject({ email: staying.email, deletedAt: null });
      expect(await reapplyErasures(deps)).toBe(0);
    } finally {
      await restored.close();
    }
  }, 240_000);

  it('refuses a missing backup file with its own reason', async () => {
    await expect(restoreFrom(await freshTarget(), path.join(work, 'nowhere.backup'))).rejects.toMatchObject({ reason: 'missing' });
  });
});

type Run = { code: number; stdout: string; stderr: string };
function cli(dataDir: string, ...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/cli.ts', ...args], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

// The operator's round trip on the embedded database (the PostgreSQL pass covers pg_dump above).
describe.skipIf(Boolean(sharedUrl))('backup and restore from the command line (embedded database)', () => {
  it('prints the same fingerprint after the restore as at the backup, and refuses a non-empty target', async () => {
    const source = mkdtempSync(path.join(work, 'cli-a-'));
    const target = mkdtempSync(path.join(work, 'cli-b-'));
    const file = path.join(work, `cli-${uid()}.backup`);
    expect((await cli(source, 'create-admin', 'sauvegarde@example.test')).code).toBe(0);
    const saved = await cli(source, 'backup', file);
    expect(saved.code, saved.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    const fp = /fingerprint ([0-9a-f]{16})/.exec(saved.stdout)?.[1];
    expect(saved.stdout).toContain(`Sauvegarde écrite dans ${file}`);
    const restored = await cli(target, 'restore', file);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`fingerprint ${fp!}`);
    const again = await cli(target, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('The target database is not empty');
  }, 240_000);
});
