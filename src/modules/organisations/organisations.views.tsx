import type { RequestContext } from '../../platform/http/context.js';
import { FollowButton, followProps } from '../social/follows.views.js';
import { HiddenBanner, ReportLink } from '../moderation/moderation.views.js';
import { LOCALE_TAGS, type T } from '../../platform/i18n/i18n.js';
import { CsrfField, ErrorSummary, Field, Notice, Select, type FormErrors } from '../../platform/views/forms.js';
import { OfferCards } from '../offers/offers.views.js';
import type { OfferView } from '../offers/offers.presenter.js';
import { ORGANISATION_KINDS } from './organisations.domain.js';
import type { OrganisationPage } from './organisations.service.js';
import type { OrganisationView } from './organisations.presenter.js';
import type { ProfileExtras } from './profile.service.js';
import { ProfilePartnerSections } from './profile.views.js';
import { MembershipActions } from './members.views.js';

/** A form value as text (anything that is not text or a number shows empty). */
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale'>;
export type PlaceOption = { slug: string; name: string };

function PartnerBadge({ t }: { t: T }) {
  return <span class="badge badge-partner">{t('organisations.partner.badge')}</span>;
}

function OrganisationCard({ ctx, organisation }: { ctx: Ctx; organisation: OrganisationView }) {
  const { t } = ctx;
  return (
    <article class="card organisation-card">
      <h3><a href={`/organisations/${organisation.slug}`}>{organisation.name}</a></h3>
      <p class="muted organisation-meta">
        {t(`organisations.kind.${organisation.kind}`)}
        {organisation.territory ? <> · {organisation.territory.name}</> : null}
      </p>
      {organisation.partner ? <p><PartnerBadge t={t} /></p> : null}
      {organisation.description ? <p class="organisation-excerpt" lang={organisation.language !== ctx.locale ? LOCALE_TAGS[organisation.language] : undefined}>{excerpt(organisation.description)}</p> : null}
    </article>
  );
}

const excerpt = (text: string) => (text.length > 180 ? `${text.slice(0, 179).trimEnd()}…` : text);

export type OrganisationListData = {
  items: OrganisationView[];
  filters: { q?: string | undefined; partner?: boolean | undefined; territory?: string | undefined };
  places: PlaceOption[];
  nextHref: string | null;
};

export function OrganisationsListPage({ ctx, data }: { ctx: RequestContext; data: OrganisationListData }) {
  const { t } = ctx;
  const partner = data.filters.partner === undefined ? '' : String(data.filters.partner);
  return (
    <div class="stack organisations-page">
      <div class="page-title-row">
        <h1>{t('organisations.list.title')}</h1>
        <a class="button" href="/organisations/nouvelle">{t('organisations.list.create')}</a>
      </div>
      <p class="lead">{t('organisations.list.intro')}</p>
      <form method="get" action="/organisations" class="filters" role="search" aria-label={t('organisations.list.filters')}>
        <div class="field">
          <label for="filter-q">{t('organisations.list.q')}</label>
          <input id="filter-q" name="q" type="search" value={data.filters.q ?? ''} maxLength={120} />
        </div>
        <Select t={t} name="partner" label={t('organisations.list.partner')} value={partner} emptyLabel={t('organisations.list.allOrganisations')} options={[{ value: 'true', label: t('organisations.list.partnersOnly') }, { value: 'false', label: t('organisations.list.notPartners') }]} />
        <Select t={t} name="territory" label={t('organisations.list.territory')} value={data.filters.territory ?? ''} emptyLabel={t('organisations.list.allTerritories')} options={data.places.map((p) => ({ value: p.slug, label: p.name }))} />
        <div class="form-actions">
          <button type="submit" class="button">{t('organisations.list.apply')}</button>
          <a href="/organisations">{t('organisations.list.reset')}</a>
        </div>
      </form>
      {data.items.length === 0 ? (
        <div class="notice" role="status"><p><strong>{t('organisations.list.empty')}</strong></p></div>
      ) : (
        <ul class="card-grid">{data.items.map((o) => <li><OrganisationCard ctx={ctx} organisation={o} /></li>)}</ul>
      )}
      {data.nextHref ? <p><a class="button button-secondary" href={data.nextHref}>{t('organisations.list.more')}</a></p> : null}
    </div>
  );
}

export type MemberFormState = { values: Record<string, unknown>; errors?: FormErrors | undefined };

function MemberForm({ ctx, slug, form }: { ctx: RequestContext; slug: string; form: MemberFormState }) {
  const { t } = ctx;
  return (
    <form method="post" action={`/organisations/${slug}/membres`} class="stack organisation-member-form" id="ajouter-membre" noValidate>
      <h3>{t('organisations.members.addTitle')}</h3>
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary t={t} errors={form.errors} labels={{ handle: t('organisations.members.handle'), role: t('organisations.members.role') }} />
      <Field t={t} name="handle" label={t('organisations.members.handle')} hint={t('organisations.members.handleHint')} value={str(form.values.handle)} errors={form.errors} required maxLength={60} />
      <Select t={t} name="role" label={t('organisations.members.role')} value={str(form.values.role) || 'member'} errors={form.errors} options={(['member', 'representative'] as const).map((r) => ({ value: r, label: t(`organisations.role.${r}`) }))} />
      <div><button type="submit" class="button button-secondary">{t('organisations.members.add')}</button></div>
    </form>
  );
}

