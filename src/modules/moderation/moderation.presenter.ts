import { z } from 'zod';
import { reportTarget } from '../../platform/report-targets.js';
import { MODERATION_ACTIONS, REPORT_REASONS, REPORT_STATUSES, REPORT_TARGETS } from './moderation.domain.js';
import type { ActionRow, ReportRow, TargetRow } from './moderation.types.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
export const excerptOf = (text: string, max = 280) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

/** Where a target lives, as its module says (a message's address only opens for its conversation's participants). */
export function targetUrl(t: TargetRow): string {
  return reportTarget(t.type).url(t);
}

export const ZTargetSummary = z.object({
  type: z.enum(REPORT_TARGETS),
  id: z.string(),
  title: z.string(),
  excerpt: z.string(),
  url: z.string(),
  author: z.object({ handle: z.string(), displayName: z.string() }).nullable(),
  /** Hidden (or, for a person, suspended) with the reason shown to the author. */
  hidden: z.object({ at: z.string(), reason: z.string() }).nullable(),
});
export type TargetSummary = z.output<typeof ZTargetSummary>;

export function presentTarget(t: TargetRow): TargetSummary {
  return {
    type: t.type,
    id: t.id,
    title: t.title,
    excerpt: excerptOf(t.excerpt),
    url: targetUrl(t),
    author: t.authorHandle && t.authorName ? { handle: t.authorHandle, displayName: t.authorName } : null,
    hidden: t.hiddenAt ? { at: t.hiddenAt.toISOString(), reason: t.hiddenReason ?? '' } : null,
  };
}

export const ZReport = z.object({
  id: z.string(),
  targetType: z.enum(REPORT_TARGETS),
  targetId: z.string(),
  reason: z.enum(REPORT_REASONS),
  details: z.string(),
  status: z.enum(REPORT_STATUSES),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type ReportView = z.output<typeof ZReport>;

export function presentReport(r: ReportRow): ReportView {
  return { id: r.id, targetType: r.target_type, targetId: r.target_id, reason: r.reason, details: r.details, status: r.status, createdAt: iso(r.created_at)!, resolvedAt: iso(r.resolved_at) };
}

/** A report in the queue, with what it is about (null when the target no longer exists). */
export const ZQueuedReport = ZReport.extend({ target: ZTargetSummary.nullable() });
export type QueuedReportView = z.output<typeof ZQueuedReport>;
export const ZReportList = z.object({ items: z.array(ZQueuedReport), nextCursor: z.string().nullable() });

export const ZModerationAction = z.object({
  id: z.string(),
  action: z.enum(MODERATION_ACTIONS),
  targetType: z.enum(REPORT_TARGETS),
  targetId: z.string(),
  reason: z.string(),
  reportId: z.string().nullable(),
  moderator: z.string().nullable(),
  createdAt: z.string(),
});
export type ModerationActionView = z.output<typeof ZModerationAction>;

export function presentAction(a: ActionRow): ModerationActionView {
  return { id: a.id, action: a.action, targetType: a.target_type, targetId: a.target_id, reason: a.reason, reportId: a.report_id, moderator: a.moderator_name, createdAt: iso(a.created_at)! };
}

export const ZActionResult = ZModerationAction.extend({ reportsResolved: z.number().int() });
