import { z } from 'zod';
import { COMMENT_TARGETS } from './social.domain.js';
import { canDeleteComment, canEditComment, canSeeHidden } from './comments.policy.js';
import type { CommentRow } from './comments.types.js';
import { renderComment } from './comments.markdown.js';
import { ZReactionSummary, type ReactionSummary } from './reactions.presenter.js';

const ZPersonRef = z.object({ handle: z.string(), displayName: z.string() });

export const ZComment = z.object({
  id: z.string(),
  targetType: z.enum(COMMENT_TARGETS),
  targetId: z.string(),
  projectId: z.string(),
  /** The top-level comment this one answers (two levels only), or null. */
  parentId: z.string().nullable(),
  /** Null for a deleted comment or a deleted account. */
  author: ZPersonRef.nullable(),
  /** `visible`; `deleted` (a tombstone: no body); `hidden` by moderation (body and reason for its author and moderators only). */
  state: z.enum(['visible', 'deleted', 'hidden']),
  /** The Markdown source, or null when the caller may not read it. */
  body: z.string().nullable(),
  /** Sanitised HTML of the body (mentions linked), or null. */
  bodyHtml: z.string().nullable(),
  hiddenReason: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  url: z.string(),
  mine: z.boolean(),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), reply: z.boolean(), report: z.boolean() }),
  reactions: ZReactionSummary,
});
export type CommentView = z.output<typeof ZComment>;
export const ZCommentThread = ZComment.extend({ replies: z.array(ZComment) });
export type CommentThreadView = z.output<typeof ZCommentThread>;
export const ZCommentList = z.object({ items: z.array(ZCommentThread), nextCursor: z.string().nullable() });

export type Viewer = { id: string | null; moderator: boolean; canWrite: boolean };

export const commentUrl = (projectId: string, commentId: string) => `/projets/${projectId}#commentaire-${commentId}`;

export function presentComment(row: CommentRow, viewer: Viewer, known: ReadonlySet<string>, reactions: ReactionSummary): CommentView {
  const deleted = row.deletedAt !== null;
  const hidden = !deleted && row.hiddenAt !== null;
  const readable = !deleted && (!hidden || canSeeHidden(viewer.id, row, viewer.moderator));
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: row.targetId,
    projectId: row.projectId,
    parentId: row.parentId,
    author: !deleted && row.authorHandle && row.authorName ? { handle: row.authorHandle, displayName: row.authorName } : null,
    state: deleted ? 'deleted' : hidden ? 'hidden' : 'visible',
    body: readable ? row.body : null,
    bodyHtml: readable ? renderComment(row.body, known) : null,
    hiddenReason: hidden && readable ? (row.hiddenReason ?? '') : null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt && !deleted ? row.editedAt.toISOString() : null,
    url: commentUrl(row.projectId, row.id),
    mine: viewer.id !== null && row.authorId === viewer.id,
    can: { edit: canEditComment(viewer.id, row), delete: canDeleteComment(viewer.id, row), reply: viewer.canWrite && !deleted && !hidden, report: viewer.id !== null && row.authorId !== viewer.id && !deleted && !hidden },
    reactions,
  };
}

/** One page of top-level comments with their replies. */
export type CommentPage = { items: CommentThreadView[]; nextCursor: string | null };
