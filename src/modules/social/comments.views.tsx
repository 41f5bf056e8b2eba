import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, Notice, type FormErrors } from '../../platform/views/forms.js';
import type { CommentThreadView, CommentView } from './comments.presenter.js';
import type { CommentPage } from './comments.presenter.js';
import { COMMENT_MAX } from './comments.policy.js';
import { ReactionsBar } from './reactions.views.js';
import { ReportLink } from '../moderation/moderation.views.js';
import type { ReactionSummary } from './reactions.presenter.js';
import type { CommentTarget } from './social.domain.js';

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale' | 'csrfToken' | 'path'>;

/** Which form failed (`new`, `reply-<id>`, `edit-<id>`), with what was typed and why. */
export type CommentFormState = { scope: string; values: Record<string, unknown>; errors?: FormErrors | undefined };

export type ThreadData = {
  projectId: string;
  target: { type: CommentTarget; id: string };
  page: CommentPage;
  /** The next page of top-level comments (a plain link). */
  moreHref: string | null;
  /** Signed in with a verified address. */
  canWrite: boolean;
  signedIn: boolean;
  /** Where forms come back to after posting (this page's path, without its anchor). */
  returnTo: string;
  form?: CommentFormState | undefined;
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');
export const commentAnchor = (id: string) => `commentaire-${id}`;

function BodyField({ ctx, id, label, value, error, hint }: { ctx: Ctx; id: string; label: string; value: string; error?: FormErrors[string] | undefined; hint: boolean }) {
  const { t } = ctx;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{t('comments.hint')}</p> : null}
      <textarea id={id} name="body" rows={4} required maxLength={COMMENT_MAX} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy}>{value}</textarea>
      {error ? <p class="field-error" id={`${id}-error`}>{t(error.key, error.params)}</p> : null}
    </div>
  );
}

