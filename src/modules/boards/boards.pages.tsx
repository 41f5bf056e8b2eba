import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendFragment, sendPage } from '../../platform/views/render.js';
import { handleForm, type FormState as PipelineState } from '../../platform/http/forms.js';
import { requireActor, safeReturnPath } from '../../platform/http/guards.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { placeOptions } from '../offers/offers.service.js';
import * as boards from './boards.service.js';
import { keyOf } from './boards.policy.js';
import { ZBoardListQuery, ZBoardParams, ZCreateBoardBody, ZItemKey, ZMoveBody, ZRemoveItemBody, ZSaveToBoardForm, ZUpdateBoardBody, type TBoardListQuery } from './boards.schemas.js';
import type { BoardDetailView } from './boards.presenter.js';
import { anchorOf, BoardFormPage, BoardHead, BoardItems, BoardPage, BoardsListPage, BoardStatus, SavedToBoard, SaveToBoard, SaveToBoardPage, type FormState } from './boards.views.js';

const isHtmx = (request: FastifyRequest) => request.headers['hx-request'] === 'true';
const idOf = (request: FastifyRequest) => parseInput(ZBoardParams, request.params).id;
const queryOf = (request: FastifyRequest) => request.query as Record<string, unknown>;
const NOTICES: Record<string, string | undefined> = { cree: 'boards.notice.created', enregistre: 'boards.notice.saved', supprime: 'boards.notice.deleted', ajoute: 'boards.notice.added', deja: 'boards.notice.already' };
const noticeOf = (request: FastifyRequest) => {
  const done = queryOf(request).fait;
  const key = typeof done === 'string' ? NOTICES[done] : undefined;
  return key ? request.ctx.t(key) : undefined;
};

/** Filters from the address bar; a value that does not parse is dropped rather than refused. */
function readFilters(query: unknown): TBoardListQuery {
  const raw = { ...(query as Record<string, unknown>) };
  delete raw.mine;
  const first = ZBoardListQuery.safeParse(raw);
  if (first.success) return first.data;
  for (const issue of first.error.issues) delete raw[String(issue.path[0])];
  return ZBoardListQuery.parse(raw);
}

function nextHref(query: TBoardListQuery, cursor: string | null): string | null {
  if (!cursor) return null;
  const params = new URLSearchParams();
  if (query.territory) params.set('territory', query.territory);
  if (query.curated !== undefined) params.set('curated', String(query.curated));
  if (query.owner) params.set('owner', query.owner);
  params.set('cursor', cursor);
  return `/tableaux?${params.toString()}`;
}

/** Form fields as the API's schema expects them (a form sends no `curated` when the box is unchecked). */
function createFormBody(body: unknown): Record<string, unknown> {
  const b = { ...((body as Record<string, unknown> | undefined) ?? {}) };
  if (b.curated === undefined) b.curated = false;
  if (b.caisse === '') delete b.caisse;
  return b;
}

