import type { Db } from '../db/client.js';
import type { Deps } from './deps.js';
import type { Actor } from './http/context.js';

/** What moderation knows about one reportable thing, whatever its type (read by its module). */
export type ReportTargetRow = {
  id: string;
  /** The people who see it even hidden and are told about actions: authors, a project's team, a board's owner, the person. */
  authorIds: string[];
  /** Who wrote it, for the queue (null once the account is gone). */
  authorName: string | null;
  authorHandle: string | null;
  territoryId: string | null;
  projectId: string | null;
  /** For a project: its status; for a board: its visibility; for an offer: its status; else null. */
  status: string | null;
  /** Hidden by moderation (for a person: suspended) since, with the reason shown to the author. */
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

/** The row a module's target query returns: the columns of ReportTargetRow in snake_case. */
export type RawReportTarget = {
  id: string; author_ids: string[] | null; author_name: string | null; author_handle: string | null; territory_id: string | null; project_id: string | null; status: string | null;
  hidden_at: Date | string | null; hidden_reason: string | null; title: string | null; excerpt: string | null; conversation_id: string | null; participant_ids: string[] | null; slug?: string | null;
};

export function toReportTargetRow(r: RawReportTarget): ReportTargetRow {
  return {
    id: r.id, authorIds: r.author_ids ?? [], authorName: r.author_name, authorHandle: r.author_handle, territoryId: r.territory_id, projectId: r.project_id, status: r.status,
    hiddenAt: r.hidden_at === null ? null : new Date(r.hidden_at), hiddenReason: r.hidden_reason, title: r.title ?? '', excerpt: r.excerpt ?? '',
    conversationId: r.conversation_id, participantIds: r.participant_ids, slug: r.slug ?? null,
  };
}

/**
 * One kind of thing people may report, declared by the module that owns it in its descriptor
 * (`reportTargets`, ADR 0011). The moderation module only iterates these: it files reports, decides
 * who may see and act, and hides, restores or suspends through them.
 */
export type ReportTargetDefinition = {
  /** The `target_type` stored on reports and moderation actions (one of moderation's REPORT_TARGETS). */
  type: string;
  /** The table holding the thing, by id. Content tables have `hidden_at` and `hidden_reason`; moderation locks the row while it acts and sets or clears those columns. */
  table: string;
  /** How moderation acts on it: content is hidden and restored; a person is suspended and reinstated. */
  effect: 'hide' | 'suspend';
  /** Reads the target by id (or the slug or handle its address uses); undefined when it does not exist. */
  find: (db: Db, id: string) => Promise<ReportTargetRow | undefined>;
  /** Whether this signed-in person can see it where it lives, moderation's hiding aside. */
  visibleTo: (deps: Pick<Deps, 'db'>, actor: Actor, target: ReportTargetRow) => Promise<boolean>;
  /** Its address (for a message, only its conversation's participants can open it). */
  url: (target: ReportTargetRow) => string;
  /** What notifications about an action on it quote: a short text (a comment, a message) by its excerpt, anything else by its title. */
  quote: 'title' | 'excerpt';
  /**
   * Feed activities (by this column) and notifications (by this `data` key) recorded under it, hidden
   * and shown again with it: everything under a project, what was published in an organisation's name.
   */
  recordsUnder?: { activities: 'project_id' | 'organisation_id'; notifications?: 'projectId' };
  /** For a person: suspends (or reinstates) the account; suspending ends their sessions at once. */
  suspend?: (tx: Db, id: string, suspended: boolean) => Promise<void>;
};

const registered = new Map<string, ReportTargetDefinition>();

/** Called once per module descriptor by the composition root; a type may be declared once. */
export function registerReportTargets(owner: string, definitions: readonly ReportTargetDefinition[]): void {
  for (const d of definitions) {
    if (registered.has(d.type)) throw new Error(`report target ${d.type} (module ${owner}) is declared twice`);
    registered.set(d.type, d);
  }
}

/** The declaration of one target type; throws for a type no module declared (a programming error). */
export function reportTarget(type: string): ReportTargetDefinition {
  const d = registered.get(type);
  if (!d) throw new Error(`no module declares the report target ${type}`);
  return d;
}

/** Every declared target type, in module order. */
export function reportTargets(): readonly ReportTargetDefinition[] {
  return [...registered.values()];
}
