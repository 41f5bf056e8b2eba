import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { FeedCardItem } from '../social/feed.card.views.js';
import { ProjectCards } from '../projects/projects.views.js';
import type { NeighbourhoodHome, PendingPledge } from './home.neighbourhood.js';

function PledgeList({ ctx, id, title, items, empty, all }: { ctx: RequestContext; id: string; title: string; items: PendingPledge[]; empty: string; all: string }) {
  const { t, locale } = ctx;
  return (
    <section class="home-pledges" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? <p class="muted">{empty}</p> : (
        <ul class="person-list">
          {items.map((p) => (
            <li>
              <a href={p.url}>{p.needTitle}</a>{' — '}
              <span lang={p.projectLanguage && p.projectLanguage !== locale ? LOCALE_TAGS[p.projectLanguage] : undefined}>{p.projectTitle}</span>
            </li>
          ))}
        </ul>
      )}
      <p><a href={all}>{t('home.mine.allPledges')}</a></p>
    </section>
  );
}

/** The home page of a signed-in person: what happens around them, what waits on them, projects near them. */
export function NeighbourhoodPage({ ctx, data }: { ctx: RequestContext; data: NeighbourhoodHome }) {
  const { t, actor } = ctx;
  const place = data.home?.name;
  return (
    <div class="home-mine">
      <h1>{t('home.mine.title', { name: actor?.displayName ?? '' })}</h1>
      <p class="muted feed-intro">{place ? t('home.mine.intro', { name: place }) : t('home.mine.introNoPlace')}</p>
      {data.home ? null : <p class="notice">{t('home.mine.setPlace')} <a href="/moi/profil">{t('home.mine.setPlaceLink')}</a></p>}
      <div class="feed-layout">
        <section class="feed-main" aria-labelledby="home-feed-title">
          <h2 id="home-feed-title">{place ? t('home.mine.feedTitle', { name: place }) : t('home.mine.feedTitleNoPlace')}</h2>
          {data.feed.length === 0 ? <p class="muted">{t('home.mine.feedEmpty')}</p> : (
            <ol class="feed-list feed-cards" aria-labelledby="home-feed-title">
              {data.feed.map((item, i) => <FeedCardItem ctx={ctx} item={item} eager={i < 2} />)}
            </ol>
          )}
          <p><a class="button button-secondary" href="/fil">{t('home.mine.seeFeed')}</a></p>
        </section>
        <div class="feed-aside stack">
          <PledgeList ctx={ctx} id="home-to-answer" title={t('home.mine.toAnswer')} items={data.toAnswer} empty={t('home.mine.toAnswerEmpty')} all="/moi/engagements-recus" />
          <PledgeList ctx={ctx} id="home-my-pledges" title={t('home.mine.myPledges')} items={data.myOpen} empty={t('home.mine.myPledgesEmpty')} all="/moi/contributions" />
        </div>
      </div>
      {data.home ? (
        <section aria-labelledby="home-projects-title">
          <h2 id="home-projects-title">{t('home.mine.projectsTitle', { name: data.home.name })}</h2>
          {data.projects.length === 0 ? <p class="muted">{t('home.mine.projectsEmpty')}</p> : (
            <ul class="card-grid"><ProjectCards ctx={ctx} cards={data.projects} showTerritory={false} /></ul>
          )}
          <p><a href={`/territoires/${data.home.slug}`}>{t('home.mine.territoryLink', { name: data.home.name })}</a></p>
        </section>
      ) : null}
    </div>
  );
}
