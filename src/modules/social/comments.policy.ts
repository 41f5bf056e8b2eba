import type { Limit } from '../../platform/rate-limit.js';
import { isStaffServing, moderatesIn, type ScopeActor } from '../access/access.scope.js';

/** Writing comments (replies and edits included): 10 a minute and 100 an hour per person. */
export const COMMENT_LIMITS: Limit[] = [
  { name: 'comment-user-m', max: 10, windowSeconds: 60 },
  { name: 'comment-user-h', max: 100, windowSeconds: 3600 },
];
/** Reacting: 120 a minute per person (a toggle is cheap, a script hammering it is not). */
export const REACTION_LIMIT: Limit = { name: 'reaction-user', max: 120, windowSeconds: 60 };

export const COMMENT_MAX = 5000;
/** At most this many people are notified of a mention in one comment. */
const MENTION_MAX = 10;

/** Mentions start a word: `@handle` after a space, a line start or punctuation — never inside an e-mail address or a link. */
const MENTION = /(^|[^\p{L}\p{N}_@/.+-])@([a-z0-9][a-z0-9-]{2,39})(?![\p{L}\p{N}_-])/giu;

/** The distinct handles a body mentions (lower case, first occurrence first), at most `max`. */
export function parseMentions(body: string, max = MENTION_MAX): string[] {
  const found: string[] = [];
  for (const match of body.matchAll(MENTION)) {
    const handle = match[2]!.toLowerCase();
    if (!found.includes(handle)) found.push(handle);
    if (found.length >= max) break;
  }
  return found;
}

/**
 * Links `@handle` in sanitised HTML for the given handles, outside links and code. Works on the
 * text between tags only, so attributes and markup are never touched.
 */
export function linkMentions(html: string, known: ReadonlySet<string>): string {
  if (known.size === 0) return html;
  let inside = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<(a|code|pre)[\s>]/i.test(part)) inside++;
        else if (/^<\/(a|code|pre)>/i.test(part)) inside = Math.max(0, inside - 1);
        return part;
      }
      if (inside > 0) return part;
      return part.replace(MENTION, (all, lead: string, handle: string) => (known.has(handle.toLowerCase()) ? `${lead}<a href="/membres/${handle.toLowerCase()}" class="mention">@${handle}</a>` : all));
    })
    .join('');
}

/** Moderators of a project's comments: admins, and moderators or staff of a caisse serving its territory. */
export function isCommentModerator(actor: ScopeActor, servingCaisseIds: readonly string[]): boolean {
  return moderatesIn(actor, servingCaisseIds) || isStaffServing(actor, servingCaisseIds);
}

export type CommentState = { authorId: string | null; deletedAt: Date | string | null; hiddenAt: Date | string | null };

/** Who reads a hidden comment's body and the moderation reason: its author and moderators. */
export function canSeeHidden(viewerId: string | null, comment: CommentState, moderator: boolean): boolean {
  return moderator || (viewerId !== null && comment.authorId === viewerId);
}

/** A comment anyone else may read and react to: neither deleted nor hidden. */
export function isVisibleTo(viewerId: string | null, comment: CommentState, moderator: boolean): boolean {
  return comment.deletedAt === null && (comment.hiddenAt === null || canSeeHidden(viewerId, comment, moderator));
}

/** Only the author edits, and only a live comment that moderation has not hidden. */
export function canEditComment(viewerId: string | null, comment: CommentState): boolean {
  return viewerId !== null && comment.authorId === viewerId && comment.deletedAt === null && comment.hiddenAt === null;
}

/** Only the author deletes (moderators hide through the moderation module instead). */
export function canDeleteComment(viewerId: string | null, comment: CommentState): boolean {
  return viewerId !== null && comment.authorId === viewerId && comment.deletedAt === null;
}

/** Two levels only: a reply to a reply joins the thread of its top-level comment. */
export function threadRoot(parent: { id: string; parentId: string | null }): string {
  return parent.parentId ?? parent.id;
}

/** Top-level comments in their order, each with its replies oldest first. */
export function assembleThread<T extends { id: string; parentId: string | null; createdAt: Date | string }>(tops: T[], replies: T[]): (T & { replies: T[] })[] {
  const byParent = new Map<string, T[]>();
  const sorted = [...replies].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id.localeCompare(b.id));
  for (const r of sorted) if (r.parentId) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  return tops.map((t) => ({ ...t, replies: byParent.get(t.id) ?? [] }));
}

/**
 * Who hears about a new comment, each person once: mentions first, then the author of the comment
 * replied to, then the project team for a top-level comment. Never the author.
 */
export function notificationPlan(input: { authorId: string; mentioned: string[]; repliedToAuthorId: string | null; teamIds: string[]; topLevel: boolean }): { userId: string; kind: 'comment.mention' | 'comment.reply' | 'comment.new' }[] {
  const plan: { userId: string; kind: 'comment.mention' | 'comment.reply' | 'comment.new' }[] = [];
  const add = (userId: string | null, kind: 'comment.mention' | 'comment.reply' | 'comment.new') => {
    if (userId && userId !== input.authorId && !plan.some((p) => p.userId === userId)) plan.push({ userId, kind });
  };
  for (const id of input.mentioned) add(id, 'comment.mention');
  add(input.repliedToAuthorId, 'comment.reply');
  if (input.topLevel) for (const id of input.teamIds) add(id, 'comment.new');
  return plan;
}
