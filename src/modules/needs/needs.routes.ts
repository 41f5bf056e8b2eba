import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { ZProjectParams } from '../projects/projects.schemas.js';
import * as needs from './needs.service.js';
import { presentNeed, ZNeed, ZNeedList } from './needs.presenter.js';
import { ZCreateNeedBody, ZNeedParams, ZUpdateNeedBody } from './needs.schemas.js';
import { needsPages } from './needs.pages.js';

const tags = ['needs'];

/** JSON API of needs (status and progress derived from pledges), then the HTML forms. */
export const needsRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/projects/:id/needs', { schema: { tags, params: ZProjectParams, response: { 200: ZNeedList } } }, async (request) => ({
    items: (await needs.listProjectNeeds(deps, request.ctx.actor, request.params.id)).map(presentNeed),
    nextCursor: null,
  }));

  r.post(
    '/api/v1/projects/:id/needs',
    { schema: { tags, description: 'Quantity is in the unit of the kind: hours (volunteering, expertise), cents (funding, loan), items (product, service, material).', params: ZProjectParams, body: ZCreateNeedBody, response: { 201: ZNeed } } },
    async (request, reply) => reply.status(201).send(presentNeed(await needs.createNeed(deps, request.ctx.actor, request.params.id, request.body))),
  );

  r.get('/api/v1/needs/:id', { schema: { tags, params: ZNeedParams, response: { 200: ZNeed } } }, async (request) =>
    presentNeed(await needs.getNeed(deps, request.ctx.actor, request.params.id)),
  );

  r.patch('/api/v1/needs/:id', { schema: { tags, description: '`{ "closed": true }` closes the need, `false` reopens it.', params: ZNeedParams, body: ZUpdateNeedBody, response: { 200: ZNeed } } }, async (request) =>
    presentNeed(await needs.updateNeed(deps, request.ctx.actor, request.params.id, request.body)),
  );

  await app.register(needsPages, opts);
};
