import type { ReportReason, ReportStatus, ReportTarget, ModerationActionKind } from './moderation.domain.js';

/** What moderation knows about a target of any type, read in one query. */
export type TargetRow = {
  type: ReportTarget;
  id: string;
  /** The people who see it even hidden and are told about actions: authors, a project's team, a board's owner, the person. */
  authorIds: string[];
  /** Who wrote it, for the queue (null once the account is gone). */
  authorName: string | null;
  authorHandle: string | null;
  territoryId: string | null;
  projectId: string | null;
  /** For a project: its status; for a board: its visibility; else null. */
  status: string | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  title: string;
  excerpt: string;
  /** For a message: its conversation and participants. */
  conversationId: string | null;
  participantIds: string[] | null;
  /** For an organisation: its slug (its page's address). */
  slug: string | null;
};

export type ReportRow = {
  id: string; reporter_id: string | null; target_type: ReportTarget; target_id: string; territory_id: string | null; reason: ReportReason; details: string;
  status: ReportStatus; resolved_by: string | null; resolved_at: Date | string | null; created_at: Date | string; cursor_at: string;
};

export type ReportGroupRow = { target_type: ReportTarget; target_id: string; reports: number; reasons: ReportReason[]; latest_at: Date | string; cursor_at: string; details: string[] };

export type ActionRow = { id: string; moderator_id: string | null; moderator_name: string | null; action: ModerationActionKind; target_type: ReportTarget; target_id: string; report_id: string | null; reason: string; created_at: Date | string };
