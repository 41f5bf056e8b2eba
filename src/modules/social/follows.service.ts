import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { viewableProject } from '../projects/projects.access.js';
import { followsRepository } from './follows.repository.js';
import { presentFollowed, presentFollower, targetUrl, type FollowedView, type FollowerView, type FollowState } from './follows.presenter.js';
import type { FollowTarget } from './social.domain.js';
import type { TFollowBody } from './follows.schemas.js';

export type Target = { type: FollowTarget; id: string; name: string; url: string };

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/**
 * A thing this actor may follow (or see the followers of): it exists and they may see it. Anything
 * else — unknown, hidden by moderation, a draft they may not see, a private board — is FOLLOW_TARGET_NOT_FOUND.
 */
async function resolveTarget(deps: Pick<Deps, 'db'>, actor: Actor | null, type: FollowTarget, key: string, locale: Locale = 'fr'): Promise<Target> {
  const row = await followsRepository.target(deps.db, type, key);
  const missing = new AppError('FOLLOW_TARGET_NOT_FOUND');
  if (!row || !row.visible) throw missing;
  if (type === 'project') {
    try {
      await viewableProject(deps, actor, row.id);
    } catch (err) {
      if (err instanceof AppError && err.code === 'PROJECT_NOT_FOUND') throw missing;
      throw err;
    }
  }
  if (type === 'board' && row.state !== 'public' && row.owner_id !== actor?.id) throw missing;
  return { type, id: row.id, name: locale === 'en' ? row.label_en : row.label, url: targetUrl(type, row.id, row.slug) };
}

/** Follows a target; following it again changes nothing (`created: false`). Nobody follows themselves. */
export async function follow(deps: Pick<Deps, 'db'>, actor: Actor | null, input: TFollowBody, locale: Locale = 'fr'): Promise<{ created: boolean; target: Target; state: FollowState }> {
  const me = signedIn(actor);
  const target = await resolveTarget(deps, me, input.targetType, input.targetId, locale);
  if (target.type === 'user' && target.id === me.id) throw validationError({ targetId: { key: 'social.follow.self' } });
  const created = await followsRepository.follow(deps.db, me.id, target.type, target.id);
  return { created, target, state: { targetType: target.type, targetId: target.id, following: true, followers: await followsRepository.count(deps.db, target.type, target.id) } };
}

/** Stops following; unfollowing what one does not follow (or what is gone) is a no-op. */
export async function unfollow(deps: Pick<Deps, 'db'>, actor: Actor | null, input: TFollowBody, locale: Locale = 'fr'): Promise<{ target: Target | null; state: FollowState }> {
  const me = signedIn(actor);
  const row = await followsRepository.target(deps.db, input.targetType, input.targetId);
  const targetId = row?.id ?? input.targetId;
  await followsRepository.unfollow(deps.db, me.id, input.targetType, targetId);
  const target = row ? { type: input.targetType, id: row.id, name: locale === 'en' ? row.label_en : row.label, url: targetUrl(input.targetType, row.id, row.slug) } : null;
  return { target, state: { targetType: input.targetType, targetId, following: false, followers: await followsRepository.count(deps.db, input.targetType, targetId) } };
}

/** For pages showing a follow button: does this actor follow the target, and how many people do. */
export async function followState(deps: Pick<Deps, 'db'>, actor: { id: string } | null, targetType: FollowTarget, targetId: string): Promise<FollowState> {
  const [following, followers] = await Promise.all([
    actor ? followsRepository.isFollowing(deps.db, actor.id, targetType, targetId) : Promise.resolve(false),
    followsRepository.count(deps.db, targetType, targetId),
  ]);
  return { targetType, targetId, following, followers };
}

/** Followers of a visible target, newest first; people whose whole profile is private are counted, not listed. */
export async function listFollowers(deps: Pick<Deps, 'db'>, actor: Actor | null, type: FollowTarget, key: string, limit: number, cursor?: string): Promise<{ target: Target; items: FollowerView[]; total: number; nextCursor: string | null }> {
  const target = await resolveTarget(deps, actor, type, key);
  const [rows, total] = await Promise.all([followsRepository.followers(deps.db, target.type, target.id, limit, decodeCursor(cursor)), followsRepository.count(deps.db, target.type, target.id)]);
  const result = page(rows, limit, (r) => ({ at: r.cursor_at, id: r.id }));
  return { target, items: result.items.map((r) => presentFollower(r, actor)), total, nextCursor: result.nextCursor };
}

/** What the signed-in person follows, newest first (things since hidden or deleted are left out). */
export async function listFollowing(deps: Pick<Deps, 'db'>, actor: Actor | null, locale: Locale, limit: number, cursor?: string): Promise<{ items: FollowedView[]; nextCursor: string | null }> {
  const me = signedIn(actor);
  const rows = await followsRepository.following(deps.db, me.id, limit, decodeCursor(cursor));
  const result = page(rows, limit, (r) => ({ at: r.cursor_at, id: `${r.target_type}:${r.target_id}` }));
  return { items: result.items.map((r) => presentFollowed(r, locale)).filter((v): v is FollowedView => v !== null), nextCursor: result.nextCursor };
}
