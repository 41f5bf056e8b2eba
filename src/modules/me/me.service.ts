import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { audit } from '../../platform/audit.js';
import { hit, LIMITS } from '../../platform/rate-limit.js';
import { usersRepository, type NewUser, type UserRow } from '../auth/users.repository.js';
import { apiTokensRepository } from '../auth/sessions.repository.js';
import * as auth from '../auth/auth.service.js';
import { territoriesRepository } from '../territories/territories.repository.js';
import { meRepository } from './me.repository.js';
import { presentMe, presentToken, type ApiTokenView, type MeView } from './me.presenter.js';
import type { TUpdateMeBody } from './me.schemas.js';

async function activeUser(deps: Deps, userId: string): Promise<UserRow> {
  const user = await usersRepository.findById(deps.db, userId);
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED');
  return user;
}

/** The signed-in person's full view of their own account. */
export async function getMe(deps: Deps, userId: string): Promise<MeView> {
  const user = await activeUser(deps, userId);
  const territory = user.territoryId ? await territoriesRepository.findById(deps.db, user.territoryId) : undefined;
  const roles = await usersRepository.rolesOf(deps.db, user.id);
  const slugOf = await meRepository.caisseSlugs(deps.db, roles.map((r) => r.caisseId).filter((id): id is string => !!id));
  return presentMe(user, territory?.slug ?? null, roles.map((r) => ({ role: r.role, caisseSlug: r.caisseId ? (slugOf.get(r.caisseId) ?? null) : null })));
}

async function territoryIdFor(deps: Deps, slug: string | null): Promise<string | null> {
  if (slug === null) return null;
  const territory = await territoriesRepository.findBySlug(deps.db, slug);
  if (!territory || territory.kind !== 'neighbourhood') throw validationError({ territory: { key: 'validation.choice' } });
  return territory.id;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

/** Updates the listed fields of one's own profile; privacy settings merge field by field. */
export async function updateMe(deps: Deps, actor: Actor, input: TUpdateMeBody): Promise<MeView> {
  const user = await activeUser(deps, actor.id);
  const patch: Partial<NewUser> = {};
  if (input.displayName !== undefined) patch.displayName = input.displayName;
  if (input.bio !== undefined) patch.bio = input.bio;
  if (input.skills !== undefined) patch.skills = input.skills;
  if (input.interests !== undefined) patch.interests = input.interests;
  if (input.links !== undefined) patch.links = input.links;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.indexable !== undefined) patch.indexable = input.indexable;
  if (input.privacy !== undefined) patch.privacy = { ...user.privacy, ...Object.fromEntries(Object.entries(input.privacy).filter(([, v]) => v !== undefined)) };
  if (input.territory !== undefined) patch.territoryId = await territoryIdFor(deps, input.territory);
  if (input.handle !== undefined && input.handle !== user.handle) {
    if (await usersRepository.handleExists(deps.db, input.handle)) throw new AppError('HANDLE_TAKEN', { field: 'handle' });
    patch.handle = input.handle;
  }
  if (Object.keys(patch).length > 0) {
    try {
      await usersRepository.update(deps.db, user.id, patch);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('HANDLE_TAKEN', { field: 'handle' });
      throw err;
    }
    await audit(deps.db, { actorId: actor.id, action: 'profile.updated', subjectType: 'user', subjectId: user.id, data: { fields: Object.keys(patch) } });
  }
  return getMe(deps, user.id);
}

/** Sends a fresh verification link (at most a few per half hour per address). */
export async function resendVerification(deps: Deps, actor: Actor): Promise<void> {
  const user = await activeUser(deps, actor.id);
  if (user.emailVerifiedAt) return;
  await hit(deps.db, LIMITS.resetPerAddress, user.email, deps.config.rateLimits);
  await auth.resendVerification(deps, user);
}

export async function changePassword(deps: Deps, actor: Actor, input: { currentPassword: string; newPassword: string }, meta: auth.RequestMeta): Promise<auth.NewSession> {
  const session = await auth.changePassword(deps, actor.id, input.currentPassword, input.newPassword, meta);
  await audit(deps.db, { actorId: actor.id, action: 'password.changed', subjectType: 'user', subjectId: actor.id });
  return session;
}

export async function listTokens(deps: Deps, actor: Actor): Promise<ApiTokenView[]> {
  const rows = await apiTokensRepository.listForUser(deps.db, actor.id);
  return rows.map(presentToken);
}

/** A token can only be minted from a browser session: a leaked token must not breed new ones. */
export async function createToken(deps: Deps, actor: Actor, name: string, lifetimeDays?: auth.TokenLifetime): Promise<ApiTokenView & { token: string }> {
  if (actor.via !== 'session') throw new AppError('FORBIDDEN');
  const created = await auth.createApiToken(deps, actor.id, name, lifetimeDays);
  return { ...presentToken({ ...created, prefix: created.token.slice(0, 7), lastUsedAt: null }), token: created.token };
}

export async function revokeToken(deps: Deps, actor: Actor, id: string): Promise<void> {
  if (!(await apiTokensRepository.revoke(deps.db, actor.id, id))) throw new AppError('TOKEN_NOT_FOUND');
  await audit(deps.db, { actorId: actor.id, action: 'token.revoked', subjectType: 'api_token', subjectId: id });
}
