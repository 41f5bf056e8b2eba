import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { CsrfField, Notice } from '../../platform/views/forms.js';
import { ProjectCard } from '../projects/projects.views.js';
import { OfferCard } from '../offers/offers.views.js';
import { keyOf } from './boards.policy.js';
import type { BoardDetailView, BoardItemView, BoardView } from './boards.presenter.js';
import { FollowButton } from '../social/follows.views.js';
import type { FollowState } from '../social/follows.presenter.js';
import { type Ctx } from './boards.list.views.js';

const itemTitle = (i: BoardItemView) => i.project?.title ?? i.offer?.title ?? '';

export const anchorOf = (i: { itemType: string; itemId: string }) => `item-${i.itemType}-${i.itemId}`;

/** The follow control: the social module's FollowButton (POST /suivre, POST /suivre/retirer); none on one's own or a non-public board. */
function FollowControl({ ctx, board, follow, path }: { ctx: Ctx & Pick<RequestContext, 'actor'>; board: BoardDetailView; follow: FollowState; path: string }) {
  if (ctx.actor && !board.can.follow) return null;
  if (board.visibility !== 'public' || board.hidden) return null;
  return <FollowButton targetType="board" targetId={board.id} following={follow.following} followers={follow.followers} csrf={ctx.csrfToken} returnTo={path} t={ctx.t} name={board.title} signedIn={ctx.actor !== null} />;
}

