import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS, type Locale, type T } from '../../platform/i18n/i18n.js';
import type { Formatters } from '../../platform/i18n/format.js';
import { CsrfField, Notice } from '../../platform/views/forms.js';
import { NEED_KINDS } from '../needs/needs.domain.js';
import type { OfferView } from './offers.presenter.js';
import { HiddenBanner, ReportLink } from '../moderation/moderation.views.js';
import type { OfferFilters } from './offers.schemas.js';

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale'>;
export type PlaceOption = { slug: string; name: string };

/** "4 h par mois", "500,00 $ par année", "1 unité" — or nothing when the offer names no amount. */
function offerAmount(t: T, fmt: Formatters, offer: Pick<OfferView, 'quantity' | 'unit' | 'period'>): string | null {
  if (offer.quantity === null) return null;
  const amount = offer.unit === 'cents' ? fmt.money(offer.quantity) : t(`offers.qty.${offer.unit}`, { count: offer.quantity, formatted: fmt.number(offer.quantity) });
  return offer.period === 'once' ? amount : t(`offers.per.${offer.period}`, { amount });
}

function By({ ctx, offer }: { ctx: Ctx; offer: OfferView }) {
  const { t } = ctx;
  if (offer.organisation) {
    return (
      <>
        <a href={`/organisations/${offer.organisation.slug}`}>{offer.organisation.name}</a>
        {offer.organisation.partner ? <> <span class="badge badge-partner">{t('organisations.partner.badge')}</span></> : null}
      </>
    );
  }
  return <a href={`/membres/${offer.owner.handle}`}>{offer.owner.displayName}</a>;
}

/** The `lang` of text written in another language than the page's (none when they match). */
const langOf = (content: Locale, page: Locale) => (content !== page ? LOCALE_TAGS[content] : undefined);

export function OfferCard({ ctx, offer }: { ctx: Ctx; offer: OfferView }) {
  const { t, fmt } = ctx;
  const amount = offerAmount(t, fmt, offer);
  return (
    <article class="card offer-card">
      <p class="offer-kind"><span class={`tag offer-kind-${offer.kind}`}>{t(`needs.kind.${offer.kind}`)}</span>{offer.status === 'paused' ? <> <span class="badge badge-paused">{t('offers.status.paused')}</span></> : null}</p>
      <h3 lang={langOf(offer.language, ctx.locale)}><a href={`/offres/${offer.id}`}>{offer.title}</a></h3>
      {amount ? <p class="offer-amount">{amount}</p> : null}
      <p class="muted offer-by">{t('offers.by')} <By ctx={ctx} offer={offer} /></p>
      {offer.territories.length ? <p class="muted offer-places">{offer.territories.map((p) => p.name).join(' · ')}</p> : null}
      {offer.skills.length ? <ul class="tag-list" aria-label={t('offers.fields.skills')}>{offer.skills.map((s) => <li class="tag">{s}</li>)}</ul> : null}
    </article>
  );
}

export function OfferCards({ ctx, offers }: { ctx: Ctx; offers: OfferView[] }) {
  return <>{offers.map((o) => <li><OfferCard ctx={ctx} offer={o} /></li>)}</>;
}

function FilterForm({ ctx, filters, places }: { ctx: Ctx; filters: OfferFilters; places: PlaceOption[] }) {
  const { t } = ctx;
  const select = (name: 'kind' | 'territory', label: string, all: string, options: { value: string; label: string }[]) => (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name}>
        <option value="">{all}</option>
        {options.map((o) => <option value={o.value} selected={filters[name] === o.value}>{o.label}</option>)}
      </select>
    </div>
  );
  return (
    <form method="get" action="/offres" class="filters" role="search" aria-label={t('offers.list.filters')}>
      <div class="field">
        <label for="filter-q">{t('offers.list.q')}</label>
        <input id="filter-q" name="q" type="search" value={filters.q ?? ''} maxLength={120} />
      </div>
      {select('kind', t('offers.list.kind'), t('offers.list.allKinds'), NEED_KINDS.map((k) => ({ value: k, label: t(`needs.kind.${k}`) })))}
      {select('territory', t('offers.list.territory'), t('offers.list.allTerritories'), places.map((p) => ({ value: p.slug, label: p.name })))}
      <div class="form-actions">
        <button type="submit" class="button">{t('offers.list.apply')}</button>
        <a href="/offres">{t('offers.list.reset')}</a>
      </div>
    </form>
  );
}

