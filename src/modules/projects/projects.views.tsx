import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { NeedChips } from '../needs/needs.views.js';
import { NEED_KINDS } from '../needs/needs.domain.js';
import { PROJECT_CATEGORIES } from './projects.domain.js';
import { PUBLIC_STATUSES } from './projects.policy.js';
import type { ProjectCardView } from './projects.presenter.js';
import type { ProjectFilters } from './projects.schemas.js';
import type { PlaceOption } from './projects.service.js';

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale'>;
const CARD_SIZES = '(min-width: 72rem) 17rem, (min-width: 36rem) 50vw, 100vw';

export function StatusBadge({ ctx, status }: { ctx: Ctx; status: ProjectCardView['status'] }) {
  return <span class={`badge badge-project badge-project-${status}`}>{ctx.t(`projects.status.${status}`)}</span>;
}

/** A card of the grid: cover (lazy), title, territory, category, excerpt or summary, open needs. */
export function ProjectCard({ ctx, card, showTerritory = true }: { ctx: Ctx; card: ProjectCardView; showTerritory?: boolean }) {
  const { t } = ctx;
  const lang = card.language !== ctx.locale ? LOCALE_TAGS[card.language] : undefined;
  return (
    <article class="card project-card">
      {card.cover ? (
        <img class="project-card-cover" src={card.cover.src} srcset={card.cover.srcset} sizes={CARD_SIZES} width={card.cover.width} height={card.cover.height} alt={card.cover.alt} loading="lazy" decoding="async" />
      ) : null}
      <div class="project-card-body">
        <h3 lang={lang}><a href={card.url}>{card.title}</a></h3>
        <p class="project-card-meta muted">
          {t(`projects.category.${card.category}`)}
          {showTerritory ? <> · {card.territory.name}</> : null}
          {card.status !== 'published' ? <> · <StatusBadge ctx={ctx} status={card.status} /></> : null}
          {card.laureate ? <> · <span class="badge badge-laureate">{t('callReviews.badge')}</span></> : null}
        </p>
        {card.excerpt ? <p class="project-excerpt" lang={lang} dangerouslySetInnerHTML={{ __html: card.excerpt }} /> : <p lang={lang}>{card.summary}</p>}
        <NeedChips ctx={ctx} needs={card.openNeeds} />
        {card.campaign ? <p class="campaign-chip">{t('crowdfunding.cardChip', { platform: card.campaign.platform, percent: card.campaign.percent })}</p> : null}
      </div>
    </article>
  );
}

export function ProjectCards({ ctx, cards, showTerritory }: { ctx: Ctx; cards: ProjectCardView[]; showTerritory?: boolean }) {
  return <>{cards.map((c) => <li><ProjectCard ctx={ctx} card={c} showTerritory={showTerritory ?? true} /></li>)}</>;
}

/** "More" is a plain link (no JS: the next page); with htmx it appends the next cards in place. */
export function MoreLink({ ctx, next, loaded, oob }: { ctx: Ctx; next: { href: string; fragment: string } | null; loaded?: boolean; oob?: boolean }) {
  return (
    <div id="project-more" class="project-more" hx-swap-oob={oob ? 'true' : undefined}>
      <p class="visually-hidden" role="status">{loaded ? ctx.t('projects.list.moreLoaded') : ''}</p>
      {next ? (
        <a class="button button-secondary" href={next.href} hx-get={next.fragment} hx-target="#project-grid" hx-swap="beforeend">
          {ctx.t('projects.list.more')}
        </a>
      ) : null}
    </div>
  );
}

