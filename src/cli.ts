import './catalogues.js';
/**
 * Operator commands: `npm run cli -- <command>`. Runs migrations first, never starts the HTTP
 * server, prints every message in French then English, exits 0 on success and 1 otherwise.
 */
import pino from 'pino';
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { backupTo, BackupError, fingerprint, restoreFrom } from './db/backup.js';
import { createHash } from 'node:crypto';
import { runMigrations } from './db/migrate.js';
import { runDataUpgrades } from './upgrades.js';
import type { Deps } from './platform/deps.js';
import { AppError } from './platform/errors.js';
import { translator } from './platform/i18n/i18n.js';
import { mailRepository } from './platform/mail/mail.repository.js';
import { ZEmail } from './modules/auth/auth.schemas.js';
import { ROLES, type Role } from './modules/auth/auth.domain.js';
import { ensureAdmin } from './modules/admin/admin.bootstrap.js';
import { grantRoleFromCli } from './modules/admin/admin.roles.service.js';
import { seedIfEmpty } from './seed/seed.js';
import { reapplyErasures } from './modules/account/account.service.js';
import { loadBoundaryFiles } from './modules/territories/territories.rollout.service.js';

type Command =
  | { name: 'help' }
  | { name: 'migrate' }
  | { name: 'seed' }
  | { name: 'create-admin'; email: string; displayName: string | undefined }
  | { name: 'grant-role'; email: string; role: Role; caisse: string | undefined }
  | { name: 'load-boundaries'; dir: string }
  | { name: 'backup'; file: string }
  | { name: 'restore'; file: string };

const fr = translator('fr');
const en = translator('en');
const say = (key: string, params?: Record<string, unknown>) => console.log(`${fr(key, params)}\n${en(key, params)}`);
const complain = (key: string, params?: Record<string, unknown>) => console.error(`${fr(key, params)}\n${en(key, params)}`);

function usage(): void {
  for (const t of [fr, en]) {
    console.log(t('admin.cli.usage'));
    for (const c of ['createAdmin', 'grantRole', 'migrate', 'seed', 'backup', 'restore', 'help']) console.log(`  ${t(`admin.cli.commands.${c}`)}`);
    console.log(`  ${t('territories.cli.command')}`);
    console.log(t('admin.cli.embeddedNote'));
    console.log('');
  }
}

/** Parses the arguments; null means bad usage. */
function parseCommand(args: string[]): Command | null {
  const [name, ...rest] = args;
  const email = ZEmail.safeParse(rest[0] ?? '');
  switch (name) {
    case 'help':
    case '--help':
    case '-h':
      return { name: 'help' };
    case 'migrate':
    case 'seed':
      return rest.length === 0 ? { name } : null;
    case 'create-admin':
      return email.success ? { name, email: email.data, displayName: rest.slice(1).join(' ').trim() || undefined } : null;
    case 'load-boundaries':
      return rest.length === 1 && rest[0] ? { name, dir: rest[0] } : null;
    case 'backup':
      return rest.length === 1 && rest[0] ? { name, file: rest[0] } : null;
    case 'restore':
      return rest.length === 1 && rest[0] ? { name, file: rest[0] } : null;
    case 'grant-role': {
      const role = ROLES.find((r) => r === rest[1]);
      return email.success && role && rest.length <= 3 ? { name, email: email.data, role, caisse: rest[2] } : null;
    }
    default:
      return null;
  }
}

/** What an operator compares between a backup and its restored copy: tables, rows, one checksum of every table's checksum. */
async function summary(database: Database): Promise<{ tables: number; rows: number; checksum: string }> {
  const tables = await fingerprint(database);
  const checksum = createHash('sha256').update(tables.map((t) => `${t.table}:${t.rows}:${t.checksum}`).join('\n')).digest('hex').slice(0, 16);
  return { tables: tables.length, rows: tables.reduce((n, t) => n + t.rows, 0), checksum };
}

/** Backup and restore run before migrations: a backup saves the database as it is, a restore needs an empty target. */
async function backupOrRestore(command: Extract<Command, { file: string }>, config: Config): Promise<number> {
  try {
    if (command.name === 'restore') {
      const restored = await restoreFrom({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, command.file);
      try {
        say('admin.cli.backup.restored', { file: command.file, ...(await summary(restored)) });
        // Accounts deleted since the backup stay deleted (the erasure log in DATA_DIR, ADR 0027).
        await runMigrations(restored);
        const erased = await reapplyErasures({ db: restored.db, config });
        say('admin.cli.backup.erased', { count: erased });
      } finally {
        await restored.close();
      }
      return 0;
    }
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    try {
      const before = await summary(database);
      await backupTo(database, config.databaseUrl, command.file);
      say('admin.cli.backup.saved', { file: command.file, ...before });
    } finally {
      await database.close();
    }
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    complain(`admin.cli.backup.${err.reason}`, { file: command.file });
    if (err.reason === 'tool') console.error(err.message);
    return 1;
  }
}

async function execute(command: Exclude<Command, { name: 'help' | 'backup' | 'restore' }>, deps: Deps): Promise<void> {
  switch (command.name) {
    case 'migrate':
      return say('admin.cli.migrated');
    case 'seed':
      return say((await seedIfEmpty(deps)) ? 'admin.cli.seeded' : 'admin.cli.notEmpty');
    case 'create-admin': {
      const { created } = await ensureAdmin(deps, command.email, command.displayName);
      if (!created) return say('admin.cli.exists', { email: command.email });
      say('admin.cli.created', { email: command.email });
      say('admin.cli.linkQueued');
      if (deps.config.smtpUrl) return;
      const mail = await mailRepository.findLatestTo(deps.db, command.email, 'password_reset');
      const link = /https?:\/\/\S*token=\S+/.exec(mail?.textBody ?? '')?.[0];
      if (link) {
        say('admin.cli.devLink');
        console.log(link);
      }
      return;
    }
    case 'load-boundaries': {
      // ADR 0015: each *.geojson of the folder replaces the boundary of the territory it names.
      const results = await loadBoundaryFiles(deps, command.dir);
      for (const r of results) say(r.ok ? 'territories.cli.loaded' : 'territories.cli.rejected', { file: r.file, slug: r.slug ?? '?' });
      if (results.length === 0 || results.some((r) => !r.ok)) throw new AppError('VALIDATION_FAILED');
      return;
    }
    case 'grant-role': {
      const { created } = await grantRoleFromCli(deps, { email: command.email, role: command.role, caisse: command.caisse });
      return say(created ? 'admin.cli.granted' : 'admin.cli.alreadyGranted', { email: command.email, role: command.role });
    }
  }
}

async function main(args: string[]): Promise<number> {
  const command = parseCommand(args);
  if (!command) {
    complain('admin.cli.badUsage');
    usage();
    return 1;
  }
  if (command.name === 'help') {
    usage();
    return 0;
  }
  const config: Config = loadConfig();
  if (command.name === 'backup' || command.name === 'restore') return backupOrRestore(command, config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await runMigrations(database);
    const deps: Deps = { config, database, db: database.db, log: pino({ level: 'warn' }) };
    await runDataUpgrades(deps);
    await execute(command, deps);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(`${fr('admin.cli.failed', { message: fr(`errors.${err.code}`) })}\n${en('admin.cli.failed', { message: en(`errors.${err.code}`) })} (${err.code})`);
    return 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
