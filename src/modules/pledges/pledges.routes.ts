import { SECURITY } from '../../platform/http/openapi.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { requireActor } from '../../platform/http/guards.js';
import { idempotent } from '../../platform/idempotency.js';
import * as pledges from './pledges.service.js';
import { getPledge, listMyPledges, projectPledges } from './pledges.queries.service.js';
import { presentPledge, ZPledge, ZPledgeList, ZPledgeWithHistory } from './pledges.presenter.js';
import { ZCreatePledgeBody, ZIdParams, ZMyPledgesQuery, ZProjectPledgesQuery, ZTransitionBody } from './pledges.schemas.js';
import { pledgesPages } from './pledges.pages.js';
import { z } from 'zod';

const tags = ['pledges'];

/** JSON API of pledges, then the HTML pages. */
export const pledgesRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/needs/:id/pledges', { schema: { tags, params: ZIdParams, body: ZCreatePledgeBody, response: { 201: ZPledge } } }, async (request, reply) => {
    const actor = requireActor(request);
    return idempotent(deps.db, request, reply, async () => {
      const created = await pledges.createPledge(deps, actor, request.params.id, request.body);
      return { status: 201, body: presentPledge(created, 'full') };
    });
  });

  r.post('/api/v1/pledges/:id/transitions', { schema: { tags, params: ZIdParams, body: ZTransitionBody, response: { 200: ZPledge.extend({ outcome: z.enum(['accepted', 'declined', 'withdrawn', 'fulfil_requested', 'fulfilled']) }) } } }, async (request) => {
    const actor = requireActor(request);
    const { outcome } = await pledges.transitionPledge(deps, actor, request.params.id, request.body);
    const { pledge, can } = await getPledge(deps, actor, request.params.id);
    return { ...presentPledge(pledge, 'full', can), outcome };
  });

  r.get('/api/v1/pledges/:id', { schema: { tags, security: SECURITY.signedIn, params: ZIdParams, response: { 200: ZPledgeWithHistory } } }, async (request) => {
    const { pledge, can, events } = await getPledge(deps, requireActor(request), request.params.id);
    return { ...presentPledge(pledge, 'full', can), events };
  });

  r.get('/api/v1/projects/:id/pledges', { schema: { tags, description: 'A project’s pledges, newest first, paged (`limit`, `cursor`): its team sees every status, others accepted and fulfilled help.', params: ZIdParams, querystring: ZProjectPledgesQuery, response: { 200: ZPledgeList } } }, async (request) => {
    const { full, items, nextCursor } = await projectPledges(deps, request.ctx.actor, request.params.id, request.query);
    return { items: items.map((i) => presentPledge(i.pledge, full ? 'full' : 'public', i.can)), nextCursor };
  });

  r.get('/api/v1/me/pledges', { schema: { tags, security: SECURITY.signedIn, querystring: ZMyPledgesQuery, response: { 200: ZPledgeList } } }, async (request) => {
    const { items, nextCursor } = await listMyPledges(deps, requireActor(request), request.query);
    return { items: items.map((i) => presentPledge(i.pledge, 'full', i.can)), nextCursor };
  });

  await app.register(pledgesPages, opts);
};
