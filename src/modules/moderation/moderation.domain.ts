/** The moderation domain's closed sets and value types; `moderation.tables.ts` uses them and re-exports them. */
export const REPORT_TARGETS = ['project', 'comment', 'update', 'message', 'user', 'board', 'offer', 'organisation'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
export const REPORT_REASONS = ['spam', 'harassment', 'hate', 'misinformation', 'inappropriate', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const MODERATION_ACTIONS = ['hide', 'restore', 'suspend', 'unsuspend', 'dismiss'] as const;
export type ModerationActionKind = (typeof MODERATION_ACTIONS)[number];
