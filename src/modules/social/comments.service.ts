import { newId } from '../../db/ids.js';
import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { hit } from '../../platform/rate-limit.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import { discussionOn, visibleComment, visibleUpdate, type Discussion } from './comments.access.js';
import { assembleThread, COMMENT_LIMITS, isVisibleTo, notificationPlan, parseMentions, threadRoot } from './comments.policy.js';
import { commentsRepository, type CommentRow } from './comments.repository.js';
import { commentUrl, presentComment, type CommentView, type Viewer } from './comments.presenter.js';
import { reactionSummaries } from './reactions.service.js';
import { presentReactions } from './reactions.presenter.js';
import type { CommentTarget } from './social.domain.js';
import type { TCreateCommentBody, TEditCommentBody } from './comments.schemas.js';
import type { ProjectDiscussion } from './comments.views.js';

import type { CommentPage } from './comments.presenter.js';
export type { CommentPage };

function writer(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  return actor;
}

const viewerOf = (actor: Actor | null, d: Discussion): Viewer => ({ id: actor?.id ?? null, moderator: d.moderator, canWrite: actor?.emailVerified ?? false });

/** Presents rows for one viewer: mentions of live accounts linked, reactions counted, in a few queries. */
async function presentAll(deps: Pick<Deps, 'db'>, rows: CommentRow[], viewer: Viewer): Promise<Map<string, CommentView>> {
  const mentioned = [...new Set(rows.filter((r) => r.deletedAt === null).flatMap((r) => parseMentions(r.body)))];
  const [known, reactions] = await Promise.all([commentsRepository.handles(deps.db, mentioned), reactionSummaries(deps, viewer.id, 'comment', rows.map((r) => r.id))]);
  const knownHandles = new Set(known.keys());
  return new Map(rows.map((r) => [r.id, presentComment(r, viewer, knownHandles, reactions.get(r.id) ?? presentReactions('comment', r.id, undefined, undefined))]));
}

/** A page of a thread: top-level comments oldest first with their replies; deleted comments without replies are left out. */
async function threadPage(deps: Pick<Deps, 'db'>, viewer: Viewer, target: { type: CommentTarget; id: string }, limit: number, cursor?: string): Promise<CommentPage> {
  const tops = await commentsRepository.topLevel(deps.db, target.type, target.id, limit, decodeCursor(cursor));
  const result = page(tops, limit, (r) => ({ at: r.createdAt, id: r.id }));
  const replies = await commentsRepository.replies(deps.db, result.items.map((r) => r.id));
  const views = await presentAll(deps, [...result.items, ...replies], viewer);
  const threads = assembleThread(result.items, replies)
    .filter((t) => t.deletedAt === null || t.replies.length > 0)
    .map((t) => ({ ...views.get(t.id)!, replies: t.replies.map((r) => views.get(r.id)!) }));
  return { items: threads, nextCursor: result.nextCursor };
}

/** The thread of a project, or of one of its updates (`updateId`). */
export async function listComments(deps: Deps, actor: Actor | null, projectId: string, query: { updateId?: string | undefined; limit: number; cursor?: string | undefined }): Promise<CommentPage> {
  const discussion = query.updateId ? (await visibleUpdate(deps, actor, query.updateId, projectId)).discussion : await discussionOn(deps, actor, projectId);
  const target = query.updateId ? { type: 'update' as const, id: query.updateId } : { type: 'project' as const, id: projectId };
  return threadPage(deps, viewerOf(actor, discussion), target, query.limit, query.cursor);
}

/** For the project page: a thread's first page when its project's discussion is already resolved. */
async function firstPage(deps: Pick<Deps, 'db'>, actor: Actor | null, discussion: Discussion, target: { type: CommentTarget; id: string }, limit: number): Promise<CommentPage> {
  return threadPage(deps, viewerOf(actor, discussion), target, limit);
}

/** How many comments each of these updates has (for their "comments (n)" links). */
async function updateCommentCounts(deps: Pick<Deps, 'db'>, updateIds: string[]): Promise<Map<string, number>> {
  return commentsRepository.counts(deps.db, 'update', updateIds);
}

/** Mentioned people who may be told: live accounts that have not blocked the author, never the author. */
async function mentionedIds(db: Db, body: string, authorId: string): Promise<string[]> {
  const byHandle = await commentsRepository.handles(db, parseMentions(body));
  return [...byHandle.values()].filter((id) => id !== authorId);
}

async function notify(tx: Db, plan: { userId: string; kind: string }[], c: { id: string; projectId: string; projectTitle: string; authorName: string }): Promise<void> {
  for (const p of plan) {
    await notificationsRepository.insert(tx, {
      userId: p.userId,
      kind: p.kind,
      data: { commentId: c.id, projectId: c.projectId, subjectTitle: c.projectTitle, actorName: c.authorName },
      url: commentUrl(c.projectId, c.id),
      subjectType: 'comment',
      subjectId: c.id,
    });
  }
}

/**
 * Posts a comment on a project or one of its updates; a reply to a reply joins its top-level
 * thread. In the same transaction, notifies the people mentioned, the author replied to, or the
 * project team for a new top-level comment — each person once, never the author, never someone
 * who blocked them.
 */
