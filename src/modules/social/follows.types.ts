import type { ProfilePrivacy } from '../auth/auth.domain.js';
import type { FollowTarget } from './social.domain.js';

/** A followable thing, resolved from an id (or a handle / slug) to its id, label and state. */
export type TargetRow = { id: string; label: string; label_en: string; slug: string | null; visible: boolean; owner_id: string | null; state: string | null };
export type FollowerRow = { id: string; handle: string; display_name: string; photo_key: string | null; privacy: ProfilePrivacy; followed_at: Date; cursor_at: string };
/** One thing a person follows, with what is needed to name and link it. */
export type FollowedRow = { target_type: FollowTarget; target_id: string; followed_at: Date; cursor_at: string; label: string | null; label_en: string | null; slug: string | null };
