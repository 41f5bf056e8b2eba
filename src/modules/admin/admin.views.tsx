import type { ComponentChildren } from 'preact';
import type { RequestContext } from '../../platform/http/context.js';
import { Notice } from '../../platform/views/forms.js';
import { ROLLOUT_STATES } from '../territories/territories.domain.js';
import type { DashboardStats } from './admin.logs.service.js';

export type AdminSection = 'dashboard' | 'territories' | 'caisses' | 'roles' | 'outbox' | 'audit' | 'incidents' | 'requests';
const ADMIN_PATHS: Record<AdminSection, string> = {
  dashboard: '/admin', territories: '/admin/territoires', caisses: '/admin/caisses', roles: '/admin/roles', outbox: '/admin/courriels', audit: '/admin/journal',
  // The privacy register module's pages (ADR 0028).
  incidents: '/admin/confidentialite', requests: '/admin/confidentialite/demandes',
};
/** Confirmation notices after a 303 redirect (`?fait=`): a closed list, never free text from the URL. */
export const DONE_KEYS = ['created', 'saved', 'rollout', 'granted', 'unchanged', 'revoked'] as const;
export type DoneKey = (typeof DONE_KEYS)[number];

function AdminNav({ ctx, current }: { ctx: RequestContext; current: AdminSection }) {
  const { t } = ctx;
  return (
    <nav aria-label={t('admin.nav.label')} class="admin-nav">
      <ul>
        {(Object.keys(ADMIN_PATHS) as AdminSection[]).map((section) => (
          <li>
            <a href={ADMIN_PATHS[section]} aria-current={section === current ? 'page' : undefined}>{t(`admin.nav.${section}`)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The frame of every admin page: one h1, the section navigation, then the content. */
export function AdminFrame({ ctx, current, title, intro, done, children }: { ctx: RequestContext; current: AdminSection; title: string; intro?: string; done?: DoneKey | undefined; children: ComponentChildren }) {
  return (
    <section class="admin">
      <h1>{title}</h1>
      <AdminNav ctx={ctx} current={current} />
      {intro ? <p class="lead">{intro}</p> : null}
      {done ? <Notice kind="success">{ctx.t(`admin.done.${done}`)}</Notice> : null}
      {children}
    </section>
  );
}

export function Pagination({ ctx, basePath, current, next }: { ctx: RequestContext; basePath: string; current: string | undefined; next: string | null }) {
  if (!current && !next) return null;
  return (
    <nav aria-label={ctx.t('admin.pagination.label')} class="pagination">
      {current ? <a href={basePath}>{ctx.t('admin.pagination.newest')}</a> : null}
      {next ? <a href={`${basePath}?avant=${encodeURIComponent(next)}`} rel="next">{ctx.t('admin.pagination.older')}</a> : null}
    </nav>
  );
}

export function DashboardPage({ ctx, stats }: { ctx: RequestContext; stats: DashboardStats }) {
  const { t, fmt } = ctx;
  const sections: AdminSection[] = ['territories', 'caisses', 'roles', 'outbox', 'audit', 'incidents', 'requests'];
  return (
    <AdminFrame ctx={ctx} current="dashboard" title={t('admin.title')} intro={t('admin.dashboard.intro')}>
      <ul class="stats">
        <li><strong>{fmt.number(stats.people)}</strong> {t('admin.dashboard.people')}</li>
        <li><strong>{fmt.number(stats.caisses)}</strong> {t('admin.dashboard.caisses')}</li>
        <li><strong>{fmt.number(stats.mails.pending)}</strong> {t('admin.dashboard.mailsPending')}</li>
        <li><strong>{fmt.number(stats.mails.failed)}</strong> {t('admin.dashboard.mailsFailed')}</li>
      </ul>
      <h2>{t('admin.dashboard.territoriesTitle')}</h2>
      <ul class="stats">
        {ROLLOUT_STATES.map((state) => (
          <li><strong>{fmt.number(stats.territories[state])}</strong> <span class={`badge badge-${state}`}>{t(`rollout.${state}`)}</span></li>
        ))}
      </ul>
      <h2>{t('admin.dashboard.sectionsTitle')}</h2>
      <ul class="card-grid">
        {sections.map((section) => (
          <li>
            <div class="card">
              <h3><a href={ADMIN_PATHS[section]}>{t(`admin.nav.${section}`)}</a></h3>
              <p>{t(`admin.dashboard.sections.${section}`)}</p>
            </div>
          </li>
        ))}
      </ul>
    </AdminFrame>
  );
}
