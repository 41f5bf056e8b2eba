import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import * as caisses from './caisses.service.js';
import { ZCaisse, ZCaisseList } from './caisses.presenter.js';
import { ZCaisseSlugParams } from './caisses.schemas.js';
import { caissesPages } from './caisses.pages.js';
import { caissePublicSections } from '../caisse-space/caisse-space.service.js';
import { ZPartnerLine, ZPersonLine, ZProjectLine } from '../caisse-space/caisse-space.presenter.js';
import { ZDelegate } from '../delegates/delegates.presenter.js';

const tags = ['caisses'];
/** One caisse with its public sections: staff contacts, sponsored projects, active partners, delegates in their term. */
const ZCaisseDetail = ZCaisse.extend({ staff: z.array(ZPersonLine), sponsoredProjects: z.array(ZProjectLine), partners: z.array(ZPartnerLine), delegates: z.array(ZDelegate) });

/** JSON API of caisses (public reads), then the HTML pages. */
export const caissesRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/caisses', { schema: { tags, response: { 200: ZCaisseList } } }, async (request) => ({
    items: await caisses.listCaisses(deps, request.ctx.locale),
    nextCursor: null,
  }));

  r.get('/api/v1/caisses/:slug', { schema: { tags, params: ZCaisseSlugParams, response: { 200: ZCaisseDetail } } }, async (request) => {
    const caisse = await caisses.getCaisse(deps, request.params.slug, request.ctx.locale);
    const s = await caissePublicSections(deps, caisse.id, request.ctx.locale);
    return { ...caisse, staff: s.staff, sponsoredProjects: s.sponsored, partners: s.partners, delegates: s.delegates };
  });

  await app.register(caissesPages, opts);
};
