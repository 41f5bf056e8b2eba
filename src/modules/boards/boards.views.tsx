import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS } from '../../platform/i18n/i18n.js';
import { CsrfField, ErrorSummary, Field, Notice, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { ProjectCard } from '../projects/projects.views.js';
import { OfferCard } from '../offers/offers.views.js';
import { BOARD_LIMITS, keyOf } from './boards.policy.js';
import type { BoardDetailView, BoardItemView, BoardView } from './boards.presenter.js';
import type { CuratorOption, SaveToBoardData } from './boards.service.js';
import { FollowButton } from '../social/follows.views.js';
import type { FollowState } from '../social/follows.presenter.js';

type Ctx = Pick<RequestContext, 't' | 'fmt' | 'locale' | 'csrfToken'>;
export type FormState = { values: Record<string, unknown>; errors?: FormErrors | undefined };
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const itemTitle = (i: BoardItemView) => i.project?.title ?? i.offer?.title ?? '';
const anchorOf = (i: { itemType: string; itemId: string }) => `item-${i.itemType}-${i.itemId}`;

/** A board in a grid: its cover (lazy), title, how many items, whose it is. */
export function BoardCard({ ctx, board, headingLevel = 3 }: { ctx: Ctx; board: BoardView; headingLevel?: 2 | 3 }) {
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

export function BoardCards({ ctx, boards }: { ctx: Ctx; boards: BoardView[] }) {
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

export type BoardFormData = { mode: 'create' | 'edit'; action: string; cancelHref: string; values: Record<string, unknown>; errors?: FormErrors | undefined; places: { slug: string; name: string }[]; curator: CuratorOption[]; curated: boolean };

function Radios({ name, legend, value, options }: { name: string; legend: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      {options.map((o) => (
        <div class="field-check">
          <input type="radio" id={`${name}-${o.value}`} name={name} value={o.value} checked={value === o.value} />
          <label for={`${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function BoardFormPage({ ctx, data }: { ctx: RequestContext; data: BoardFormData }) {
  const { t } = ctx;
  const v = (name: string) => str(data.values[name]);
  const labels = { title: t('boards.form.title'), description: t('boards.form.description'), territory: t('boards.form.territory'), caisse: t('boards.form.curatedFor'), curated: t('boards.form.curatedLegend'), language: t('boards.form.language'), visibility: t('boards.form.visibility') };
  const curatedChecked = data.values.curated === 'on' || data.values.curated === true || data.values.curated === 'true';
  const places = data.places;
  return (
    <div class="stack narrow">
      <h1>{t(data.mode === 'create' ? 'boards.form.createTitle' : 'boards.form.editTitle')}</h1>
      <form method="post" action={data.action} class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={data.errors} labels={labels} />
        <Field t={t} name="title" label={labels.title} value={v('title')} errors={data.errors} required maxLength={BOARD_LIMITS.titleMax} />
        <TextArea t={t} name="description" label={labels.description} hint={t('boards.form.descriptionHint')} value={v('description')} errors={data.errors} maxLength={BOARD_LIMITS.descriptionMax} rows={3} />
        <Radios name="visibility" legend={labels.visibility} value={v('visibility') || 'public'} options={[{ value: 'public', label: t('boards.form.public') }, { value: 'private', label: t('boards.form.private') }]} />
        <Radios name="language" legend={labels.language} value={v('language') || ctx.locale} options={[{ value: 'fr', label: t('boards.language.fr') }, { value: 'en', label: t('boards.language.en') }]} />
        <div class={`field${data.errors?.territory ? ' field-invalid' : ''}`}>
          <label for="territory">{labels.territory}</label>
          <select id="territory" name="territory" aria-invalid={data.errors?.territory ? 'true' : undefined} aria-describedby={data.errors?.territory ? 'territory-error' : undefined}>
            {data.curated ? null : <option value="">{t('boards.form.noTerritory')}</option>}
            {places.map((p) => <option value={p.slug} selected={v('territory') === p.slug}>{p.name}</option>)}
          </select>
          {data.errors?.territory ? <p class="field-error" id="territory-error">{t(data.errors.territory.key, data.errors.territory.params)}</p> : null}
        </div>
        {data.mode === 'create' && data.curator.length ? (
          <fieldset class="field">
            <legend>{labels.curated}</legend>
            <p class="hint" id="curated-hint">{t('boards.form.curatedHint')}</p>
            <div class="field-check">
              <input type="checkbox" id="curated" name="curated" value="on" checked={curatedChecked} aria-describedby="curated-hint" />
              <label for="curated">{t('boards.form.curated')}</label>
            </div>
            {new Set(data.curator.map((c) => c.caisseSlug)).size > 1 ? (
              <div class="field">
                <label for="caisse">{t('boards.page.caisse')}</label>
                <select id="caisse" name="caisse">
                  <option value="">—</option>
                  {[...new Map(data.curator.map((c) => [c.caisseSlug, c.caisseName])).entries()].map(([slug, name]) => <option value={slug} selected={v('caisse') === slug}>{name}</option>)}
                </select>
              </div>
            ) : null}
          </fieldset>
        ) : null}
        <div class="form-actions">
          <button type="submit" class="button">{t(data.mode === 'create' ? 'boards.form.submitCreate' : 'boards.form.submitEdit')}</button>
          <a href={data.cancelHref}>{t('boards.form.cancel')}</a>
        </div>
      </form>
    </div>
  );
}

/**
 * "Save to board" on a project or offer page: a plain form (works without JS) with my boards and a
 * "new board" choice; with htmx the answer replaces the form in place.
 */
export function SaveToBoard({ ctx, data, form, standalone }: { ctx: Ctx; data: SaveToBoardData; form?: FormState | undefined; standalone?: boolean }) {
  const { t } = ctx;
  if (!data.boards) {
    return (
      <section aria-labelledby="save-to-board" class="save-to-board">
        <h2 id="save-to-board">{t('boards.save.title')}</h2>
        <p><a href={`/connexion?retour=${encodeURIComponent(data.returnTo)}`}>{t('boards.save.signIn')}</a></p>
      </section>
    );
  }
  const values = form?.values ?? {};
  const errors = form?.errors;
  const chosen = str(values.boardId) || (data.boards.find((b) => !b.hasItem)?.id ?? 'new');
  const labels = { boardId: t('boards.save.board'), newTitle: t('boards.save.newTitle'), note: t('boards.save.note'), itemId: t('boards.save.title') };
  return (
    <section aria-labelledby="save-to-board" class="save-to-board card" id="save-to-board-section">
      {standalone ? null : <h2 id="save-to-board">{t('boards.save.title')}</h2>}
      {standalone ? <h2 id="save-to-board" class="visually-hidden">{t('boards.save.title')}</h2> : null}
      <form method="post" action="/tableaux/enregistrer" hx-post="/tableaux/enregistrer" hx-target="#save-to-board-section" hx-swap="outerHTML" class="stack save-to-board-form" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <input type="hidden" name="itemType" value={data.itemType} />
        <input type="hidden" name="itemId" value={data.itemId} />
        <div class={`field${errors?.boardId ? ' field-invalid' : ''}`}>
          <label for="save-board">{labels.boardId}</label>
          <select id="save-board" name="boardId">
            {data.boards.map((b) => <option value={b.id} selected={chosen === b.id}>{b.hasItem ? t('boards.save.contains', { title: b.title }) : b.title}</option>)}
            <option value="new" selected={chosen === 'new'}>{t('boards.save.newBoard')}</option>
          </select>
        </div>
        <div class={`field${errors?.newTitle ? ' field-invalid' : ''}`}>
          <label for="save-new-title">{labels.newTitle}</label>
          <p class="hint" id="save-new-title-hint">{t('boards.save.newTitleHint')}</p>
          <input id="save-new-title" name="newTitle" type="text" maxLength={BOARD_LIMITS.titleMax} value={str(values.newTitle)} aria-invalid={errors?.newTitle ? 'true' : undefined} aria-describedby={errors?.newTitle ? 'save-new-title-hint save-new-title-error' : 'save-new-title-hint'} />
          {errors?.newTitle ? <p class="field-error" id="save-new-title-error">{t(errors.newTitle.key, errors.newTitle.params)}</p> : null}
        </div>
        <div class="field">
          <label for="save-note">{labels.note}</label>
          <input id="save-note" name="note" type="text" maxLength={BOARD_LIMITS.noteMax} value={str(values.note)} />
        </div>
        <div class="form-actions"><button type="submit" class="button">{t('boards.save.submit')}</button></div>
      </form>
    </section>
  );
}

/** What htmx puts in place of the form once saved. */
export function SavedToBoard({ ctx, board, created }: { ctx: Ctx; board: { id: string; title: string }; created: boolean }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="save-to-board" class="save-to-board card" id="save-to-board-section">
      <h2 id="save-to-board">{t('boards.save.title')}</h2>
      <p role="status">{created ? t('boards.save.done') : t('boards.save.already')} : <a href={`/tableaux/${board.id}`}>{board.title}</a></p>
    </section>
  );
}

export function SaveToBoardPage({ ctx, data, title, form }: { ctx: RequestContext; data: SaveToBoardData; title: string; form?: FormState | undefined }) {
  const { t } = ctx;
  return (
    <div class="stack narrow">
      <h1>{t('boards.save.pageTitle')}</h1>
      <p class="lead">{t('boards.save.about', { title })}</p>
      <SaveToBoard ctx={ctx} data={data} form={form} standalone />
      <p><a href={data.returnTo}>← {t('boards.save.back')}</a></p>
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

export { anchorOf };
