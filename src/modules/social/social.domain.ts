/** The social domain's closed sets and value types; `social.tables.ts` uses them and re-exports them. */
export const FOLLOW_TARGETS = ['user', 'project', 'organisation', 'territory', 'board'] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];
export const ACTIVITY_KINDS = ['project_published', 'need_met', 'pledge_fulfilled', 'pledge_proposed', 'project_update', 'call_opened', 'offer_published', 'board_item_added'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const SUBJECT_TYPES = ['project', 'need', 'pledge', 'update', 'offer', 'comment', 'board', 'call', 'message', 'user'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const REACTION_TARGETS = ['project', 'update', 'comment'] as const;
export type ReactionTarget = (typeof REACTION_TARGETS)[number];
export const REACTION_KINDS = ['like', 'bravo', 'want_to_help'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const COMMENT_TARGETS = ['project', 'update'] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];
