import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { hit, LIMITS } from '../../platform/rate-limit.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { newId } from '../../db/ids.js';
import { territoriesRepository } from '../territories/territories.repository.js';
import { isOpenForSignup } from '../territories/territories.service.js';
import { hashPassword, verifyPassword, burnVerifyTime } from './passwords.js';
import { uniqueHandle } from './handles.js';
import { MOST_PRIVATE, usersRepository, type UserRow } from './users.repository.js';
import { apiTokensRepository, oneTimeTokensRepository, sessionsRepository } from './sessions.repository.js';
import { alreadyRegisteredMail, passwordChangedMail, passwordResetMail, verifyEmailMail } from './auth.mails.js';
import type { TLoginBody, TRegisterBody } from './auth.schemas.js';

const TERMS_VERSION = 'conditions-2026-11';
const NEWSLETTER_VERSION = 'infolettre-2026-11';
const SESSION_DAYS = 30;
const VERIFY_HOURS = 48;
const RESET_MINUTES = 60;

export type RequestMeta = { ip: string; userAgent: string };
export type NewSession = { rawId: string; userId: string; expiresAt: Date };

function sessionExpiry(): Date {
  return new Date(Date.now() + SESSION_DAYS * 86_400_000);
}

/** Starts a fresh session (a new id every sign-in: the old cookie's session is dropped). */
export async function startSession(deps: Deps, userId: string, meta: RequestMeta, previousRawId?: string | null): Promise<NewSession> {
  if (previousRawId) await sessionsRepository.delete(deps.db, sha256(previousRawId));
  const rawId = randomToken(32);
  const expiresAt = sessionExpiry();
  await sessionsRepository.insert(deps.db, { idHash: sha256(rawId), userId, expiresAt, userAgent: meta.userAgent.slice(0, 200) });
  return { rawId, userId, expiresAt };
}

/**
 * Sign-up never reveals whether an address is known: both paths hash a password, queue one mail
 * and return nothing. A new address gets a verification link; a known one, a "you already have an
 * account" mail.
 */
export async function register(deps: Deps, input: TRegisterBody, meta: RequestMeta): Promise<void> {
  await hit(deps.db, LIMITS.signupPerIp, meta.ip, deps.config.rateLimits);
  const territory = await territoriesRepository.findBySlug(deps.db, input.territory);
  if (!territory || !isOpenForSignup(territory)) throw validationError({ territory: { key: 'validation.choice' } });
  const passwordHash = await hashPassword(input.password);
  const existing = await usersRepository.findByEmail(deps.db, input.email);
  const base = deps.config.publicUrl;
  if (existing) {
    await mailRepository.enqueue(
      deps.db,
      alreadyRegisteredMail({ to: existing.email, locale: existing.locale, name: existing.displayName, signInUrl: `${base}/connexion`, resetUrl: `${base}/mot-de-passe-oublie` }),
    );
    return;
  }
  const token = randomToken(32);
  await deps.db.transaction(async (tx) => {
    const handle = await uniqueHandle(input.displayName, (h) => usersRepository.handleExists(tx, h));
    const user = await usersRepository.insert(tx, {
      id: newId(),
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      handle,
      locale: input.locale,
      territoryId: territory.id,
      birthYear: input.birthYear ?? null,
      ageConfirmed: input.ageConfirmed,
      privacy: MOST_PRIVATE,
    });
    await usersRepository.recordConsent(tx, user.id, 'terms', true, TERMS_VERSION);
    await usersRepository.recordConsent(tx, user.id, 'newsletter', input.newsletter, NEWSLETTER_VERSION);
    await oneTimeTokensRepository.insert(tx, { tokenHash: sha256(token), userId: user.id, purpose: 'verify_email', expiresAt: new Date(Date.now() + VERIFY_HOURS * 3_600_000) });
    await mailRepository.enqueue(tx, verifyEmailMail({ to: user.email, locale: user.locale, name: user.displayName, url: `${base}/verifier-courriel?token=${token}` }));
  });
}