/** Pages of boards: the grid, one board (masonry), creating/editing/deleting, moving and removing items, saving into a board. */
export const boardsPages: Module = async (app, { deps }) => {
  app.get('/tableaux', async (request, reply) => {
    const query = readFilters(request.query);
    const { actor, locale } = request.ctx;
    const list = await boards.listBoards(deps, actor, locale, query).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return boards.listBoards(deps, actor, locale, { ...query, cursor: undefined });
      throw err;
    });
    const mine = actor && !query.cursor && !query.owner ? await boards.listBoards(deps, actor, locale, { limit: 100, mine: true }) : null;
    const mineMoreHref = actor && mine?.nextCursor ? nextHref({ ...query, owner: actor.handle, territory: undefined, curated: undefined }, mine.nextCursor) : null;
    const data = { boards: list.items, mine: mine?.items ?? null, mineMoreHref, nextHref: nextHref(query, list.nextCursor), curatedOnly: query.curated === true, notice: noticeOf(request) };
    return sendPage(request, reply, <BoardsListPage ctx={request.ctx} data={data} />, { title: request.ctx.t('boards.list.title'), description: request.ctx.t('boards.list.intro'), nav: 'boards', noindex: query.cursor !== undefined });
  });

  async function boardForm(request: FastifyRequest, reply: FastifyReply, o: { mode: 'create' | 'edit'; action: string; cancelHref: string; state: FormState; curated?: boolean; status?: number }) {
    requireActor(request);
    const [places, curator] = await Promise.all([placeOptions(deps, request.ctx.locale), o.mode === 'create' ? boards.curatorOptions(deps, request.ctx.actor, request.ctx.locale) : []]);
    const data = { mode: o.mode, action: o.action, cancelHref: o.cancelHref, values: o.state.values, errors: o.state.errors, places, curator, curated: o.curated ?? false };
    return sendPage(request, reply, <BoardFormPage ctx={request.ctx} data={data} />, { title: request.ctx.t(o.mode === 'create' ? 'boards.form.createTitle' : 'boards.form.editTitle'), status: o.status ?? 200, noindex: true, nav: 'boards' });
  }

  const createForm = (request: FastifyRequest, reply: FastifyReply, state: FormState, status?: number) =>
    boardForm(request, reply, { mode: 'create', action: '/tableaux/nouveau', cancelHref: '/tableaux', state, ...(status ? { status } : {}) });

  app.get('/tableaux/nouveau', async (request, reply) => createForm(request, reply, { values: { language: request.ctx.locale, visibility: 'public' } }));

  app.post('/tableaux/nouveau', async (request, reply) => {
    request.body = createFormBody(request.body);
    return handleForm(request, reply, ZCreateBoardBody,
      async (input) => reply.redirect(`/tableaux/${await boards.createBoard(deps, request.ctx.actor, input)}?fait=cree`, 303),
      (state: PipelineState<Record<string, unknown>>, status) => createForm(request, reply, state, status),
    );
  });

  // ——— saving a project or an offer into a board ———
  async function savePage(request: FastifyRequest, reply: FastifyReply, key: { itemType: 'project' | 'offer'; itemId: string }, returnTo: string, form?: FormState, status = 200) {
    const title = await boards.savableTitle(deps, key.itemType, key.itemId);
    const data = await boards.saveToBoardData(deps, request.ctx.actor, key.itemType, key.itemId, returnTo);
    return sendPage(request, reply, <SaveToBoardPage ctx={request.ctx} data={data} title={title} form={form} />, { title: request.ctx.t('boards.save.pageTitle'), status, noindex: true, nav: 'boards' });
  }
  const itemReturn = (key: { itemType: 'project' | 'offer'; itemId: string }) => (key.itemType === 'project' ? `/projets/${key.itemId}` : `/offres/${key.itemId}`);

  app.get('/tableaux/enregistrer', async (request, reply) => {
    requireActor(request);
    const q = queryOf(request);
    const key = parseInput(ZItemKey, { itemType: q.type, itemId: q.id });
    return savePage(request, reply, key, safeReturnPath(q.retour, itemReturn(key)));
  });

  app.post('/tableaux/enregistrer', async (request, reply) => {
    const body = (request.body as Record<string, unknown> | undefined) ?? {};
    const key = parseInput(ZItemKey, { itemType: body.itemType, itemId: body.itemId });
    return handleForm(request, reply, ZSaveToBoardForm,
      async (input) => {
        const { boardId, created } = await boards.saveToBoard(deps, request.ctx.actor, input, request.ctx.locale);
        if (!isHtmx(request)) return reply.redirect(`/tableaux/${boardId}?fait=${created ? 'ajoute' : 'deja'}#${anchorOf(input)}`, 303);
        const board = await boards.getBoardSummary(deps, request.ctx.actor, boardId, request.ctx.locale);
        return sendFragment(reply, <SavedToBoard ctx={request.ctx} board={board} created={created} />);
      },
      async (state, status) => {
        if (!isHtmx(request)) return savePage(request, reply, key, itemReturn(key), state, status);
        const data = await boards.saveToBoardData(deps, request.ctx.actor, key.itemType, key.itemId, itemReturn(key));
        return sendFragment(reply, <SaveToBoard ctx={request.ctx} data={data} form={state} />);
      },
    );
  });

  // ——— one board ———
  async function boardPage(request: FastifyRequest, reply: FastifyReply, id: string) {
    const { actor, locale, t } = request.ctx;
    const board = await boards.getBoard(deps, actor, id, locale);
    const permalink = `${deps.config.publicUrl}${board.url}`;
    const moved = parseMoved(queryOf(request).deplace, board, t);
    const data = { board, permalink, follow: await boards.boardFollowState(deps, actor, id), notice: noticeOf(request), ...moved };
    const isPublic = board.visibility === 'public' && !board.hidden;
    return sendPage(request, reply, <BoardPage ctx={request.ctx} data={data} />, {
      title: board.title,
      description: board.description || t('boards.og.description', { count: board.itemCount }),
      noindex: !isPublic,
      nav: 'boards',
      ...(isPublic ? { head: <BoardHead ctx={request.ctx} board={board} permalink={permalink} publicUrl={deps.config.publicUrl} /> } : {}),
    });
  }

  /** `?deplace=project:<id>:down` after a move without JS: focus the same button again and say where the item went. */
  function parseMoved(value: unknown, board: BoardDetailView, t: FastifyRequest['ctx']['t']): { status?: string; focus?: { key: string; direction: 'up' | 'down' } } {
    if (typeof value !== 'string') return {};
    const [itemType, itemId, direction] = value.split(':');
    const item = board.items.find((i) => i.itemType === itemType && i.itemId === itemId);
    if (!item || (direction !== 'up' && direction !== 'down')) return {};
    const title = item.project?.title ?? item.offer?.title ?? '';
    return { status: t('boards.page.moved', { title, position: item.position + 1, count: board.items.length }), focus: { key: keyOf(item), direction } };
  }

  app.get('/tableaux/:id', async (request, reply) => boardPage(request, reply, idOf(request)));

  const editForm = (request: FastifyRequest, reply: FastifyReply, id: string, state: FormState, curated: boolean, status?: number) =>
    boardForm(request, reply, { mode: 'edit', action: `/tableaux/${id}/modifier`, cancelHref: `/tableaux/${id}`, state, curated, ...(status ? { status } : {}) });

  app.get('/tableaux/:id/modifier', async (request, reply) => {
    requireActor(request);
    const id = idOf(request);
    const board = await boards.getBoard(deps, request.ctx.actor, id, request.ctx.locale);
    if (!board.can.edit) throw new AppError('FORBIDDEN');
    const values = { title: board.title, description: board.description, language: board.language, visibility: board.visibility, territory: board.territory?.slug ?? '' };
    return editForm(request, reply, id, { values }, board.curated);
  });

  app.post('/tableaux/:id/modifier', async (request, reply) => {
    const id = idOf(request);
    const board = await boards.getBoardSummary(deps, request.ctx.actor, id, request.ctx.locale);
    return handleForm(request, reply, ZUpdateBoardBody,
      async (input) => {
        await boards.updateBoard(deps, request.ctx.actor, id, input);
        return reply.redirect(`/tableaux/${id}?fait=enregistre`, 303);
      },
      (state, status) => editForm(request, reply, id, state, board.curated, status),
    );
  });

  app.post('/tableaux/:id/supprimer', async (request, reply) => {
    await boards.deleteBoard(deps, request.ctx.actor, idOf(request));
    return reply.redirect('/tableaux?fait=supprime', 303);
  });

  /** After a move or a removal: htmx gets the items and the status line; without JS, the page again. */
  async function afterItemChange(request: FastifyRequest, reply: FastifyReply, id: string, o: { status: string; focus?: { key: string; direction: 'up' | 'down' }; redirect: string }) {
    if (!isHtmx(request)) return reply.redirect(o.redirect, 303);
    const board = await boards.getBoard(deps, request.ctx.actor, id, request.ctx.locale);
    return sendFragment(reply, <><BoardItems ctx={request.ctx} board={board} focus={o.focus} /><BoardStatus status={o.status} oob /></>);
  }

  app.post('/tableaux/:id/elements/deplacer', async (request, reply) => {
    const id = idOf(request);
    const body = { ...((request.body as Record<string, unknown> | undefined) ?? {}) };
    delete body._csrf;
    const input = parseInput(ZMoveBody, body);
    const moved = await boards.moveItem(deps, request.ctx.actor, id, input);
    const title = await boards.savableTitle(deps, input.itemType, input.itemId).catch(() => '');
    const status = request.ctx.t('boards.page.moved', { title, position: moved.position + 1, count: moved.count });
    return afterItemChange(request, reply, id, { status, focus: { key: keyOf(input), direction: input.direction }, redirect: `/tableaux/${id}?deplace=${encodeURIComponent(`${input.itemType}:${input.itemId}:${input.direction}`)}#${anchorOf(input)}` });
  });

  app.post('/tableaux/:id/elements/retirer', async (request, reply) => {
    const id = idOf(request);
    const body = { ...((request.body as Record<string, unknown> | undefined) ?? {}) };
    delete body._csrf;
    const key = parseInput(ZRemoveItemBody, body);
    await boards.removeItem(deps, request.ctx.actor, id, key);
    return afterItemChange(request, reply, id, { status: request.ctx.t('boards.page.removed'), redirect: `/tableaux/${id}#board-items-title` });
  });
};
