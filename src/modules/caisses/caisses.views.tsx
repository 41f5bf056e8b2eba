import type { ComponentChildren } from 'preact';
import type { RequestContext } from '../../platform/http/context.js';
import type { T } from '../../platform/i18n/i18n.js';
import { RolloutBadge } from '../territories/territories.views.js';
import type { TerritoryRef } from '../territories/territories.presenter.js';
import type { CaisseView } from './caisses.presenter.js';

function ServedTerritories({ t, territories }: { t: T; territories: TerritoryRef[] }) {
  if (!territories.length) return <p class="muted">{t('caisses.noTerritory')}</p>;
  return (
    <ul class="served-list">
      {territories.map((x) => (
        <li>
          <a href={`/territoires/${x.slug}`}>{x.name}</a> <RolloutBadge t={t} state={x.rolloutState} />
        </li>
      ))}
    </ul>
  );
}

/** A caisse as a card: name, description and the territories it serves with their state. */
export function CaisseCard({ t, caisse, headingLevel = 3 }: { t: T; caisse: CaisseView; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="card caisse-card">
      <Heading><a href={`/caisses/${caisse.slug}`}>{caisse.name}</a></Heading>
      {caisse.description ? <p>{caisse.description}</p> : null}
      <p class="muted card-label">{t('caisses.territoriesServed')}</p>
      <ServedTerritories t={t} territories={caisse.territories} />
    </article>
  );
}

export function CaissesPage({ ctx, caisses }: { ctx: RequestContext; caisses: CaisseView[] }) {
  const { t } = ctx;
  return (
    <section>
      <h1>{t('caisses.list.title')}</h1>
      <p class="lead">{t('caisses.list.intro')}</p>
      {caisses.length ? (
        <ul class="card-grid">
          {caisses.map((c) => <li><CaisseCard t={t} caisse={c} headingLevel={2} /></li>)}
        </ul>
      ) : (
        <p>{t('caisses.list.empty')}</p>
      )}
    </section>
  );
}

/** One caisse; `children` are the sections other modules add (team, projects, partners, delegates). */
export function CaissePage({ ctx, caisse, children }: { ctx: RequestContext; caisse: CaisseView; children?: ComponentChildren }) {
  const { t } = ctx;
  return (
    <article class="stack">
      <h1>{caisse.name}</h1>
      {caisse.description ? <p class="lead">{caisse.description}</p> : null}
      <section aria-labelledby="caisse-details">
        <h2 id="caisse-details">{t('caisses.details')}</h2>
        <dl class="caisse-details">
          {caisse.address ? (
            <>
              <dt>{t('caisses.address')}</dt>
              <dd>{caisse.address}</dd>
            </>
          ) : null}
          {caisse.website ? (
            <>
              <dt>{t('caisses.website')}</dt>
              <dd><a href={caisse.website} rel="noopener noreferrer external">{t('caisses.websiteLink', { name: caisse.name })}</a></dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="caisse-territories">
        <h2 id="caisse-territories">{t('caisses.territoriesServed')}</h2>
        <ServedTerritories t={t} territories={caisse.territories} />
      </section>
      {children}
    </article>
  );
}
