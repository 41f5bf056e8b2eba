import type { RequestContext } from '../../platform/http/context.js';
import type { T } from '../../platform/i18n/i18n.js';
import { RolloutBadge, TerritoryCard } from '../territories/territories.views.js';
import type { TerritoryView } from '../territories/territories.presenter.js';
import { CaisseCard } from '../caisses/caisses.views.js';
import type { HomeView } from './home.presenter.js';
import { RolloutMapSection } from '../territories/territories.map.views.js';

function Hero({ ctx }: { ctx: RequestContext }) {
  const { t, actor } = ctx;
  return (
    <section class="hero" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.hero.title')}</h1>
      <p class="lead">{t('home.hero.lead')}</p>
      <p class="hero-actions">
        {actor ? <a class="button" href="/moi">{t('home.hero.myPage')}</a> : <a class="button" href="/inscription">{t('home.hero.signUp')}</a>}
        <a class="button button-secondary" href="/territoires">{t('home.hero.seeTerritories')}</a>
      </p>
    </section>
  );
}

function HowItWorks({ t }: { t: T }) {
  const steps = [1, 2, 3] as const;
  return (
    <section aria-labelledby="how-title">
      <h2 id="how-title">{t('home.how.title')}</h2>
      <ol class="steps">
        {steps.map((n) => (
          <li class="card">
            <h3>{t(`home.how.step${n}Title`)}</h3>
            <p>{t(`home.how.step${n}`)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function NextWaves({ t, territories }: { t: T; territories: TerritoryView[] }) {
  return (
    <section aria-labelledby="waves-title">
      <h2 id="waves-title">{t('home.nextWaves.title')}</h2>
      <p>{t('home.nextWaves.intro')}</p>
      {territories.length ? (
        <ul class="wave-list">
          {territories.map((x) => (
            <li>
              <a href={`/territoires/${x.slug}`}>{x.name}</a> <RolloutBadge t={t} state={x.rolloutState} />{' '}
              <a class="button button-small button-secondary" href={`/territoires/${x.slug}#liste-attente`}>
                {t('home.nextWaves.join')}<span class="visually-hidden"> — {x.name}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('home.nextWaves.empty')}</p>
      )}
    </section>
  );
}

export function HomePage({ ctx, home }: { ctx: RequestContext; home: HomeView }) {
  const { t } = ctx;
  return (
    <>
      <Hero ctx={ctx} />
      <section aria-labelledby="pilot-title">
        <h2 id="pilot-title">{t('home.pilot.title')}</h2>
        <p>{t('home.pilot.intro')}</p>
        {home.active.length ? (
          <ul class="card-grid">
            {home.active.map((x) => <li><TerritoryCard t={t} territory={x} /></li>)}
          </ul>
        ) : (
          <p class="muted">{t('home.pilot.empty')}</p>
        )}
      </section>
      {home.map ? <RolloutMapSection ctx={ctx} map={home.map} /> : null}
      <section aria-labelledby="caisses-title">
        <h2 id="caisses-title">{t('home.caisses.title')}</h2>
        <p>{t('home.caisses.intro')}</p>
        <ul class="card-grid">
          {home.caisses.map((c) => <li><CaisseCard t={t} caisse={c} /></li>)}
        </ul>
        <p><a href="/caisses">{t('home.caisses.all')}</a></p>
      </section>
      <HowItWorks t={t} />
      <NextWaves t={t} territories={home.nextWaves} />
    </>
  );
}
