import type { Deps } from '../../platform/deps.js';
import { AppError, type ErrorCode } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { viewableProject, type ProjectAccess } from '../projects/projects.access.js';
import { isPublicStatus } from '../projects/projects.policy.js';
import { commentsRepository, type CommentRow, type UpdateRef } from './comments.repository.js';
import { isCommentModerator, isVisibleTo } from './comments.policy.js';
import type { ReactionTarget } from './social.domain.js';

/** A public project this actor may see, and whether they moderate its conversations. */
export type Discussion = { access: ProjectAccess; moderator: boolean; viewerId: string | null };

function rethrowAs<T>(code: ErrorCode) {
  return (err: unknown): T => {
    throw err instanceof AppError && (err.code === 'PROJECT_NOT_FOUND' || err.code === 'UPDATE_NOT_FOUND') ? new AppError(code) : err;
  };
}

/**
 * Conversations happen on published, in-progress and completed projects only; a draft (even one
 * the actor may see), an archived project or a project hidden by moderation is PROJECT_NOT_FOUND.
 */
export async function discussionOn(deps: Pick<Deps, 'db'>, actor: Actor | null, projectId: string): Promise<Discussion> {
  const access = await viewableProject(deps, actor, projectId);
  const moderator = isCommentModerator(actor, access.serving.map((c) => c.id));
  if (!isPublicStatus(access.project.status)) throw new AppError('PROJECT_NOT_FOUND');
  if (access.project.hiddenAt && !moderator && access.ctx.teamRole === null) throw new AppError('PROJECT_NOT_FOUND');
  return { access, moderator, viewerId: actor?.id ?? null };
}

/** An update of a public project, visible to this actor (a hidden one only to its team and moderators). */
export async function visibleUpdate(deps: Pick<Deps, 'db'>, actor: Actor | null, updateId: string, projectId?: string): Promise<{ update: UpdateRef; discussion: Discussion }> {
  const update = await commentsRepository.findUpdate(deps.db, updateId);
  if (!update || (projectId !== undefined && update.projectId !== projectId)) throw new AppError('UPDATE_NOT_FOUND');
  const discussion = await discussionOn(deps, actor, update.projectId).catch(rethrowAs<Discussion>('UPDATE_NOT_FOUND'));
  if (update.hiddenAt && !discussion.moderator && discussion.access.ctx.teamRole === null) throw new AppError('UPDATE_NOT_FOUND');
  return { update, discussion };
}

/** A comment this actor may read: on a visible project or update, neither deleted nor hidden from them. */
export async function visibleComment(deps: Pick<Deps, 'db'>, actor: Actor | null, commentId: string): Promise<{ comment: CommentRow; discussion: Discussion }> {
  const comment = await commentsRepository.findById(deps.db, commentId);
  if (!comment) throw new AppError('COMMENT_NOT_FOUND');
  const discussion = comment.targetType === 'update'
    ? (await visibleUpdate(deps, actor, comment.targetId).catch(rethrowAs<never>('COMMENT_NOT_FOUND'))).discussion
    : await discussionOn(deps, actor, comment.projectId).catch(rethrowAs<Discussion>('COMMENT_NOT_FOUND'));
  if (!isVisibleTo(discussion.viewerId, comment, discussion.moderator)) throw new AppError('COMMENT_NOT_FOUND');
  return { comment, discussion };
}

/** What a reaction may be given to: a public project, a visible update or a visible comment. */
export async function reactionTarget(deps: Pick<Deps, 'db'>, actor: Actor | null, targetType: ReactionTarget, targetId: string): Promise<{ projectId: string }> {
  if (targetType === 'project') return { projectId: (await discussionOn(deps, actor, targetId)).access.project.id };
  if (targetType === 'update') return { projectId: (await visibleUpdate(deps, actor, targetId)).update.projectId };
  return { projectId: (await visibleComment(deps, actor, targetId)).comment.projectId };
}
