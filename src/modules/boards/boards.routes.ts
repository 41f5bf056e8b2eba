import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { parseInput } from '../../platform/validation.js';
import * as boards from './boards.service.js';
import { ZBoard, ZBoardDetail, ZBoardItem, ZBoardList } from './boards.presenter.js';
import { ZAddItemBody, ZBoardListQuery, ZBoardParams, ZCreateBoardBody, ZMoveBody, ZRemoveItemBody, ZReorderBody, ZUpdateBoardBody } from './boards.schemas.js';
import { boardsPages } from './boards.pages.js';

const tags = ['boards'];
const privateNote = 'Private boards answer 404 BOARD_NOT_FOUND to everyone but their owner; boards hidden by moderation, to everyone but their owner and moderators.';
const editNote = 'Only the owner (and, for a curated board, its caisse’s staff and admins) may change a board; others get 403 FORBIDDEN.';

/** JSON API of boards (Pinterest-like collections of projects and offers), then the HTML pages. */
export const boardsRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/boards', {
    schema: { tags, description: 'Public boards, most recently changed first (keyset: `limit`, `cursor`). Filters: `territory` (slug), `curated=true`, `owner` (handle); `mine=true` lists the caller’s own boards, private and hidden ones included.', querystring: ZBoardListQuery, response: { 200: ZBoardList } },
  }, async (request) => boards.listBoards(deps, request.ctx.actor, request.ctx.locale, request.query));

  r.post('/api/v1/boards', {
    schema: { tags, description: 'Creates a board (title 1–120 characters; 200 boards per person, else 409 BOARD_LIMIT_REACHED). `curated: true` with a `territory` is for staff/admins of a caisse serving that territory (403 otherwise).', body: ZCreateBoardBody, response: { 201: ZBoard } },
  }, async (request, reply) => {
    const id = await boards.createBoard(deps, request.ctx.actor, request.body);
    return reply.status(201).send(await boards.getBoardSummary(deps, request.ctx.actor, id, request.ctx.locale));
  });

  r.get('/api/v1/boards/:id', {
    schema: { tags, description: `A board with its items in order (hidden projects and inactive offers are left out). ${privateNote}`, params: ZBoardParams, response: { 200: ZBoardDetail } },
  }, async (request) => boards.getBoard(deps, request.ctx.actor, request.params.id, request.ctx.locale));

  r.patch('/api/v1/boards/:id', {
    schema: { tags, description: `Changes a board’s title, description, language, visibility or territory. ${editNote}`, params: ZBoardParams, body: ZUpdateBoardBody, response: { 200: ZBoard } },
  }, async (request) => {
    await boards.updateBoard(deps, request.ctx.actor, request.params.id, request.body);
    return boards.getBoardSummary(deps, request.ctx.actor, request.params.id, request.ctx.locale);
  });

  r.delete('/api/v1/boards/:id', { schema: { tags, description: `Deletes a board (not its projects and offers). ${editNote}`, params: ZBoardParams, response: { 204: z.null() } } }, async (request, reply) => {
    await boards.deleteBoard(deps, request.ctx.actor, request.params.id);
    return reply.status(204).send(null);
  });

  r.post('/api/v1/boards/:id/items', {
    schema: { tags, description: `Saves a public project or an active offer at the end of a board (500 items at most, else 409 BOARD_FULL): 201, or 200 when it was already there (its note is updated if one is given). ${editNote}`, params: ZBoardParams, body: ZAddItemBody, response: { 200: ZBoardItem, 201: ZBoardItem } },
  }, async (request, reply) => {
    const { created } = await boards.addItem(deps, request.ctx.actor, request.params.id, request.body);
    const item = await boards.itemView(deps, request.ctx.actor, request.params.id, request.body, request.ctx.locale);
    return reply.status(created ? 201 : 200).send(item);
  });

  r.delete('/api/v1/boards/:id/items', {
    schema: { tags, description: `Removes an item (\`itemType\`, \`itemId\` in the body or the query string). ${editNote}`, params: ZBoardParams, body: ZRemoveItemBody.nullish(), querystring: ZRemoveItemBody.partial(), response: { 204: z.null() } },
  }, async (request, reply) => {
    const body = request.body && typeof request.body === 'object' && Object.keys(request.body).length ? request.body : request.query;
    const key = parseInput(ZRemoveItemBody, body);
    await boards.removeItem(deps, request.ctx.actor, request.params.id, key);
    return reply.status(204).send(null);
  });

  r.patch('/api/v1/boards/:id/items', {
    schema: { tags, description: `Reorders the board: \`items\` lists every visible item exactly once, first to last; positions are rewritten in one transaction (400 otherwise). ${editNote}`, params: ZBoardParams, body: ZReorderBody, response: { 200: ZBoardDetail } },
  }, async (request) => {
    await boards.reorderItems(deps, request.ctx.actor, request.params.id, request.body.items);
    return boards.getBoard(deps, request.ctx.actor, request.params.id, request.ctx.locale);
  });

  r.post('/api/v1/boards/:id/items/move', {
    schema: { tags, description: `Moves one item a step \`up\` or \`down\` (the pages’ “Move up / Move down” buttons). ${editNote}`, params: ZBoardParams, body: ZMoveBody, response: { 200: z.object({ position: z.number().int(), count: z.number().int() }) } },
  }, async (request) => boards.moveItem(deps, request.ctx.actor, request.params.id, request.body));

  await app.register(boardsPages, opts);
};
