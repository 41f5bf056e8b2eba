import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../index.js';
import * as caisses from './caisses.service.js';
import { ZCaisse, ZCaisseList } from './caisses.presenter.js';
import { ZCaisseSlugParams } from './caisses.schemas.js';
import { caissesPages } from './caisses.pages.js';

const tags = ['caisses'];

/** JSON API of caisses (public reads), then the HTML pages. */
export const caissesRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/caisses', { schema: { tags, response: { 200: ZCaisseList } } }, async (request) => ({
    items: await caisses.listCaisses(deps, request.ctx.locale),
    nextCursor: null,
  }));

  r.get('/api/v1/caisses/:slug', { schema: { tags, params: ZCaisseSlugParams, response: { 200: ZCaisse } } }, async (request) =>
    caisses.getCaisse(deps, request.params.slug, request.ctx.locale),
  );

  await app.register(caissesPages, opts);
};