export type OrganisationProfileData = { page: OrganisationPage; offers: OfferView[]; notice?: string | undefined; memberForm: MemberFormState; extras: ProfileExtras };

export function OrganisationProfilePage({ ctx, data }: { ctx: RequestContext; data: OrganisationProfileData }) {
  const { t, fmt } = ctx;
  const { organisation: o, members, hiddenMembers, can } = data.page;
  return (
    <div class="stack organisation-page">
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      {data.page.hidden ? <HiddenBanner ctx={ctx} reason={data.page.hidden.reason} /> : null}
      <header class="stack">
        {o.logoUrl ? <img class="organisation-logo" src={o.logoUrl} alt={t('partners.fields.logoAlt', { organisation: o.name })} width={96} height={96} /> : null}
        <h1>{o.name}</h1>
        <p class="muted organisation-meta">
          {t(`organisations.kind.${o.kind}`)}
          {o.territory ? <> · <a href={`/territoires/${o.territory.slug}`}>{o.territory.name}</a></> : null}
          {o.neq ? <> · {t('partners.profile.neq', { neq: o.neq })}</> : null}
        </p>
        {data.page.follow ? <FollowButton {...followProps(ctx, data.page.follow, o.name)} /> : null}
        {data.page.report ? <p class="organisation-report"><ReportLink ctx={ctx} type="organisation" id={data.page.id} /></p> : null}
        {o.partner && o.partnerSince ? (
          <p class="organisation-partner"><span class="badge badge-partner">{t('organisations.partner.since', { date: fmt.date(new Date(o.partnerSince)) })}</span></p>
        ) : null}
        {o.website ? <p><a href={o.website} rel="nofollow ugc noopener noreferrer">{t('organisations.profile.website')}</a></p> : null}
        {can.edit || can.signCharter || can.declareCapacity || can.dashboard ? (
          <ul class="inline-list organisation-actions">
            {can.edit ? <li><a class="button button-secondary" href={`/organisations/${o.slug}/modifier`}>{t('organisations.profile.edit')}</a></li> : null}
            {can.signCharter ? <li><a class="button" href={`/organisations/${o.slug}/charte`}>{t(o.partner ? 'partners.profile.charters' : 'organisations.profile.signCharter')}</a></li> : null}
            {can.dashboard ? <li><a class="button button-secondary" href={`/organisations/${o.slug}/tableau-de-bord`}>{t('partners.dashboard.link')}</a></li> : null}
            {can.declareCapacity ? <li><a class="button button-secondary" href={`/offres/nouvelle?organisation=${o.slug}`}>{t('organisations.profile.addOffer')}</a></li> : null}
          </ul>
        ) : null}
      </header>
      {o.description ? <p class="organisation-description" lang={o.language !== ctx.locale ? LOCALE_TAGS[o.language] : undefined}>{o.description}</p> : <p class="muted">{t('organisations.profile.noDescription')}</p>}
      {!o.partner ? <p class="muted"><a href={`/organisations/${o.slug}/charte`}>{t('organisations.profile.aboutCharter')}</a></p> : null}
      <ProfilePartnerSections ctx={ctx} slug={o.slug} extras={data.extras} speaks={can.declareCapacity} />
      <section aria-labelledby="org-offers" class="stack">
        <h2 id="org-offers">{t('organisations.profile.offers')}</h2>
        {data.offers.length ? <ul class="card-grid"><OfferCards ctx={ctx} offers={data.offers} /></ul> : <p class="muted">{t('organisations.profile.noOffers')}</p>}
      </section>
      <section aria-labelledby="org-members" class="stack">
        <h2 id="org-members">{t('organisations.profile.members')}</h2>
        {members.length ? (
          <ul class="member-list">
            {members.map((m) => <li><a href={`/membres/${m.handle}`}>{m.displayName}</a> <span class="muted">— {t(`organisations.role.${m.role}`)}</span></li>)}
          </ul>
        ) : null}
        {hiddenMembers > 0 ? <p class="muted">{t('organisations.profile.hiddenMembers', { count: hiddenMembers })}</p> : null}
        {can.manageMembers ? <MemberForm ctx={ctx} slug={o.slug} form={data.memberForm} /> : null}
        {can.manageMembers ? <p><a href={`/organisations/${o.slug}/invitations`}>{t('partners.profile.invite')}</a></p> : null}
        <MembershipActions ctx={ctx} slug={o.slug} role={data.page.role} />
      </section>
    </div>
  );
}

export const kindOptions = (t: T) => ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisations.kind.${k}`) }));
