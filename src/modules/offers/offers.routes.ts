import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { idempotent } from '../../platform/idempotency.js';
import * as offers from './offers.service.js';
import { ZOffer, ZOfferList } from './offers.presenter.js';
import { ZCreateOfferBody, ZOfferListQuery, ZOfferParams, ZUpdateOfferBody } from './offers.schemas.js';
import { offersPages } from './offers.pages.js';

const tags = ['offers'];
const quantityNote = 'Quantity is in the unit of the kind: hours (volunteering, expertise), cents (funding, loan), items (product, service, material); null names no amount.';

/** JSON API of offers, then the HTML pages (organisations' standing capacities live in the organisations module). */
export const offersRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const view = async (request: FastifyRequest, id: string) => (await offers.getOffer(deps, request.ctx.actor, id, request.ctx.locale)).offer;

  r.get('/api/v1/offers', { schema: { tags, description: 'Active offers, newest first; `q` searches titles and descriptions.', querystring: ZOfferListQuery, response: { 200: ZOfferList } } }, async (request) =>
    offers.listOffers(deps, request.ctx.actor, request.ctx.locale, request.query),
  );

  r.post('/api/v1/offers', { schema: { tags, description: `${quantityNote} Honours \`Idempotency-Key\`.`, body: ZCreateOfferBody, response: { 201: ZOffer } } }, async (request, reply) =>
    idempotent(deps.db, request, reply, async () => ({ status: 201, body: await view(request, await offers.createOffer(deps, request.ctx.actor, request.body)) })),
  );

  r.get('/api/v1/offers/:id', { schema: { tags, params: ZOfferParams, response: { 200: ZOffer } } }, async (request) => view(request, request.params.id));

  r.patch('/api/v1/offers/:id', { schema: { tags, description: 'Its owner, or a representative of its organisation.', params: ZOfferParams, body: ZUpdateOfferBody, response: { 200: ZOffer } } }, async (request) => {
    await offers.updateOffer(deps, request.ctx.actor, request.params.id, request.body);
    return view(request, request.params.id);
  });

  r.delete('/api/v1/offers/:id', { schema: { tags, params: ZOfferParams, response: { 204: z.null() } } }, async (request, reply) => {
    await offers.deleteOffer(deps, request.ctx.actor, request.params.id);
    return reply.status(204).send(null);
  });

  await app.register(offersPages, opts);
};
