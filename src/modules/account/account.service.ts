import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { audit } from '../../platform/audit.js';
import { hit, LIMITS } from '../../platform/rate-limit.js';
import { randomToken } from '../../platform/crypto.js';
import { translator } from '../../platform/i18n/i18n.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { simpleMail } from '../../platform/mail/templates.js';
import { usersRepository, type UserRow } from '../auth/users.repository.js';
import { verifyPassword } from '../auth/passwords.js';
import { mediaStore } from '../media/media.service.js';
import { MEDIA_KEY } from '../media/media.storage.js';
import { personalDataHooks, type AnonymiseReport } from '../../platform/personal-data.js';
import { accountRepository, type ExportSections } from './account.repository.js';
import { appendErasure, readErasures } from './account.erasures.js';
import type { Db } from '../../db/client.js';

/** 2: every field name is camelCase, like the rest of the API (1 had the database's snake_case). */
const EXPORT_FORMAT_VERSION = 2;
export type AccountExport = { format: 'espace-collectif-export'; version: number; exportedAt: string; data: ExportSections };

async function activeUser(deps: Pick<Deps, 'db'>, actor: Actor | null): Promise<UserRow> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const user = await usersRepository.findById(deps.db, actor.id);
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED');
  return user;
}

/** Everything the platform holds about the caller, in one JSON document (right of access and portability). */
export async function exportMyData(deps: Pick<Deps, 'db'>, actor: Actor | null): Promise<AccountExport> {
  const user = await activeUser(deps, actor);
  const data: ExportSections = await accountRepository.exportProfile(deps.db, user.id);
  for (const { owner, hooks } of personalDataHooks()) {
    if (!hooks.export) continue;
    for (const [section, rows] of Object.entries(await hooks.export(deps.db, user.id))) {
      if (section in data) throw new Error(`export section ${section} (module ${owner}) is defined twice`);
      data[section] = rows;
    }
  }
  await audit(deps.db, { actorId: user.id, action: 'account.exported', subjectType: 'user', subjectId: user.id });
  return { format: 'espace-collectif-export', version: EXPORT_FORMAT_VERSION, exportedAt: new Date().toISOString(), data: camelCaseSections(data) };
}

/**
 * Deletes the caller's account after checking their password, in one transaction: every module's
 * `personalData.anonymise` hook in module order (sessions end, open pledges are withdrawn, comments
 * become tombstones, other people's notifications forget the name…), then the user row, then the
 * unsent mails to the person or about them are dropped, and a last e-mail goes to the old address.
 */
export async function deleteMyAccount(deps: Deps, actor: Actor | null, input: { password: string }): Promise<{ withdrawnPledges: number }> {
  const user = await activeUser(deps, actor);
  await hit(deps.db, LIMITS.loginPerAccount, user.id, deps.config.rateLimits);
  if (!(await verifyPassword(user.passwordHash, input.password))) throw validationError({ password: { key: 'account.delete.wrongPassword' } });
  const t = translator(user.locale);
  const result = await deps.db.transaction(async (tx) => {
    const report = await erase(tx, user);
    const done = { withdrawnPledges: report.withdrawnPledges ?? 0 };
    await mailRepository.enqueue(tx, simpleMail({
      to: user.email,
      kind: 'account_deleted',
      locale: user.locale,
      subject: t('account.mail.subject'),
      greeting: t('mail.greeting', { name: user.displayName }),
      lines: [t('account.mail.body'), t('account.mail.kept')],
      footer: t('account.mail.footer'),
    }));
    await audit(tx, { actorId: null, action: 'account.deleted', subjectType: 'user', subjectId: user.id, data: { withdrawnPledges: done.withdrawnPledges } });
    return done;
  });
  // The tombstone outside the database, so that restoring an older backup does not revive the person.
  await appendErasure(deps.config.dataDir, user.id).catch((err: unknown) => deps.log.error({ err, userId: user.id }, 'account: the erasure log could not be written'));
  if (user.photoKey && MEDIA_KEY.test(user.photoKey)) await mediaStore(deps).remove(user.photoKey).catch(() => undefined);
  return result;
}

/**
 * Erases one person inside the caller's transaction: every module's `personalData.anonymise` hook in
 * module order, then the user row, then the unsent mails to them or about them.
 */
async function erase(tx: Db, user: UserRow): Promise<AnonymiseReport> {
  const t = translator(user.locale);
  const suffix = user.id.toLowerCase().replace(/[^a-z0-9]/g, '').slice(-12);
  const report: AnonymiseReport = {};
  for (const { hooks } of personalDataHooks()) {
    for (const [key, n] of Object.entries((await hooks.anonymise?.(tx, user.id, { t })) ?? {})) report[key] = (report[key] ?? 0) + n;
  }
  await accountRepository.anonymiseUser(tx, user.id, {
    email: `supprime-${suffix}@invalid.espace-collectif.ca`,
    handle: `compte-supprime-${suffix}`,
    displayName: t('account.deletedName'),
    passwordHash: `!deleted:${randomToken(16)}`,
  });
  await mailRepository.dropUnsent(tx, { to: user.email, about: [`user:${user.id}`] });
  return report;
}

/**
 * After a restore: the accounts in the erasure log that the restored database still holds (deleted
 * after the backup was taken) are erased again, without a second goodbye e-mail. Returns how many.
 */
export async function reapplyErasures(deps: Pick<Deps, 'db' | 'config'>): Promise<number> {
  let erased = 0;
  for (const userId of await readErasures(deps.config.dataDir)) {
    const user = await usersRepository.findById(deps.db, userId);
    if (!user || user.deletedAt) continue;
    await deps.db.transaction(async (tx) => {
      await erase(tx, user);
      await audit(tx, { actorId: null, action: 'account.erasure_reapplied', subjectType: 'user', subjectId: user.id });
    });
    if (user.photoKey && MEDIA_KEY.test(user.photoKey)) await mediaStore(deps).remove(user.photoKey).catch(() => undefined);
    erased += 1;
  }
  return erased;
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Row columns come from SQL in snake_case; the export speaks the API's camelCase (values untouched). */
function camelCaseSections(data: ExportSections): ExportSections {
  const entries = Object.entries(data).map(([section, rows]) => [section, rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v])))]);
  return Object.fromEntries(entries) as ExportSections;
}