/** Checks the credentials; the same error and similar time whether the address exists or not. */
export async function authenticate(deps: Deps, input: TLoginBody, meta: RequestMeta): Promise<UserRow> {
  await hit(deps.db, LIMITS.loginPerIpMinute, meta.ip, deps.config.rateLimits);
  await hit(deps.db, LIMITS.loginPerIpHour, meta.ip, deps.config.rateLimits);
  await hit(deps.db, LIMITS.loginPerAccount, input.email, deps.config.rateLimits);
  const user = await usersRepository.findByEmail(deps.db, input.email);
  if (!user || user.deletedAt) {
    await burnVerifyTime(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new AppError('INVALID_CREDENTIALS');
  if (user.suspendedAt) throw new AppError('ACCOUNT_SUSPENDED');
  return user;
}

export async function login(deps: Deps, input: TLoginBody, meta: RequestMeta, previousRawId?: string | null): Promise<{ user: UserRow; session: NewSession }> {
  const user = await authenticate(deps, input, meta);
  const session = await startSession(deps, user.id, meta, previousRawId);
  return { user, session };
}

export async function logout(deps: Deps, rawSessionId: string): Promise<void> {
  await sessionsRepository.delete(deps.db, sha256(rawSessionId));
}

/** Verifies an address with a one-time token and returns the user (the caller signs them in). */
export async function verifyEmail(deps: Deps, token: string): Promise<UserRow> {
  const userId = await oneTimeTokensRepository.consume(deps.db, sha256(token), 'verify_email');
  if (!userId) throw new AppError('TOKEN_INVALID');
  const user = await usersRepository.update(deps.db, userId, { emailVerifiedAt: new Date() });
  if (!user || user.deletedAt) throw new AppError('TOKEN_INVALID');
  return user;
}

export async function resendVerification(deps: Deps, user: UserRow): Promise<void> {
  if (user.emailVerifiedAt) return;
  const token = randomToken(32);
  await deps.db.transaction(async (tx) => {
    await oneTimeTokensRepository.invalidateForUser(tx, user.id, 'verify_email');
    await oneTimeTokensRepository.insert(tx, { tokenHash: sha256(token), userId: user.id, purpose: 'verify_email', expiresAt: new Date(Date.now() + VERIFY_HOURS * 3_600_000) });
    await mailRepository.enqueue(tx, verifyEmailMail({ to: user.email, locale: user.locale, name: user.displayName, url: `${deps.config.publicUrl}/verifier-courriel?token=${token}` }));
  });
}

/** Always answers the same; only a known, active address receives a link. */
export async function requestPasswordReset(deps: Deps, email: string, meta: RequestMeta): Promise<void> {
  await hit(deps.db, LIMITS.resetPerIp, meta.ip, deps.config.rateLimits);
  await hit(deps.db, LIMITS.resetPerAddress, email, deps.config.rateLimits);
  const user = await usersRepository.findByEmail(deps.db, email);
  if (!user || user.deletedAt || user.suspendedAt) return;
  const token = randomToken(32);
  await deps.db.transaction(async (tx) => {
    await oneTimeTokensRepository.invalidateForUser(tx, user.id, 'password_reset');
    await oneTimeTokensRepository.insert(tx, { tokenHash: sha256(token), userId: user.id, purpose: 'password_reset', expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
    await mailRepository.enqueue(tx, passwordResetMail({ to: user.email, locale: user.locale, name: user.displayName, url: `${deps.config.publicUrl}/reinitialiser-mot-de-passe?token=${token}` }));
  });
}

export async function isResetTokenUsable(deps: Deps, token: string): Promise<boolean> {
  return oneTimeTokensRepository.isUsable(deps.db, sha256(token), 'password_reset');
}

/** Sets a new password from a reset link; every session and token of the account dies. */
export async function confirmPasswordReset(deps: Deps, token: string, password: string): Promise<UserRow> {
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    const userId = await oneTimeTokensRepository.consume(tx, sha256(token), 'password_reset');
    if (!userId) throw new AppError('TOKEN_INVALID');
    // The link reached the mailbox, so the address is proven too.
    const user = await usersRepository.update(tx, userId, { passwordHash, emailVerifiedAt: new Date() });
    if (!user) throw new AppError('TOKEN_INVALID');
    await sessionsRepository.deleteAllForUser(tx, userId);
    await apiTokensRepository.revokeAllForUser(tx, userId);
    await mailRepository.enqueue(tx, passwordChangedMail({ to: user.email, locale: user.locale, name: user.displayName }));
    return user;
  });
}

/** Changing the password needs the current one (re-authentication); all other sessions and every personal access token end. */
export async function changePassword(deps: Deps, userId: string, currentPassword: string, newPassword: string, meta: RequestMeta): Promise<NewSession> {
  const user = await usersRepository.findById(deps.db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  await hit(deps.db, LIMITS.loginPerAccount, user.email, deps.config.rateLimits);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw validationError({ currentPassword: { key: 'validation.wrongPassword' } });
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction(async (tx) => {
    await usersRepository.update(tx, userId, { passwordHash });
    await sessionsRepository.deleteAllForUser(tx, userId);
    // A token minted under the old password must not outlive it (ADR 0018).
    await apiTokensRepository.revokeAllForUser(tx, userId);
    await mailRepository.enqueue(tx, passwordChangedMail({ to: user.email, locale: user.locale, name: user.displayName }));
  });
  return startSession(deps, userId, meta);
}

/** Lifetimes a person may choose for a personal access token (days); every token expires. */
export type TokenLifetime = 30 | 90 | 365;
const DEFAULT_TOKEN_LIFETIME: TokenLifetime = 90;

export async function createApiToken(deps: Deps, userId: string, name: string, lifetimeDays: TokenLifetime = DEFAULT_TOKEN_LIFETIME): Promise<{ id: string; name: string; token: string; createdAt: Date; expiresAt: Date }> {
  const token = `ec_${randomToken(32)}`;
  const expiresAt = new Date(Date.now() + lifetimeDays * 86_400_000);
  const row = await apiTokensRepository.insert(deps.db, { id: newId(), userId, name, tokenHash: sha256(token), prefix: token.slice(0, 7), expiresAt });
  return { id: row.id, name: row.name, token, createdAt: row.createdAt, expiresAt };
}

export async function setLocale(deps: Deps, userId: string, locale: Locale): Promise<void> {
  await usersRepository.update(deps.db, userId, { locale });
}
