import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { CsrfField } from '../../platform/views/forms.js';
import { initials } from '../people/people.views.js';
import { COMMENT_MAX } from './comments.policy.js';
import type { FeedItemView } from './feed.presenter.js';
import { ReactionsBar } from './reactions.views.js';

export type CardCtx = Pick<RequestContext, 't' | 'fmt' | 'locale' | 'csrfToken' | 'path' | 'actor'>;

/** A small round photo, or the initials when there is none (or it is not shown to this reader). */
function SmallAvatar({ name, photoUrl }: { name: string; photoUrl: string | null }) {
  if (photoUrl) return <img class="avatar avatar-small" src={photoUrl} alt="" width={40} height={40} loading="lazy" decoding="async" />;
  return <span class="avatar avatar-small" aria-hidden="true">{initials(name)}</span>;
}

/** Where the comments of an item live, and the inline form that posts there (no JavaScript needed). */
function CardComments({ ctx, item }: { ctx: CardCtx; item: FeedItemView }) {
  const { t } = ctx;
  const c = item.card.comments;
  if (!c) return null;
  const thread = `/projets/${c.projectId}/commentaires${c.updateId ? `?nouvelle=${encodeURIComponent(c.updateId)}` : ''}`;
  const fieldId = `feed-comment-${item.id}`;
  return (
    <div class="feed-comments">
      <a href={thread} class="feed-comments-link">{t('social.feed.card.comments', { count: c.count })}</a>
      {ctx.actor?.emailVerified ? (
        <details class="feed-comment-form">
          <summary>{t('social.feed.card.comment')}</summary>
          <form method="post" action={`/projets/${c.projectId}/commentaires`} class="stack">
            <CsrfField token={ctx.csrfToken} />
            {c.updateId ? <input type="hidden" name="updateId" value={c.updateId} /> : null}
            <input type="hidden" name="returnTo" value={thread} />
            <div class="field">
              <label for={fieldId}>{t('social.feed.card.commentLabel')}</label>
              <textarea id={fieldId} name="body" rows={3} required maxLength={COMMENT_MAX}></textarea>
            </div>
            <button type="submit" class="button button-small">{t('social.feed.card.send')}</button>
          </form>
        </details>
      ) : null}
    </div>
  );
}

/**
 * One feed item as a card: who and why, the cover of the project it is about, the sentence, an
 * excerpt (with its own `lang` when written in the other language), reactions and comments.
 */
export function FeedCardItem({ ctx, item, eager = false }: { ctx: CardCtx; item: FeedItemView; eager?: boolean }) {
  const { fmt } = ctx;
  const { card } = item;
  const lead = item.actors[0];
  const others = item.count > 1 && item.actors.length > 1 ? item.actors.map((a) => a.displayName).join(', ') : null;
  const lang = card.lang && card.lang !== ctx.locale ? LOCALE_TAGS[card.lang] : undefined;
  const signIn = `/connexion?retour=${encodeURIComponent(ctx.path)}`;
  return (
    <li class={`feed-item feed-card feed-${item.kind}${card.image ? ' feed-card-image' : ''}`} id={`a-${item.id}`}>
      <div class="feed-card-head">
        {lead ? <SmallAvatar name={lead.displayName} photoUrl={lead.photoUrl} /> : <span class="avatar avatar-small" aria-hidden="true">◆</span>}
        <div>
          {lead && item.count === 1 ? <p class="feed-actor"><a href={`/membres/${lead.handle}`}>{lead.displayName}</a></p> : null}
          <p class="feed-why">{item.why.url ? <a href={item.why.url}>{item.why.text}</a> : item.why.text}</p>
          <p class="feed-time muted"><time datetime={item.at}>{fmt.dateTime(new Date(item.at))}</time></p>
        </div>
      </div>
      {card.image ? (
        <a href={item.url} class="feed-card-cover" tabIndex={-1} aria-hidden="true">
          <img src={card.image.src} srcset={card.image.srcset} sizes="(min-width: 64rem) 24rem, (min-width: 40rem) 45vw, 100vw" width={card.image.width} height={card.image.height} alt="" loading={eager ? 'eager' : 'lazy'} decoding="async" />
        </a>
      ) : null}
      <p class="feed-text"><a href={item.url}>{item.text}</a></p>
      {card.summary ? <p class="feed-summary" lang={lang}>{card.summary}</p> : null}
      {others ? <p class="feed-actors muted">{others}</p> : null}
      {card.reactions || card.comments ? (
        <div class="feed-card-actions">
          {card.reactions ? <ReactionsBar ctx={ctx} summary={card.reactions} canReact={ctx.actor?.emailVerified ?? false} returnTo={ctx.path} signInHref={ctx.actor ? undefined : signIn} compact scope={`a-${item.id}`} /> : null}
          <CardComments ctx={ctx} item={item} />
        </div>
      ) : null}
    </li>
  );
}
