import type { RequestContext } from '../../platform/http/context.js';
import { describeQuantity } from '../pledges/pledges.quantity.js';
import { CapacityList } from './capacities.views.js';
import { PartnershipsSection } from './partners.views.js';
import type { ProfileExtras } from './profile.service.js';

/** The parts of an organisation's page about its partnerships and what it gives. */
export function ProfilePartnerSections({ ctx, slug, extras, speaks }: { ctx: RequestContext; slug: string; extras: ProfileExtras; speaks: boolean }) {
  const { t, fmt } = ctx;
  return (
    <>
      <PartnershipsSection ctx={ctx} slug={slug} items={extras.partnerships} />
      {extras.territories.length ? (
        <section aria-labelledby="org-territories" class="stack">
          <h2 id="org-territories">{t('partners.profile.territories')}</h2>
          <ul class="tag-list">{extras.territories.map((x) => <li class="tag"><a href={`/territoires/${x.slug}`}>{x.name}</a></li>)}</ul>
        </section>
      ) : null}
      <section aria-labelledby="org-projects" class="stack">
        <h2 id="org-projects">{t('partners.profile.projects')}</h2>
        {extras.projects.length ? <ul class="member-list">{extras.projects.map((p) => <li><a href={`/projets/${p.id}`}>{p.title}</a></li>)}</ul> : <p class="muted">{t('partners.profile.noProjects')}</p>}
      </section>
      <section aria-labelledby="org-pledges" class="stack">
        <h2 id="org-pledges">{t('partners.profile.pledges')}</h2>
        {extras.pledges.length ? (
          <ul class="member-list">
            {extras.pledges.map((p) => (
              <li>
                <span class="badge badge-partner">{t('pledges.onHonour')}</span>{' '}
                {t('partners.profile.pledgeLine', { need: p.needTitle, project: p.projectTitle })} <span class="muted">— {describeQuantity(t, fmt, p.unit, p.quantity)}, {t(`pledges.status.${p.status}`)}</span>
              </li>
            ))}
          </ul>
        ) : <p class="muted">{t('partners.profile.noPledges')}</p>}
      </section>
      <section aria-labelledby="org-capacities" class="stack">
        <h2 id="org-capacities">{t('partners.capacities.title')}</h2>
        <CapacityList ctx={ctx} items={extras.capacities} slug={slug} canArchive={false} />
        {speaks ? <p><a href={`/organisations/${slug}/capacites`}>{t('partners.capacities.manage')}</a></p> : null}
      </section>
    </>
  );
}