export async function createComment(deps: Deps, actor: Actor | null, projectId: string, input: TCreateCommentBody): Promise<CommentView> {
  const me = writer(actor);
  const { discussion, target } = input.updateId
    ? await visibleUpdate(deps, me, input.updateId, projectId).then((r) => ({ discussion: r.discussion, target: { type: 'update' as const, id: r.update.id } }))
    : { discussion: await discussionOn(deps, me, projectId), target: { type: 'project' as const, id: projectId } };
  let parentId: string | null = null;
  let repliedToAuthorId: string | null = null;
  if (input.parentId) {
    const parent = await commentsRepository.findById(deps.db, input.parentId);
    if (!parent || parent.targetType !== target.type || parent.targetId !== target.id || parent.hiddenAt !== null || !isVisibleTo(me.id, parent, discussion.moderator)) {
      throw validationError({ parentId: { key: 'comments.validation.parent' } });
    }
    parentId = threadRoot(parent);
    repliedToAuthorId = parent.authorId;
  }
  for (const limit of COMMENT_LIMITS) await hit(deps.db, limit, me.id, deps.config.rateLimits);
  const mentioned = await mentionedIds(deps.db, input.body, me.id);
  const teamIds = parentId ? [] : await commentsRepository.teamIds(deps.db, projectId);
  const plan = notificationPlan({ authorId: me.id, mentioned, repliedToAuthorId, teamIds, topLevel: parentId === null });
  const reachable = await commentsRepository.reachable(deps.db, plan.map((p) => p.userId), me.id);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await commentsRepository.insert(tx, { id, targetType: target.type, targetId: target.id, projectId, parentId, authorId: me.id, body: input.body });
    await notify(tx, plan.filter((p) => reachable.has(p.userId)), { id, projectId, projectTitle: discussion.access.project.title, authorName: me.displayName });
  });
  return (await presentAll(deps, [(await commentsRepository.findById(deps.db, id))!], viewerOf(me, discussion))).get(id)!;
}

/** The author edits a live comment: the "edited" mark is set; people newly mentioned are notified. */
export async function editComment(deps: Deps, actor: Actor | null, id: string, input: TEditCommentBody): Promise<CommentView> {
  const me = writer(actor);
  const { comment, discussion } = await visibleComment(deps, me, id);
  if (comment.authorId !== me.id) throw new AppError('FORBIDDEN');
  if (comment.hiddenAt !== null) throw new AppError('FORBIDDEN');
  for (const limit of COMMENT_LIMITS) await hit(deps.db, limit, me.id, deps.config.rateLimits);
  const before = new Set(await mentionedIds(deps.db, comment.body, me.id));
  const fresh = (await mentionedIds(deps.db, input.body, me.id)).filter((u) => !before.has(u));
  const reachable = await commentsRepository.reachable(deps.db, fresh, me.id);
  await deps.db.transaction(async (tx) => {
    await commentsRepository.edit(tx, id, input.body);
    await notify(tx, fresh.filter((u) => reachable.has(u)).map((userId) => ({ userId, kind: 'comment.mention' })), { id, projectId: comment.projectId, projectTitle: discussion.access.project.title, authorName: me.displayName });
  });
  return (await presentAll(deps, [(await commentsRepository.findById(deps.db, id))!], viewerOf(me, discussion))).get(id)!;
}

/** The author deletes: a tombstone keeps the thread ("comment deleted"), replies stay. */
export async function deleteComment(deps: Deps, actor: Actor | null, id: string): Promise<{ projectId: string }> {
  const me = writer(actor);
  const { comment } = await visibleComment(deps, me, id);
  if (comment.authorId !== me.id) throw new AppError('FORBIDDEN');
  await commentsRepository.tombstone(deps.db, id);
  return { projectId: comment.projectId };
}

/** One comment as this actor sees it (for the edit page). */
export async function getComment(deps: Deps, actor: Actor | null, id: string): Promise<CommentView> {
  const { comment, discussion } = await visibleComment(deps, actor, id);
  return (await presentAll(deps, [comment], viewerOf(actor, discussion))).get(id)!;
}

const PROJECT_THREAD = 20;
const UPDATE_THREAD = 5;

/**
 * What the project page shows of its conversation: the project's reactions and first page of
 * comments, and for each update its reactions and first comments. Null when the project takes no
 * comments (a draft, an archived or hidden project).
 */
export async function projectDiscussion(deps: Pick<Deps, 'db'>, actor: Actor | null, projectId: string, updateIds: string[]): Promise<ProjectDiscussion | null> {
  const discussion = await discussionOn(deps, actor, projectId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'PROJECT_NOT_FOUND') return null;
    throw err;
  });
  if (!discussion) return null;
  const base = `/projets/${projectId}`;
  const common = { projectId, canWrite: actor?.emailVerified ?? false, signedIn: actor !== null, returnTo: base };
  const [projectReactions, updateReactions, counts, thread] = await Promise.all([
    reactionSummaries(deps, actor?.id ?? null, 'project', [projectId]),
    reactionSummaries(deps, actor?.id ?? null, 'update', updateIds),
    updateCommentCounts(deps, updateIds),
    firstPage(deps, actor, discussion, { type: 'project', id: projectId }, PROJECT_THREAD),
  ]);
  const updates: ProjectDiscussion['updates'] = {};
  for (const updateId of updateIds) {
    const count = counts.get(updateId) ?? 0;
    const page = count > 0 ? await firstPage(deps, actor, discussion, { type: 'update', id: updateId }, UPDATE_THREAD) : { items: [], nextCursor: null };
    updates[updateId] = {
      reactions: updateReactions.get(updateId)!,
      count,
      thread: { ...common, target: { type: 'update', id: updateId }, page, moreHref: page.nextCursor ? `${base}/commentaires?nouvelle=${updateId}` : null },
    };
  }
  return {
    reactions: projectReactions.get(projectId)!,
    thread: { ...common, target: { type: 'project', id: projectId }, page: thread, moreHref: thread.nextCursor ? `${base}/commentaires?cursor=${thread.nextCursor}` : null },
    updates,
    canReact: actor?.emailVerified ?? false,
    signInHref: actor ? undefined : `/connexion?retour=${encodeURIComponent(base)}`,
  };
}
