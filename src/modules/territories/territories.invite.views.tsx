import type { RequestContext } from '../../platform/http/context.js';

/** A tampered or expired invitation link: say so, and offer the territory and sign-up anyway. */
export function InviteInvalidPage({ ctx, slug, name }: { ctx: RequestContext; slug: string; name: string }) {
  const { t } = ctx;
  return (
    <section class="stack narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">{t('territories.invite.invalidTitle')}</h1>
      <p>{t('territories.invite.invalidBody')}</p>
      <p>
        <a class="button" href={`/inscription?territoire=${encodeURIComponent(slug)}`}>{t('territories.invite.signUpAnyway')}</a>{' '}
        <a class="button button-secondary" href={`/territoires/${slug}`}>{name}</a>
      </p>
    </section>
  );
}
