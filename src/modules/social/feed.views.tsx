import type { RequestContext } from '../../platform/http/context.js';
import type { FeedItemView } from './feed.presenter.js';
import type { FeedTerritory } from './feed.service.js';
import { FeedCardItem, type CardCtx } from './feed.card.views.js';

type Ctx = CardCtx;

/** One feed item (a card); the first ones of a page load their cover eagerly. */
function FeedItem({ ctx, item, eager }: { ctx: Ctx; item: FeedItemView; eager?: boolean }) {
  return <FeedCardItem ctx={ctx} item={item} eager={eager ?? false} />;
}

/**
 * The next page: a plain link without JavaScript; with htmx the sentinel loads it when it scrolls
 * into view and replaces itself with the new items (and the next sentinel).
 */
function MoreSentinel({ ctx, href, fragmentHref }: { ctx: Ctx; href: string; fragmentHref: string }) {
  return (
    <li class="feed-more" hx-get={fragmentHref} hx-trigger="revealed" hx-swap="outerHTML">
      <a class="button button-secondary" href={href}>{ctx.t('social.feed.more')}</a>
    </li>
  );
}

/** Items of one page and the sentinel of the next: what htmx appends. */
export function FeedItems({ ctx, items, nextHref, first = false }: { ctx: Ctx; items: FeedItemView[]; nextHref: string | null; first?: boolean }) {
  return (
    <>
      {items.map((item, i) => <FeedItem ctx={ctx} item={item} eager={first && i < 2} />)}
      {nextHref ? <MoreSentinel ctx={ctx} href={nextHref} fragmentHref={nextHref} /> : null}
    </>
  );
}

function FeedList({ ctx, items, nextHref }: { ctx: Ctx; items: FeedItemView[]; nextHref: string | null }) {
  return (
    <ol class="feed-list feed-cards" aria-label={ctx.t('social.feed.label')}>
      <FeedItems ctx={ctx} items={items} nextHref={nextHref} first />
    </ol>
  );
}

function Suggestions({ ctx, hasHome }: { ctx: Ctx; hasHome: boolean }) {
  const { t } = ctx;
  return (
    <ul class="feed-suggestions">
      <li><a href="/projets">{t('social.feed.suggest.projects')}</a></li>
      <li><a href="/territoires">{t('social.feed.suggest.territories')}</a></li>
      <li><a href="/organisations">{t('social.feed.suggest.organisations')}</a></li>
      {hasHome ? null : <li><a href="/moi/profil">{t('social.feed.suggest.profile')}</a></li>}
    </ul>
  );
}

export type FeedPageData =
  | { scope: 'following'; items: FeedItemView[]; nextHref: string | null; home: FeedTerritory | null; paged: boolean }
  | { scope: 'territory'; items: FeedItemView[]; nextHref: string | null; territory: FeedTerritory; paged: boolean };

/** The side panel on wide screens (below the feed on phones): where the reader is and where to go next. */
function FeedAside({ ctx, data }: { ctx: RequestContext; data: FeedPageData }) {
  const { t } = ctx;
  const place = data.scope === 'territory' ? data.territory : data.home;
  return (
    <aside class="feed-aside stack" aria-labelledby="feed-aside-title">
      <h2 id="feed-aside-title">{t('social.feed.aside.title')}</h2>
      {place ? <p><a href={`/territoires/${place.slug}`}>{t('social.feed.aside.place', { name: place.name })}</a></p> : null}
      <Suggestions ctx={ctx} hasHome={data.scope === 'territory' || data.home !== null} />
      {ctx.actor ? <p><a href="/moi/abonnements">{t('social.feed.aside.follows')}</a></p> : null}
    </aside>
  );
}

export function FeedPage({ ctx, data }: { ctx: RequestContext; data: FeedPageData }) {
  const { t } = ctx;
  const following = data.scope === 'following';
  return (
    <div class="feed-page">
      <h1>{following ? t('social.feed.title') : t('social.feed.titleTerritory', { name: data.territory.name })}</h1>
      <p class="muted feed-intro">{following ? t('social.feed.intro') : t('social.feed.introTerritory', { name: data.territory.name })}</p>
      <div class="feed-layout">
        <div class="feed-main">
          {data.items.length === 0 ? (
            <div class="notice feed-empty" role="status">
              <p><strong>{data.paged ? t('social.feed.end') : following ? t('social.feed.emptyFollowing') : t('social.feed.emptyTerritory')}</strong></p>
              {following ? <Suggestions ctx={ctx} hasHome={data.home !== null} /> : null}
            </div>
          ) : <FeedList ctx={ctx} items={data.items} nextHref={data.nextHref} />}
        </div>
        <FeedAside ctx={ctx} data={data} />
      </div>
    </div>
  );
}

/** Signed out, no territory chosen: pick one (a plain GET form) or sign in. */
export function FeedPickerPage({ ctx, territories }: { ctx: RequestContext; territories: { slug: string; name: string }[] }) {
  const { t } = ctx;
  return (
    <div class="stack narrow feed-page">
      <h1>{t('social.feed.pickTerritory')}</h1>
      <p>{t('social.feed.pickIntro')} <a href="/connexion?retour=%2Ffil">{t('nav.signIn')}</a></p>
      <form method="get" action="/fil" class="stack feed-picker">
        <div class="field">
          <label for="territoire">{t('social.feed.territoryField')}</label>
          <select id="territoire" name="territoire">
            {territories.map((o) => <option value={o.slug}>{o.name}</option>)}
          </select>
        </div>
        <button type="submit" class="button">{t('social.feed.show')}</button>
      </form>
    </div>
  );
}

/** The latest items of a territory, on its page, with a link to its whole feed. */
export function TerritoryFeedSection({ ctx, territory, items }: { ctx: Ctx; territory: { slug: string; name: string }; items: FeedItemView[] }) {
  const { t } = ctx;
  return (
    <section class="stack territory-feed" aria-labelledby="territory-feed-title">
      <h2 id="territory-feed-title">{t('social.feed.sectionTitle', { name: territory.name })}</h2>
      {items.length === 0 ? <p class="muted">{t('social.feed.emptyTerritory')}</p> : (
        <ol class="feed-list feed-cards" aria-label={t('social.feed.label')}>
          {items.map((item) => <FeedItem ctx={ctx} item={item} />)}
        </ol>
      )}
      <p><a href={`/fil?territoire=${encodeURIComponent(territory.slug)}`}>{t('social.feed.seeAll', { name: territory.name })}</a></p>
    </section>
  );
}
