import type { T } from '../../platform/i18n/i18n.js';
import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField } from '../../platform/views/forms.js';
import type { FollowedView, FollowState } from './follows.presenter.js';
import type { FollowTarget } from './social.domain.js';

export type FollowButtonProps = {
  targetType: FollowTarget;
  targetId: string;
  following: boolean;
  followers: number;
  csrf: string;
  /** Where the no-JS form comes back to (a relative path). */
  returnTo: string;
  t: T;
  /** Named in the button's accessible description ("Follow Jardin Villeray"). */
  name?: string;
  /** A visitor sees a sign-in link instead of the form. Defaults to signed in. */
  signedIn?: boolean;
  /** A confirmation read by screen readers after an htmx swap. */
  status?: string;
  /** Lists of what one follows leave the count out. Defaults to shown. */
  showCount?: boolean;
};

/** The props of a FollowButton from a page's computed follow state. */
export function followProps(ctx: Pick<RequestContext, 't' | 'csrfToken' | 'path' | 'actor'>, state: FollowState, name?: string): FollowButtonProps {
  return { targetType: state.targetType, targetId: state.targetId, following: state.following, followers: state.followers, csrf: ctx.csrfToken, returnTo: ctx.path, t: ctx.t, signedIn: ctx.actor !== null, ...(name ? { name } : {}) };
}

/**
 * Follow / unfollow: a plain POST form that comes back to `returnTo` without JavaScript; with htmx
 * the form swaps itself for the new state and keeps focus on its button (same id).
 */
export function FollowButton(p: FollowButtonProps) {
  const { t } = p;
  const count = p.showCount === false ? null : <span class="follow-count muted">{t('social.follow.followers', { count: p.followers })}</span>;
  if (p.signedIn === false) {
    return (
      <div class="follow">
        <a class="button button-secondary button-small" href={`/connexion?retour=${encodeURIComponent(p.returnTo)}`}>{t('social.follow.signInToFollow')}</a> {count}
      </div>
    );
  }
  const action = p.following ? '/suivre/retirer' : '/suivre';
  const buttonId = `follow-${p.targetType}-${p.targetId}`;
  return (
    <form method="post" action={action} class="follow" hx-post={action} hx-target="this" hx-swap="outerHTML">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="targetType" value={p.targetType} />
      <input type="hidden" name="targetId" value={p.targetId} />
      <input type="hidden" name="returnTo" value={p.returnTo} />
      {p.showCount === false ? <input type="hidden" name="compact" value="1" /> : null}
      {p.following ? <span class="follow-state">✓ {t('social.follow.following')}</span> : null}
      <button type="submit" id={buttonId} class={p.following ? 'button button-secondary button-small' : 'button button-small'} {...(p.name ? { 'aria-label': t(p.following ? 'social.follow.unfollowLabel' : 'social.follow.followLabel', { name: p.name }) } : {})}>
        {p.following ? t('social.follow.unfollow') : t('social.follow.follow')}
      </button>{' '}
      {count}
      <span class="visually-hidden" role="status">{p.status ?? ''}</span>
    </form>
  );
}

/** "Following" on the personal area: what I follow, each with its own unfollow button. */
export function FollowingSection({ ctx, items, moreHref, page = false }: { ctx: RequestContext; items: FollowedView[]; moreHref: string | null; page?: boolean }) {
  const { t } = ctx;
  const Heading = page ? 'h1' : 'h2';
  return (
    <section class={`stack following-section${page ? ' narrow' : ''}`} aria-labelledby="following-title">
      <Heading id="following-title">{t('social.mine.title')}</Heading>
      <p class="muted">{t('social.mine.intro')} <a href="/fil">{t('social.mine.feedLink')}</a></p>
      {items.length === 0 ? <p>{t('social.mine.empty')}</p> : (
        <ul class="following-list">
          {items.map((f) => (
            <li class="following-item">
              <span class="muted">{t(`social.targetType.${f.targetType}`)}</span> <a href={f.url}>{f.name}</a>
              <FollowButton targetType={f.targetType} targetId={f.targetId} following followers={0} showCount={false} csrf={ctx.csrfToken} returnTo={ctx.path} t={t} name={f.name} />
            </li>
          ))}
        </ul>
      )}
      {moreHref ? <p><a href={moreHref}>{t('social.mine.more')}</a></p> : null}
    </section>
  );
}
