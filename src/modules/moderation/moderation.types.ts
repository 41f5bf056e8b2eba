import type { ReportTargetRow } from '../../platform/report-targets.js';
import type { ReportReason, ReportStatus, ReportTarget, ModerationActionKind } from './moderation.domain.js';

/** What moderation knows about a target of any type: the row its module reads, with its type. */
export type TargetRow = ReportTargetRow & { type: ReportTarget };

export type ReportRow = {
  id: string; reporter_id: string | null; target_type: ReportTarget; target_id: string; territory_id: string | null; reason: ReportReason; details: string;
  status: ReportStatus; resolved_by: string | null; resolved_at: Date | string | null; created_at: Date | string; cursor_at: string;
};

export type ReportGroupRow = { target_type: ReportTarget; target_id: string; reports: number; reasons: ReportReason[]; latest_at: Date | string; cursor_at: string; details: string[] };

export type ActionRow = { id: string; moderator_id: string | null; moderator_name: string | null; action: ModerationActionKind; target_type: ReportTarget; target_id: string; report_id: string | null; reason: string; created_at: Date | string };
