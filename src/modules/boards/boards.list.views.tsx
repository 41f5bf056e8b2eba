import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { Notice } from '../../platform/views/forms.js';
import type { BoardView } from './boards.presenter.js';

export type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale' | 'csrfToken'>;

export const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** A board in a grid: its cover (lazy), title, how many items, whose it is. */
function BoardCard({ ctx, board, headingLevel = 3 }: { ctx: Ctx; board: BoardView; headingLevel?: 2 | 3 }) {
  const { t } = ctx;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const lang = board.language !== ctx.locale ? LOCALE_TAGS[board.language] : undefined;
  return (
    <article class="card board-card">
      {board.cover ? (
        <img class="board-card-cover" src={board.cover.src} srcset={board.cover.srcset} sizes="(min-width: 72rem) 17rem, (min-width: 36rem) 50vw, 100vw" width={board.cover.width} height={board.cover.height} alt="" loading="lazy" decoding="async" />
      ) : <div class="board-card-placeholder" aria-hidden="true">◆</div>}
      <div class="board-card-body">
        <H lang={lang}><a href={board.url}>{board.title}</a></H>
        <p class="muted board-card-meta">
          {t('boards.card.items', { count: board.itemCount })}
          {board.curated && board.caisse ? <> · {t('boards.card.curatedBy', { caisse: board.caisse.name })}</> : board.owner ? <> · {t('boards.card.by', { name: board.owner.displayName })}</> : null}
          {board.territory ? <> · {board.territory.name}</> : null}
        </p>
        {board.visibility === 'private' || board.hidden || board.curated ? (
          <p class="tag-list">
            {board.curated ? <span class="badge badge-curated">{t('boards.card.curated')}</span> : null}
            {board.visibility === 'private' ? <span class="badge badge-private">{t('boards.card.private')}</span> : null}
            {board.hidden ? <span class="badge badge-hidden">{t('boards.card.hidden')}</span> : null}
          </p>
        ) : null}
      </div>
    </article>
  );
}

function BoardCards({ ctx, boards }: { ctx: Ctx; boards: BoardView[] }) {
  return <>{boards.map((b) => <li><BoardCard ctx={ctx} board={b} /></li>)}</>;
}

export type BoardListData = { boards: BoardView[]; mine: BoardView[] | null; mineMoreHref?: string | null | undefined; nextHref: string | null; curatedOnly: boolean; notice?: string | undefined };

export function BoardsListPage({ ctx, data }: { ctx: RequestContext; data: BoardListData }) {
  const { t } = ctx;
  return (
    <div class="stack boards-page">
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      <div class="page-title-row">
        <h1>{t('boards.list.title')}</h1>
        <a class="button" href="/tableaux/nouveau">{t('boards.list.create')}</a>
      </div>
      <p class="lead">{t('boards.list.intro')}</p>
      {data.mine ? (
        <section aria-labelledby="my-boards" class="stack">
          <h2 id="my-boards">{t('boards.list.mine')}</h2>
          {data.mine.length ? <ul class="board-grid"><BoardCards ctx={ctx} boards={data.mine} /></ul> : <p class="muted">{t('boards.list.mineEmpty')}</p>}
          {data.mineMoreHref ? <p><a href={data.mineMoreHref}>{t('boards.list.more')}</a></p> : null}
        </section>
      ) : null}
      <section aria-labelledby="public-boards" class="stack">
        <h2 id="public-boards">{data.curatedOnly ? t('boards.list.curatedOnly') : t('boards.list.public')}</h2>
        <p class="inline-list board-filters">
          {data.curatedOnly ? <a href="/tableaux">{t('boards.list.all')}</a> : <a href="/tableaux?curated=true">{t('boards.list.curatedOnly')}</a>}
        </p>
        {data.boards.length === 0 ? (
          <div class="notice" role="status">
            <p><strong>{t('boards.list.empty')}</strong></p>
            <p><a href="/tableaux/nouveau">{t('boards.list.emptyHelp')}</a></p>
          </div>
        ) : (
          <ul class="board-grid"><BoardCards ctx={ctx} boards={data.boards} /></ul>
        )}
        {data.nextHref ? <p><a class="button button-secondary" href={data.nextHref}>{t('boards.list.more')}</a></p> : null}
      </section>
    </div>
  );
}

/** A territory page's curated boards (the territory page places this component). */
export function TerritoryBoards({ ctx, territorySlug, boards }: { ctx: Ctx; territorySlug: string; boards: BoardView[] }) {
  const { t } = ctx;
  if (boards.length === 0) return null;
  return (
    <section aria-labelledby="territory-boards" class="territory-boards stack">
      <h2 id="territory-boards">{t('boards.territory.title')}</h2>
      <p class="muted">{t('boards.territory.intro')}</p>
      <ul class="board-grid"><BoardCards ctx={ctx} boards={boards} /></ul>
      <p><a href={`/tableaux?territory=${encodeURIComponent(territorySlug)}`}>{t('boards.territory.all')}</a></p>
    </section>
  );
}
