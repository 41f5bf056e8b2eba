import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import { photoUrl } from '../me/me.presenter.js';
import { canSeeField, viewerKind } from '../people/people.policy.js';
import { FOLLOW_TARGETS, type FollowTarget } from './social.domain.js';
import type { FollowedRow, FollowerRow } from './follows.types.js';

export const ZFollowState = z.object({
  targetType: z.enum(FOLLOW_TARGETS),
  targetId: z.string(),
  following: z.boolean(),
  followers: z.number().int(),
});
export type FollowState = z.output<typeof ZFollowState>;

export const ZFollower = z.object({ handle: z.string(), displayName: z.string(), photoUrl: z.string().nullable(), followedAt: z.string() });
export type FollowerView = z.output<typeof ZFollower>;
export const ZFollowerList = z.object({ items: z.array(ZFollower), total: z.number().int(), nextCursor: z.string().nullable() });

export const ZFollowed = z.object({ targetType: z.enum(FOLLOW_TARGETS), targetId: z.string(), name: z.string(), url: z.string(), followedAt: z.string() });
export type FollowedView = z.output<typeof ZFollowed>;
export const ZFollowedList = z.object({ items: z.array(ZFollowed), nextCursor: z.string().nullable() });

/** Where a followed thing lives on the site. */
export function targetUrl(type: FollowTarget, id: string, slug: string | null): string {
  switch (type) {
    case 'project':
      return `/projets/${id}`;
    case 'user':
      return `/membres/${slug ?? id}`;
    case 'organisation':
      return `/organisations/${slug ?? id}`;
    case 'territory':
      return `/territoires/${slug ?? id}`;
    case 'board':
      return `/tableaux/${id}`;
  }
}

/** A follower as this viewer may see them: the photo follows the person's own privacy setting. */
export function presentFollower(row: FollowerRow, viewer: { id: string } | null): FollowerView {
  const kind = viewerKind(row.id, viewer);
  return {
    handle: row.handle,
    displayName: row.display_name,
    photoUrl: canSeeField(row.privacy.photo, kind) ? photoUrl(row.photo_key) : null,
    followedAt: new Date(row.followed_at).toISOString(),
  };
}

/** A followed thing that is gone or hidden (null label) is not listed. */
export function presentFollowed(row: FollowedRow, locale: Locale): FollowedView | null {
  const name = locale === 'en' ? row.label_en : row.label;
  if (!name) return null;
  return { targetType: row.target_type, targetId: row.target_id, name, url: targetUrl(row.target_type, row.target_id, row.slug), followedAt: new Date(row.followed_at).toISOString() };
}
