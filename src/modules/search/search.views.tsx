import type { RequestContext } from '../../platform/http/context.js';
import type { SearchHit } from './search.presenter.js';
import type { SearchSection } from './search.service.js';
import { SEARCH_TYPES, type SearchType } from './search.types.js';

export type SearchPageData = {
  q: string;
  type: SearchType | null;
  /** Without a type: a few results per type. */
  sections: SearchSection[] | null;
  /** With a type: one page of results. */
  items: SearchHit[] | null;
  nextHref: string | null;
  /** The query was too short or missing: ask for words instead of searching. */
  prompt: boolean;
  errorKey: string | null;
};

const href = (q: string, type: SearchType | null) => `/recherche?${new URLSearchParams(type ? { q, type } : { q }).toString()}`;

function Hit({ ctx, hit }: { ctx: Pick<RequestContext, 't' | 'locale'>; hit: SearchHit }) {
  const lang = hit.lang && hit.lang !== ctx.locale ? hit.lang : undefined;
  return (
    <li class="card search-hit">
      <p class="muted search-hit-type">{ctx.t(`search.typeOne.${hit.type}`)}</p>
      <h3 lang={lang}><a href={hit.url}>{hit.title}</a></h3>
      {hit.summary ? <p lang={lang}>{hit.summary}</p> : null}
    </li>
  );
}

function Hits({ ctx, items }: { ctx: Pick<RequestContext, 't' | 'locale'>; items: SearchHit[] }) {
  return <ul class="search-hits" role="list">{items.map((hit) => <Hit ctx={ctx} hit={hit} />)}</ul>;
}

function Tabs({ ctx, q, type }: { ctx: Pick<RequestContext, 't'>; q: string; type: SearchType | null }) {
  const current = (value: SearchType | null) => (value === type ? { 'aria-current': 'page' as const } : {});
  return (
    <nav aria-label={ctx.t('search.tabsLabel')} class="search-tabs">
      <ul role="list">
        <li><a href={href(q, null)} {...current(null)}>{ctx.t('search.all')}</a></li>
        {SEARCH_TYPES.map((s) => <li><a href={href(q, s)} {...current(s)}>{ctx.t(`search.types.${s}`)}</a></li>)}
      </ul>
    </nav>
  );
}

function Results({ ctx, data }: { ctx: Pick<RequestContext, 't' | 'locale'>; data: SearchPageData }) {
  const { t } = ctx;
  if (data.items) {
    if (data.items.length === 0) return <div class="empty-state"><p><strong>{t('search.emptyType')}</strong></p><p><a href={href(data.q, null)}>{t('search.all')}</a></p></div>;
    return (
      <>
        <Hits ctx={ctx} items={data.items} />
        {data.nextHref ? <p><a class="button button-secondary" href={data.nextHref}>{t('search.more')}</a></p> : null}
      </>
    );
  }
  const found = (data.sections ?? []).filter((s) => s.items.length > 0);
  if (found.length === 0) {
    return <div class="empty-state"><p><strong>{t('search.empty', { q: data.q })}</strong></p><p>{t('search.emptyHelp')}</p></div>;
  }
  return (
    <>
      {found.map((s) => (
        <section class="stack search-section" aria-labelledby={`resultats-${s.type}`}>
          <h2 id={`resultats-${s.type}`}>{t(`search.types.${s.type}`)}</h2>
          <Hits ctx={ctx} items={s.items} />
          {s.more ? <p><a href={href(data.q, s.type)}>{t('search.seeAll', { type: t(`search.types.${s.type}`) })}</a></p> : null}
        </section>
      ))}
    </>
  );
}

/** /recherche: one form, tabs by type, results in sections (or one type's pages), an empty state. */
export function SearchPage({ ctx, data }: { ctx: RequestContext; data: SearchPageData }) {
  const { t } = ctx;
  const describedBy = ['q-hint', data.errorKey ? 'q-error' : null].filter(Boolean).join(' ');
  return (
    <div class="stack search-page">
      <h1>{data.q && !data.prompt ? t('search.titleFor', { q: data.q }) : t('search.title')}</h1>
      <p>{t('search.intro')}</p>
      <form method="get" action="/recherche" role="search" class="search-form">
        <div class={`field${data.errorKey ? ' field-invalid' : ''}`}>
          <label for="q">{t('search.label')}</label>
          <p class="hint" id="q-hint">{t('search.hint')}</p>
          <div class="search-row">
            <input id="q" name="q" type="search" value={data.q} maxLength={200} autocomplete="off" aria-describedby={describedBy} aria-invalid={data.errorKey ? 'true' : undefined} />
            {data.type ? <input type="hidden" name="type" value={data.type} /> : null}
            <button type="submit" class="button">{t('search.submit')}</button>
          </div>
          {data.errorKey ? <p class="field-error" id="q-error">{t(data.errorKey)}</p> : null}
        </div>
      </form>
      {data.prompt ? <p class="muted">{t('search.prompt')}</p> : (
        <>
          <Tabs ctx={ctx} q={data.q} type={data.type} />
          <Results ctx={ctx} data={data} />
        </>
      )}
    </div>
  );
}
