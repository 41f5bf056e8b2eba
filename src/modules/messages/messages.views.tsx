import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { CsrfField, ErrorSummary, Field, Notice, TextArea, type FormErrors } from '../../platform/views/forms.js';
import type { Blocks } from './messages.policy.js';
import type { ConversationView, MessageView } from './messages.presenter.js';
import { MESSAGE_MAX } from './messages.schemas.js';
import { HiddenBanner, ReportLink } from '../moderation/moderation.views.js';

/** A form value as text (anything that is not text or a number shows empty). */
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale' | 'csrfToken'>;
export type FormState = { values: Record<string, unknown>; errors?: FormErrors | undefined };

function Time({ ctx, at }: { ctx: Ctx; at: string }) {
  return <time datetime={at}>{ctx.fmt.dateTime(new Date(at))}</time>;
}

export function ConversationsPage({ ctx, items, nextHref }: { ctx: RequestContext; items: ConversationView[]; nextHref: string | null }) {
  const { t } = ctx;
  return (
    <div class="stack narrow messages-page">
      <h1>{t('messages.list.title')}</h1>
      {items.length === 0 ? (
        <div class="notice" role="status">
          <p><strong>{t('messages.list.empty')}</strong></p>
          <p>{t('messages.list.emptyHelp')} <a href="/offres">{t('messages.list.browseOffers')}</a></p>
        </div>
      ) : (
        <ul class="conversation-list">
          {items.map((c) => (
            <li class={`conversation${c.unreadCount ? ' conversation-unread' : ''}`}>
              <a href={`/messages/${c.id}`} class="conversation-link">
                <span class="conversation-with">{c.with?.displayName ?? t('messages.deletedAccount')}</span>
                {c.unreadCount ? <span class="badge badge-unread">{t('messages.list.unread', { count: c.unreadCount })}</span> : null}
                {c.subject ? <span class="conversation-subject">{c.subject}</span> : null}
              </a>
              {c.lastMessage ? <p class="muted conversation-excerpt">{c.lastMessage.hidden && !c.lastMessage.mine ? t('moderation.hidden.message') : c.lastMessage.mine ? t('messages.list.you', { text: c.lastMessage.excerpt }) : c.lastMessage.excerpt}</p> : null}
              <p class="muted conversation-time"><Time ctx={ctx} at={c.lastMessageAt} /></p>
            </li>
          ))}
        </ul>
      )}
      {nextHref ? <p><a class="button button-secondary" href={nextHref}>{t('messages.list.more')}</a></p> : null}
    </div>
  );
}

export function MessageItem({ ctx, message }: { ctx: Ctx; message: MessageView }) {
  const { t } = ctx;
  return (
    <li id={`m-${message.id}`} class={`message${message.mine ? ' message-mine' : ''}`}>
      <p class="message-meta">
        <strong>{message.mine ? t('messages.thread.me') : message.author?.displayName ?? t('messages.deletedAccount')}</strong> · <Time ctx={ctx} at={message.createdAt} />
        {!message.mine && !message.hidden && message.author ? <> · <ReportLink ctx={ctx} type="message" id={message.id} /></> : null}
      </p>
      {message.hidden && !message.mine ? <p class="message-body message-hidden"><em>{t('moderation.hidden.message')}</em></p> : <p class="message-body" lang={message.lang && message.lang !== ctx.locale ? LOCALE_TAGS[message.lang] : undefined}>{message.body}</p>}
      {message.hidden && message.mine ? <HiddenBanner ctx={ctx} reason={message.hidden.reason} /> : null}
    </li>
  );
}

/** The reply form: a plain POST without JavaScript; with htmx the new message is appended to the thread. */
/** Announces a sent reply; htmx fills it in place (innerHTML), so screen readers hear the change. */
export function ReplyStatus({ ctx, sent, oob }: { ctx: Ctx; sent: boolean; oob?: boolean }) {
  return <p id="reply-status" class="visually-hidden" role="status" hx-swap-oob={oob ? 'innerHTML' : undefined}>{sent ? ctx.t('messages.thread.sent') : ''}</p>;
}

