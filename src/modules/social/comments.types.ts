import type { CommentTarget } from './social.domain.js';

/** A comment with its author's public name (null once the account is deleted). */
export type CommentRow = {
  id: string;
  targetType: CommentTarget;
  targetId: string;
  projectId: string;
  parentId: string | null;
  authorId: string | null;
  body: string;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
  authorHandle: string | null;
  authorName: string | null;
};

export type UpdateRef = { id: string; projectId: string; title: string; authorId: string | null; hiddenAt: Date | null };
