import type { RequestContext } from '../../platform/http/context.js';
import { ImpactFigures } from '../impact/impact.views.js';
import { PLEDGE_STATUSES } from '../pledges/pledges.domain.js';
import { CapacityList } from './capacities.views.js';
import type { PartnerDashboard } from './dashboard.service.js';

/** The partner dashboard: projects supported, pledges by status, capacity used and remaining, impact. */
export function DashboardPage({ ctx, data }: { ctx: RequestContext; data: PartnerDashboard }) {
  const { t, fmt } = ctx;
  const o = data.organisation;
  return (
    <div class="stack dashboard-page">
      <p><a href={`/organisations/${o.slug}`}>← {o.name}</a></p>
      <h1>{t('partners.dashboard.title', { organisation: o.name })}</h1>
      {!o.partner ? <p class="notice">{t('partners.dashboard.notPartner')} <a href={`/organisations/${o.slug}/charte`}>{t('partners.profile.charters')}</a></p> : null}
      <section aria-labelledby="dash-pledges" class="stack">
        <h2 id="dash-pledges">{t('partners.dashboard.pledges')}</h2>
        <dl class="stat-grid">
          {PLEDGE_STATUSES.map((s) => (
            <div class="stat"><dt>{t(`pledges.status.${s}`)}</dt><dd>{fmt.number(data.pledgesByStatus[s])}</dd></div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="dash-capacities" class="stack">
        <h2 id="dash-capacities">{t('partners.dashboard.capacities')}</h2>
        <CapacityList ctx={ctx} items={data.capacities} slug={o.slug} canArchive={false} />
      </section>
      <section aria-labelledby="dash-projects" class="stack">
        <h2 id="dash-projects">{t('partners.dashboard.projects')}</h2>
        {data.projects.length ? (
          <ul class="member-list">{data.projects.map((p) => <li><a href={`/projets/${p.id}`}>{p.title}</a> <span class="muted">— {t('partners.dashboard.pledgeCount', { count: p.pledges })}</span></li>)}</ul>
        ) : <p class="muted">{t('partners.dashboard.noProjects')}</p>}
      </section>
      <ImpactFigures ctx={ctx} figures={data.impact} />
    </div>
  );
}