/** One item with its card and, for editors, accessible move and remove buttons (no drag needed). */
function BoardItem({ ctx, board, item, count, focus }: { ctx: Ctx; board: BoardDetailView; item: BoardItemView; count: number; focus?: 'up' | 'down' | undefined }) {
  const { t } = ctx;
  const title = itemTitle(item);
  const action = (path: string) => `/tableaux/${board.id}/elements/${path}`;
  // After a move to either end, the button that moved it is gone: keep the focus on the other one.
  const focusOn = focus === 'up' && item.position === 0 ? 'down' : focus === 'down' && item.position === count - 1 ? 'up' : focus;
  const hidden = (
    <>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="itemType" value={item.itemType} />
      <input type="hidden" name="itemId" value={item.itemId} />
    </>
  );
  const move = (direction: 'up' | 'down') => (
    <form method="post" action={action('deplacer')} hx-post={action('deplacer')} hx-target="#board-items" hx-swap="outerHTML" class="inline-form">
      {hidden}
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="button button-small button-secondary" aria-label={t(direction === 'up' ? 'boards.page.moveUpLabel' : 'boards.page.moveDownLabel', { title })} autofocus={focusOn === direction}>
        <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span> {t(direction === 'up' ? 'boards.page.moveUp' : 'boards.page.moveDown')}
      </button>
    </form>
  );
  return (
    <li id={anchorOf(item)} class="board-item">
      {item.project ? <ProjectCard ctx={ctx} card={item.project} /> : item.offer ? <OfferCard ctx={ctx} offer={item.offer} /> : null}
      {item.note ? <p class="board-item-note"><span class="visually-hidden">{t('boards.page.note')} : </span>{item.note}</p> : null}
      {board.can.edit ? (
        <div class="board-item-controls">
          <p class="muted board-item-position">{t('boards.page.position', { position: item.position + 1, count })}</p>
          <div class="board-item-buttons">
            {item.position > 0 ? move('up') : null}
            {item.position < count - 1 ? move('down') : null}
            <form method="post" action={action('retirer')} hx-post={action('retirer')} hx-target="#board-items" hx-swap="outerHTML" data-confirm={t('boards.page.removeConfirm', { title })} class="inline-form">
              {hidden}
              <button type="submit" class="button button-small button-danger" aria-label={t('boards.page.removeLabel', { title })}>{t('boards.page.remove')}</button>
            </form>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** Announces a move or a removal; htmx fills it out of band (innerHTML), so screen readers hear it. */
export function BoardStatus({ status, oob }: { status?: string | undefined; oob?: boolean }) {
  return <p id="board-status" class="visually-hidden" role="status" hx-swap-oob={oob ? 'innerHTML' : undefined}>{status ?? ''}</p>;
}

/** The items (swapped whole by htmx after a move or a removal), with a live status line. */
export function BoardItems({ ctx, board, focus }: { ctx: Ctx; board: BoardDetailView; focus?: { key: string; direction: 'up' | 'down' } | undefined }) {
  const { t } = ctx;
  const count = board.items.length;
  return (
    <div id="board-items" class="board-items">
      {count === 0 ? (
        <div class="notice">
          <p>{board.can.edit ? t('boards.page.emptyOwner') : t('boards.page.empty')}</p>
          {board.can.edit ? <p class="inline-list"><a href="/projets">{t('boards.page.browseProjects')}</a> <a href="/offres">{t('boards.page.browseOffers')}</a></p> : null}
        </div>
      ) : (
        <ol class="masonry board-masonry" aria-label={t('boards.page.items')}>
          {board.items.map((item) => <BoardItem ctx={ctx} board={board} item={item} count={count} focus={focus && focus.key === keyOf(item) ? focus.direction : undefined} />)}
        </ol>
      )}
    </div>
  );
}

export type BoardPageData = { board: BoardDetailView; permalink: string; follow: FollowState; notice?: string | undefined; status?: string | undefined; focus?: { key: string; direction: 'up' | 'down' } | undefined };

export function BoardPage({ ctx, data }: { ctx: RequestContext; data: BoardPageData }) {
  const { t, fmt } = ctx;
  const { board } = data;
  const lang = board.language !== ctx.locale ? LOCALE_TAGS[board.language] : undefined;
  const mail = `mailto:?subject=${encodeURIComponent(t('boards.page.shareSubject', { title: board.title }))}&body=${encodeURIComponent(data.permalink)}`;
  return (
    <article class="stack board-page">
      <p><a href="/tableaux">← {t('boards.page.back')}</a></p>
      {data.notice ? <Notice kind="success">{data.notice}</Notice> : null}
      {board.hidden ? <Notice kind="warning">{t('boards.page.hiddenNotice', { reason: board.hidden.reason })}</Notice> : null}
      {board.visibility === 'private' ? <p class="notice">{t('boards.page.privateNotice')}</p> : null}
      <header class="board-header stack">
        {board.curated ? <p class="tag-list"><span class="badge badge-curated">{t('boards.card.curated')}</span></p> : null}
        <h1 lang={lang}>{board.title}</h1>
        {board.description ? <p class="lead board-description" lang={lang}>{board.description}</p> : null}
        <dl class="project-facts board-facts">
          {board.curated && board.caisse ? <div><dt>{t('boards.page.caisse')}</dt><dd><a href={`/caisses/${board.caisse.slug}`}>{board.caisse.name}</a></dd></div> : null}
          {board.owner && !board.curated ? <div><dt>{t('boards.page.by')}</dt><dd><a href={`/membres/${board.owner.handle}`}>{board.owner.displayName}</a></dd></div> : null}
          {board.territory ? <div><dt>{t('boards.page.territory')}</dt><dd><a href={`/territoires/${board.territory.slug}`}>{board.territory.name}</a></dd></div> : null}
        </dl>
        <p class="muted">{t('boards.card.items', { count: board.itemCount })} · {t('boards.page.updated', { date: fmt.date(new Date(board.updatedAt)) })}</p>
        <div class="board-actions">
          <FollowControl ctx={ctx} board={board} follow={data.follow} path={board.url} />
          {board.can.edit ? <a class="button button-secondary" href={`/tableaux/${board.id}/modifier`}>{t('boards.page.edit')}</a> : null}
          {board.can.delete ? (
            <form method="post" action={`/tableaux/${board.id}/supprimer`} data-confirm={t('boards.page.deleteConfirm', { title: board.title })} class="inline-form">
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="button button-danger">{t('boards.page.delete')}</button>
            </form>
          ) : null}
        </div>
      </header>
      <section aria-labelledby="board-items-title">
        <h2 id="board-items-title" class="visually-hidden">{t('boards.page.items')}</h2>
        <BoardStatus status={data.status} />
        <BoardItems ctx={ctx} board={board} focus={data.focus} />
      </section>
      {board.visibility === 'public' && !board.hidden ? (
        <section aria-labelledby="board-share" class="board-share">
          <h2 id="board-share">{t('boards.page.share')}</h2>
          <div class="field">
            <label for="board-link">{t('boards.page.shareLink')}</label>
            <p class="hint" id="board-link-hint">{t('boards.page.shareHint')}</p>
            <input id="board-link" type="url" readOnly value={data.permalink} aria-describedby="board-link-hint" />
          </div>
          <p><a class="button button-secondary" href={mail}>{t('boards.page.shareByEmail')}</a></p>
        </section>
      ) : null}
    </article>
  );
}

/** Open Graph tags of a public board, for link previews. */
export function BoardHead({ ctx, board, permalink, publicUrl }: { ctx: Ctx; board: BoardView; permalink: string; publicUrl: string }) {
  return (
    <>
      <link rel="canonical" href={permalink} />
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content="Espace Collectif" />
      <meta property="og:title" content={board.title} />
      <meta property="og:description" content={board.description || ctx.t('boards.og.description', { count: board.itemCount })} />
      <meta property="og:url" content={permalink} />
      <meta property="og:locale" content={board.language === 'en' ? 'en_CA' : 'fr_CA'} />
      {board.cover ? <meta property="og:image" content={`${publicUrl}${board.cover.src}`} /> : null}
      {board.cover ? <meta property="og:image:width" content={String(board.cover.width)} /> : null}
      {board.cover ? <meta property="og:image:height" content={String(board.cover.height)} /> : null}
      <meta name="twitter:card" content={board.cover ? 'summary_large_image' : 'summary'} />
    </>
  );
}