function CommentForm({ ctx, scope, action, label, submit, hidden, state, initial = '', hint = true }: { ctx: Ctx; scope: string; action: string; label: string; submit: string; hidden: Record<string, string>; state?: CommentFormState | undefined; initial?: string; hint?: boolean }) {
  const mine = state?.scope === scope ? state : undefined;
  const id = `comment-body-${scope}`;
  const errors = mine?.errors ? Object.entries(mine.errors) : [];
  return (
    <form method="post" action={action} class="stack comment-form" novalidate>
      <CsrfField token={ctx.csrfToken} />
      {errors.length ? (
        <div class="error-summary" role="alert" tabIndex={-1} id="error-summary">
          <h2>{ctx.t('form.errorSummary', { count: errors.length })}</h2>
          <ul>{errors.map(([, issue]) => <li><a href={`#${id}`}>{label}</a> — {ctx.t(issue.key, issue.params)}</li>)}</ul>
        </div>
      ) : null}
      {Object.entries(hidden).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
      <BodyField ctx={ctx} id={id} label={label} value={mine ? str(mine.values.body) : initial} error={mine?.errors?.body ?? mine?.errors?.parentId ?? mine?.errors?._} hint={hint} />
      <div class="form-actions"><button type="submit" class="button button-small">{submit}</button></div>
    </form>
  );
}

function Meta({ ctx, c }: { ctx: Ctx; c: CommentView }) {
  const { t, fmt } = ctx;
  return (
    <p class="comment-meta">
      {c.author ? <a href={`/membres/${c.author.handle}`} class="comment-author">{c.author.displayName}</a> : <span class="comment-author muted">{c.state === 'deleted' ? t('comments.deletedTitle') : t('comments.deletedAccount')}</span>}
      {' · '}
      <a href={`#${commentAnchor(c.id)}`} class="comment-time"><time datetime={c.createdAt}>{fmt.dateTime(new Date(c.createdAt))}</time></a>
      {c.editedAt ? <> · <span class="comment-edited" title={fmt.dateTime(new Date(c.editedAt))}>{t('comments.edited')}</span></> : null}
      {c.can.report ? <> · <ReportLink ctx={ctx} type="comment" id={c.id} /></> : null}
    </p>
  );
}

function Body({ ctx, c }: { ctx: Ctx; c: CommentView }) {
  const { t } = ctx;
  if (c.state === 'deleted') return <p class="comment-placeholder muted">{t('comments.deleted')}</p>;
  if (c.state === 'hidden' && c.bodyHtml === null) return <p class="comment-placeholder muted">{t('comments.hidden')}</p>;
  return (
    <>
      {c.state === 'hidden' ? <p class="notice notice-warning comment-hidden-note">{t('comments.hiddenForYou', { reason: c.hiddenReason || t('comments.noReason') })}</p> : null}
      <div class="prose comment-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml ?? '' }} />
    </>
  );
}

function CommentItem({ ctx, c, data }: { ctx: Ctx; c: CommentView; data: ThreadData }) {
  const { t } = ctx;
  const form = data.form;
  const live = c.state !== 'deleted';
  return (
    <article class={`comment comment-${c.state}`} aria-labelledby={`${commentAnchor(c.id)}-by`}>
      <span id={`${commentAnchor(c.id)}-by`} class="visually-hidden">{t('comments.by', { name: c.author?.displayName ?? t('comments.deletedAccount') })}</span>
      <Meta ctx={ctx} c={c} />
      <Body ctx={ctx} c={c} />
      {live && c.state === 'visible' ? <ReactionsBar ctx={ctx} summary={c.reactions} canReact={data.canWrite} returnTo={data.returnTo} compact /> : null}
      {live && (c.can.reply || c.can.edit || c.can.delete) ? (
        <div class="comment-actions">
          {c.can.reply ? (
            <details class="comment-disclosure" open={form?.scope === `reply-${c.id}`}>
              <summary>{t('comments.reply')}</summary>
              <CommentForm ctx={ctx} scope={`reply-${c.id}`} action={`/projets/${data.projectId}/commentaires`} label={t('comments.fields.reply', { name: c.author?.displayName ?? t('comments.deletedAccount') })} submit={t('comments.replySubmit')} hidden={{ parentId: c.id, ...(data.target.type === 'update' ? { updateId: data.target.id } : {}), returnTo: data.returnTo }} state={form} hint={false} />
            </details>
          ) : null}
          {c.can.edit ? (
            <details class="comment-disclosure" open={form?.scope === `edit-${c.id}`}>
              <summary>{t('comments.edit')}</summary>
              <CommentForm ctx={ctx} scope={`edit-${c.id}`} action={`/commentaires/${c.id}/modifier`} label={t('comments.fields.edit')} submit={t('comments.save')} hidden={{ returnTo: data.returnTo }} initial={c.body ?? ''} state={form} />
            </details>
          ) : null}
          {c.can.delete ? (
            <form method="post" action={`/commentaires/${c.id}/supprimer`} data-confirm={t('comments.deleteConfirm')} class="comment-delete">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="returnTo" value={data.returnTo} />
              <button type="submit" class="link-button">{t('comments.delete')}</button>
            </form>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function ThreadItem({ ctx, thread, data }: { ctx: Ctx; thread: CommentThreadView; data: ThreadData }) {
  const { replies, ...top } = thread;
  return (
    <li id={commentAnchor(top.id)} class="comment-thread">
      <CommentItem ctx={ctx} c={top} data={data} />
      {replies.length ? (
        <ol class="comment-replies" aria-label={ctx.t('comments.repliesLabel', { name: top.author?.displayName ?? ctx.t('comments.deletedTitle') })}>
          {replies.map((r) => <li id={commentAnchor(r.id)}><CommentItem ctx={ctx} c={r} data={data} /></li>)}
        </ol>
      ) : null}
    </li>
  );
}

/** A thread with its new-comment form (or a sign-in link), the empty state and the next-page link. */
function CommentThread({ ctx, data, emptyText = true }: { ctx: Ctx; data: ThreadData; emptyText?: boolean }) {
  const { t } = ctx;
  const scope = `new-${data.target.id}`;
  const signIn = `/connexion?retour=${encodeURIComponent(`${data.returnTo}#commentaires-${data.target.id}`)}`;
  return (
    <div class="comments" id={`commentaires-${data.target.id}`}>
      {data.page.items.length === 0 ? (emptyText ? <p class="muted comments-empty">{t('comments.empty')}</p> : null) : (
        <ol class="comment-list">
          {data.page.items.map((thread) => <ThreadItem ctx={ctx} thread={thread} data={data} />)}
        </ol>
      )}
      {data.moreHref ? <p><a href={data.moreHref} class="button button-secondary button-small">{t('comments.more')}</a></p> : null}
      {data.canWrite ? (
        <CommentForm ctx={ctx} scope={scope} action={`/projets/${data.projectId}/commentaires`} label={data.target.type === 'update' ? t('comments.fields.onUpdate') : t('comments.fields.body')} submit={t('comments.submit')} hidden={{ ...(data.target.type === 'update' ? { updateId: data.target.id } : {}), returnTo: data.returnTo }} state={data.form} />
      ) : data.signedIn ? (
        <p class="muted">{t('comments.verify')}</p>
      ) : (
        <p><a href={signIn}>{t('comments.signIn')}</a></p>
      )}
    </div>
  );
}

export type CommentsPageData = ThreadData & { projectTitle: string; updateTitle: string | null; notice?: string | undefined };

/** The whole thread of a project or update on its own page (pagination, and forms that failed). */
export function CommentsPage({ ctx, data }: { ctx: RequestContext; data: CommentsPageData }) {
  const { t } = ctx;
  return (
    <div class="stack narrow comments-page">
      <p><a href={`/projets/${data.projectId}`}>← {t('comments.back', { title: data.projectTitle })}</a></p>
      <h1>{data.updateTitle ? t('comments.page.updateTitle', { title: data.updateTitle }) : t('comments.page.title', { title: data.projectTitle })}</h1>
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <CommentThread ctx={ctx} data={data} />
    </div>
  );
}

/** Editing one's comment without JavaScript (the inline form's page twin). */
export function EditCommentPage({ ctx, comment, form, returnTo }: { ctx: RequestContext; comment: CommentView; form?: CommentFormState | undefined; returnTo: string }) {
  const { t } = ctx;
  return (
    <div class="stack narrow comments-page">
      <p><a href={`${returnTo}#${commentAnchor(comment.id)}`}>← {t('form.cancel')}</a></p>
      <h1>{t('comments.editTitle')}</h1>
      <CommentForm ctx={ctx} scope={`edit-${comment.id}`} action={`/commentaires/${comment.id}/modifier`} label={t('comments.fields.edit')} submit={t('comments.save')} hidden={{ returnTo }} initial={comment.body ?? ''} state={form} />
    </div>
  );
}

/** The project page's share of the conversation (built by `projectDiscussion`). */
export type ProjectDiscussion = {
  reactions: ReactionSummary;
  thread: ThreadData;
  updates: Record<string, { reactions: ReactionSummary; count: number; thread: ThreadData }>;
  canReact: boolean;
  signInHref: string | undefined;
};

/** Under the project's header: its reactions. */
export function ProjectReactions({ ctx, discussion }: { ctx: Ctx; discussion: ProjectDiscussion | null | undefined }) {
  if (!discussion) return null;
  return <ReactionsBar ctx={ctx} summary={discussion.reactions} canReact={discussion.canReact} returnTo={discussion.thread.returnTo} signInHref={discussion.signInHref} />;
}

/** Under one update: its reactions and its comments (the form folded away until asked for). */
export function UpdateDiscussion({ ctx, discussion, updateId }: { ctx: Ctx; discussion: ProjectDiscussion | null | undefined; updateId: string }) {
  const part = discussion?.updates[updateId];
  if (!discussion || !part) return null;
  const { t } = ctx;
  const failed = part.thread.form !== undefined;
  return (
    <div class="update-discussion">
      <ReactionsBar ctx={ctx} summary={part.reactions} canReact={discussion.canReact} returnTo={part.thread.returnTo} compact />
      {part.count > 0 ? (
        <section class="update-comments" aria-label={t('comments.onUpdate', { count: part.count })}>
          <h4 class="update-comments-title">{t('comments.onUpdate', { count: part.count })}</h4>
          <CommentThread ctx={ctx} data={part.thread} emptyText={false} />
        </section>
      ) : (
        <details class="comment-disclosure update-comments" open={failed}>
          <summary>{t('comments.commentUpdate')}</summary>
          <CommentThread ctx={ctx} data={part.thread} emptyText={false} />
        </details>
      )}
    </div>
  );
}

/** The project's comments section. */
export function ProjectComments({ ctx, discussion }: { ctx: Ctx; discussion: ProjectDiscussion | null | undefined }) {
  if (!discussion) return null;
  const { t } = ctx;
  return (
    <section aria-labelledby="project-comments" id="commentaires" class="project-comments">
      <h2 id="project-comments">{t('comments.title')}</h2>
      <CommentThread ctx={ctx} data={discussion.thread} />
    </section>
  );
}
