/**
 * Backup and restore (quality.md, reliability property 6). Two shapes, one per database:
 * - embedded PGlite: a physical snapshot of the data directory (`dumpDataDir`, a gzipped tarball),
 *   restored by opening a new, empty data directory from it (`loadDataDir`). The CLI opens the
 *   data directory itself, so the server must be stopped (PGlite is one process);
 * - PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore` into an empty database.
 * `fingerprint()` reads every table's row count and a checksum of its rows, so a drill can prove a
 * restored copy holds exactly what was saved (tests/integration/backup.test.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase, type Database } from './client.js';

export type TableFingerprint = { table: string; rows: number; checksum: string };

/** Every user table (all schemas but the system ones), with its row count and an order-independent checksum of its rows. */
export async function fingerprint(database: Database): Promise<TableFingerprint[]> {
  const tables = await database.query<{ schema: string; name: string }>(
    `SELECT schemaname AS schema, tablename AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const out: TableFingerprint[] = [];
  for (const t of tables) {
    const ident = `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;
    const [row] = await database.query<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(md5(r::text), '' ORDER BY md5(r::text))) AS sum FROM ${ident} r`,
    );
    out.push({ table: `${t.schema}.${t.name}`, rows: row?.n ?? 0, checksum: row?.sum ?? '' });
  }
  return out;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Writes a backup of the open database to `file`. */
export async function backupTo(database: Database, databaseUrl: string | undefined, file: string): Promise<void> {
  if (existsSync(file)) throw new BackupError('exists');
  if (database.kind === 'pglite') {
    const dump = await database.pglite!.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()), { flag: 'wx' });
    return;
  }
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${databaseUrl!}`]);
}

/**
 * Restores `file` into an empty target: a data directory with no database yet (embedded), or a
 * PostgreSQL database with no tables. Returns the restored database, open (the caller closes it).
 */
export async function restoreFrom(target: { databaseUrl: string | undefined; dataDir: string }, file: string): Promise<Database> {
  if (!existsSync(file)) throw new BackupError('missing');
  if (!target.databaseUrl) {
    if (existsSync(path.resolve(target.dataDir, 'pglite'))) throw new BackupError('notEmpty');
    const snapshot = new Blob([await readFile(file)]);
    return openDatabase({ databaseUrl: undefined, dataDir: target.dataDir, pgliteTemplate: snapshot });
  }
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: undefined, poolSize: 2 });
  try {
    const [existing] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
    if ((existing?.n ?? 0) > 0) throw new BackupError('notEmpty');
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.databaseUrl}`, file]);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** A backup or restore refused or failed; `reason` names the translated message (`admin.cli.backup.<reason>`). */
export class BackupError extends Error {
  constructor(readonly reason: 'exists' | 'missing' | 'notEmpty' | 'tool', detail = '') {
    super(`backup: ${reason}${detail ? `: ${detail}` : ''}`);
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    child.on('error', (err) => reject(new BackupError('tool', `${command}: ${err.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError('tool', `${command} exited ${code}: ${stderr.trim()}`))));
  });
}
