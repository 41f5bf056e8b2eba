import { SECURITY } from '../../platform/http/openapi.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import * as territories from './territories.service.js';
import { ZTerritoryDetail, ZTerritoryList } from './territories.presenter.js';
import { ZSlugParams, ZTerritoryListQuery, ZWaitlistAccepted, ZWaitlistBody } from './territories.schemas.js';
import { territoriesPages } from './territories.pages.js';
import { rolloutRoutes } from './territories.rollout.routes.js';

const tags = ['territories'];

/** JSON API of territories (public reads + the waitlist), then the HTML pages. */
export const territoriesRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/territories', { schema: { tags, querystring: ZTerritoryListQuery, response: { 200: ZTerritoryList } } }, async (request) => ({
    items: await territories.listTerritories(deps, request.ctx.locale, request.query),
    nextCursor: null,
  }));

  r.get('/api/v1/territories/:slug', { schema: { tags, params: ZSlugParams, response: { 200: ZTerritoryDetail } } }, async (request) => {
    const page = await territories.getTerritory(deps, request.params.slug, request.ctx.locale);
    return page.territory;
  });

  r.post('/api/v1/territories/:slug/waitlist', { schema: { tags, security: SECURITY.none,  params: ZSlugParams, body: ZWaitlistBody, response: { 202: ZWaitlistAccepted } } }, async (request, reply) => {
    await territories.joinWaitlist(deps, { slug: request.params.slug, email: request.body.email, locale: request.ctx.locale, ip: request.ip });
    return reply.status(202).send({ status: 'accepted' as const, message: request.ctx.t('territories.waitlist.accepted') });
  });

  await app.register(rolloutRoutes, opts);
  await app.register(territoriesPages, opts);
};