export function ReplyForm({ ctx, conversationId, form, oob }: { ctx: Ctx; conversationId: string; form: FormState; oob?: boolean }) {
  const { t } = ctx;
  const action = `/messages/${conversationId}`;
  return (
    <form id="reply-form" method="post" action={action} hx-post={action} hx-target="#thread" hx-swap="beforeend" hx-swap-oob={oob ? 'true' : undefined} class="stack reply-form" noValidate>
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary t={t} errors={form.errors} labels={{ body: t('messages.fields.reply') }} />
      <TextArea t={t} name="body" label={t('messages.fields.reply')} value={str(form.values.body)} errors={form.errors} required maxLength={MESSAGE_MAX} rows={4} />
      <div class="form-actions">
        <button type="submit" class="button">{t('messages.send')}</button>
      </div>
    </form>
  );
}

function BlockControl({ ctx, conversation, blocks }: { ctx: Ctx; conversation: ConversationView; blocks: Blocks }) {
  const { t } = ctx;
  if (!conversation.with) return null;
  const name = conversation.with.displayName;
  const path = blocks.iBlocked ? 'debloquer' : 'bloquer';
  return (
    <form method="post" action={`/messages/${conversation.id}/${path}`} data-confirm={t(blocks.iBlocked ? 'messages.block.unblockConfirm' : 'messages.block.confirm', { name })} class="block-form">
      <CsrfField token={ctx.csrfToken} />
      <button type="submit" class="button button-small button-secondary">{t(blocks.iBlocked ? 'messages.block.unblock' : 'messages.block.block', { name })}</button>
    </form>
  );
}

export type ThreadData = { conversation: ConversationView; messages: MessageView[]; olderHref: string | null; blocks: Blocks; form: FormState; notice?: string | undefined };

export function ThreadPage({ ctx, data }: { ctx: RequestContext; data: ThreadData }) {
  const { t } = ctx;
  const c = data.conversation;
  const name = c.with?.displayName ?? t('messages.deletedAccount');
  return (
    <div class="stack narrow thread-page">
      <p><a href="/messages">← {t('messages.list.title')}</a></p>
      <h1>{c.subject || t('messages.thread.with', { name })}</h1>
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <p class="muted">
        {c.with ? <>{t('messages.thread.between')} <a href={`/membres/${c.with.handle}`}>{name}</a></> : name}
        {c.context ? <> · <a href={c.context.url}>{t(`messages.context.${c.context.type}`)}</a></> : null}
      </p>
      {data.olderHref ? <p><a href={data.olderHref}>{t('messages.thread.older')}</a></p> : null}
      <ol id="thread" class="thread" aria-label={t('messages.thread.label')}>
        {data.messages.map((m) => <MessageItem ctx={ctx} message={m} />)}
      </ol>
      {data.blocks.blockedMe ? <p class="notice notice-warning">{t('messages.block.blockedMe')}</p> : null}
      {data.blocks.iBlocked ? <p class="notice notice-warning">{t('messages.block.iBlocked', { name })}</p> : null}
      <ReplyStatus ctx={ctx} sent={false} />
      {!data.blocks.blockedMe && !data.blocks.iBlocked ? <ReplyForm ctx={ctx} conversationId={c.id} form={data.form} /> : null}
      <BlockControl ctx={ctx} conversation={c} blocks={data.blocks} />
    </div>
  );
}

export type NewConversationData = { values: Record<string, unknown>; errors?: FormErrors | undefined; recipient: { handle: string; displayName: string } | null };

export function NewConversationPage({ ctx, data }: { ctx: RequestContext; data: NewConversationData }) {
  const { t } = ctx;
  const v = (name: string) => str(data.values[name]);
  const labels = { to: t('messages.fields.to'), subject: t('messages.fields.subject'), body: t('messages.fields.body') };
  return (
    <div class="stack narrow">
      <h1>{data.recipient ? t('messages.new.titleTo', { name: data.recipient.displayName }) : t('messages.new.title')}</h1>
      <form method="post" action="/messages/nouveau" class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={data.errors} labels={labels} />
        <Field t={t} name="to" label={labels.to} hint={t('messages.new.toHint')} value={v('to')} errors={data.errors} required maxLength={60} />
        <Field t={t} name="subject" label={labels.subject} value={v('subject')} errors={data.errors} maxLength={200} />
        <TextArea t={t} name="body" label={labels.body} value={v('body')} errors={data.errors} required maxLength={MESSAGE_MAX} rows={6} />
        {v('contextType') ? <input type="hidden" name="contextType" value={v('contextType')} /> : null}
        {v('contextId') ? <input type="hidden" name="contextId" value={v('contextId')} /> : null}
        <div class="form-actions">
          <button type="submit" class="button">{t('messages.send')}</button>
          <a href="/messages">{t('form.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