export type OfferListData = { offers: OfferView[]; mine: OfferView[]; filters: OfferFilters; places: PlaceOption[]; nextHref: string | null };

export function OffersListPage({ ctx, data }: { ctx: RequestContext; data: OfferListData }) {
  const { t } = ctx;
  const filtered = Object.values(data.filters).some((v) => v !== undefined);
  return (
    <div class="stack offers-page">
      <div class="page-title-row">
        <h1>{t('offers.list.title')}</h1>
        <a class="button" href="/offres/nouvelle">{t('offers.list.create')}</a>
      </div>
      <p class="lead">{t('offers.list.intro')}</p>
      {data.mine.length ? (
        <section aria-labelledby="my-offers" class="stack">
          <h2 id="my-offers">{t('offers.list.mine')}</h2>
          <ul class="card-grid"><OfferCards ctx={ctx} offers={data.mine} /></ul>
        </section>
      ) : null}
      <FilterForm ctx={ctx} filters={data.filters} places={data.places} />
      <section aria-labelledby="offer-results" class="stack">
        <h2 id="offer-results">{t('offers.list.results')}</h2>
        {data.offers.length === 0 ? (
          <div class="notice" role="status">
            <p><strong>{t('offers.list.empty')}</strong></p>
            <p>{filtered ? <a href="/offres">{t('offers.list.reset')}</a> : <a href="/offres/nouvelle">{t('offers.list.emptyCreate')}</a>}</p>
          </div>
        ) : (
          <ul class="card-grid"><OfferCards ctx={ctx} offers={data.offers} /></ul>
        )}
        {data.nextHref ? <p><a class="button button-secondary" href={data.nextHref}>{t('offers.list.more')}</a></p> : null}
      </section>
    </div>
  );
}

export type OfferPageData = { offer: OfferView; can: { edit: boolean; contact: boolean; report: boolean }; hidden: { reason: string | null } | null; notice?: string | undefined; csrfToken: string };

export function OfferPage({ ctx, data }: { ctx: RequestContext; data: OfferPageData }) {
  const { t, fmt } = ctx;
  const o = data.offer;
  const amount = offerAmount(t, fmt, o);
  return (
    <article class="stack offer-page narrow">
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <p><a href="/offres">← {t('offers.list.title')}</a></p>
      {data.hidden ? <HiddenBanner ctx={ctx} reason={data.hidden.reason} /> : null}
      <h1 lang={langOf(o.language, ctx.locale)}>{o.title}</h1>
      <p class="muted">{t('offers.by')} <By ctx={ctx} offer={o} /></p>
      {o.status === 'paused' ? <p class="notice notice-warning">{t('offers.pausedNotice')}</p> : null}
      {o.description ? <p class="offer-description" lang={langOf(o.language, ctx.locale)}>{o.description}</p> : null}
      <dl class="offer-details">
        <dt>{t('offers.fields.kind')}</dt><dd>{t(`needs.kind.${o.kind}`)}</dd>
        {amount ? <><dt>{t('offers.fields.quantity')}</dt><dd>{amount}</dd></> : null}
        <dt>{t('offers.fields.territories')}</dt>
        <dd>{o.territories.length ? o.territories.map((p) => p.name).join(' · ') : t('offers.noTerritory')}</dd>
        {o.skills.length ? <><dt>{t('offers.fields.skills')}</dt><dd><ul class="tag-list">{o.skills.map((s) => <li class="tag">{s}</li>)}</ul></dd></> : null}
        {o.availability ? <><dt>{t('offers.fields.availability')}</dt><dd>{o.availability}</dd></> : null}
      </dl>
      <ul class="inline-list offer-actions">
        {data.can.contact ? <li><a class="button" href={`/messages/nouveau?a=${encodeURIComponent(o.owner.handle)}`}>{t('offers.contact')}</a></li> : null}
        {data.can.edit ? <li><a class="button button-secondary" href={`/offres/${o.id}/modifier`}>{t('offers.edit')}</a></li> : null}
        {data.can.edit ? (
          <li>
            <form method="post" action={`/offres/${o.id}/supprimer`} data-confirm={t('offers.deleteConfirm', { title: o.title })}>
              <CsrfField token={data.csrfToken} />
              <button type="submit" class="button button-danger">{t('offers.delete')}</button>
            </form>
          </li>
        ) : null}
      </ul>
      {data.can.report ? <p class="offer-report"><ReportLink ctx={ctx} type="offer" id={o.id} /></p> : null}
    </article>
  );
}