/** The filter form: GET parameters, so a filtered list has an address to share. */
function FilterForm({ ctx, filters, places }: { ctx: Ctx; filters: ProjectFilters; places: PlaceOption[] }) {
  const { t } = ctx;
  const select = (name: keyof ProjectFilters, label: string, all: string, options: { value: string; label: string }[]) => (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name}>
        <option value="">{all}</option>
        {options.map((o) => <option value={o.value} selected={filters[name] === o.value}>{o.label}</option>)}
      </select>
    </div>
  );
  const active = Object.values(filters).filter((v) => v !== undefined && v !== '').length;
  /* Folded on phones (open when a filter is on), always unfolded on wider screens (app.css). */
  return (
    <details class="filters-toggle" open={active > 0}>
      <summary class="filters-toggle-button">{t('projects.list.filters')}{active ? ` (${active})` : ''}</summary>
    <form method="get" action="/projets" class="project-filters" role="search" aria-labelledby="project-filters-title">
      <h2 id="project-filters-title" class="visually-hidden">{t('projects.list.filters')}</h2>
      <div class="field project-filter-q">
        <label for="filter-q">{t('projects.list.q')}</label>
        <p class="hint" id="filter-q-hint">{t('projects.list.qHint')}</p>
        <input id="filter-q" name="q" type="search" value={filters.q ?? ''} maxLength={200} aria-describedby="filter-q-hint" />
      </div>
      {select('territory', t('projects.list.territory'), t('projects.list.allTerritories'), places.map((p) => ({ value: p.slug, label: p.name })))}
      {select('category', t('projects.list.category'), t('projects.list.allCategories'), PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`projects.category.${c}`) })))}
      {select('needKind', t('projects.list.needKind'), t('projects.list.allNeedKinds'), NEED_KINDS.map((k) => ({ value: k, label: t(`needs.kind.${k}`) })))}
      {select('status', t('projects.list.status'), t('projects.list.allStatuses'), PUBLIC_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) })))}
      <div class="form-actions project-filter-actions">
        <button type="submit" class="button">{t('projects.list.apply')}</button>
        <a href="/projets">{t('projects.list.reset')}</a>
      </div>
    </form>
    </details>
  );
}

export type ProjectListData = {
  filters: ProjectFilters;
  places: PlaceOption[];
  cards: ProjectCardView[];
  next: { href: string; fragment: string } | null;
  mine: ProjectCardView[];
  canCreate: boolean;
};

export function ProjectListPage({ ctx, data }: { ctx: RequestContext; data: ProjectListData }) {
  const { t } = ctx;
  const filtered = Object.values(data.filters).some((v) => v !== undefined);
  return (
    <div class="stack project-list-page">
      <div class="page-title-row">
        <h1>{t('projects.list.title')}</h1>
        <a class="button" href="/projets/nouveau">{t('projects.list.create')}</a>
      </div>
      <p class="lead">{t('projects.list.intro')}</p>
      {data.mine.length ? (
        <section aria-labelledby="my-projects">
          <h2 id="my-projects">{t('projects.list.mine')}</h2>
          <p class="muted">{t('projects.list.mineHint')}</p>
          <ul class="masonry project-grid"><ProjectCards ctx={ctx} cards={data.mine} /></ul>
        </section>
      ) : null}
      <FilterForm ctx={ctx} filters={data.filters} places={data.places} />
      <section aria-labelledby="project-results">
        <h2 id="project-results">{data.filters.q ? t('projects.list.searchResults', { q: data.filters.q }) : t('projects.list.results')}</h2>
        {data.cards.length === 0 ? (
          <div class="notice project-empty" role="status">
            <p><strong>{t('projects.list.empty')}</strong></p>
            {filtered ? <p>{t('projects.list.emptyHelp')} <a href="/projets">{t('projects.list.reset')}</a></p> : null}
          </div>
        ) : (
          <ul class="masonry project-grid" id="project-grid"><ProjectCards ctx={ctx} cards={data.cards} /></ul>
        )}
        <MoreLink ctx={ctx} next={data.next} />
      </section>
    </div>
  );
}

/** A territory page's projects (the territory page places this component). */
export function TerritoryProjects({ ctx, territorySlug, cards }: { ctx: Ctx; territorySlug: string; cards: ProjectCardView[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="territory-projects" class="territory-projects">
      <h2 id="territory-projects">{t('projects.territory.title')}</h2>
      {cards.length ? <ul class="masonry project-grid"><ProjectCards ctx={ctx} cards={cards} showTerritory={false} /></ul> : <p class="muted">{t('projects.territory.empty')}</p>}
      <p class="inline-list">
        {cards.length ? <a href={`/projets?territory=${encodeURIComponent(territorySlug)}`}>{t('projects.territory.all')}</a> : null}
        <a class="button button-secondary" href="/projets/nouveau">{t('projects.territory.propose')}</a>
      </p>
    </section>
  );
}
