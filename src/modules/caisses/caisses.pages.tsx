import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { parseInput } from '../../platform/validation.js';
import * as caisses from './caisses.service.js';
import { ZCaisseSlugParams } from './caisses.schemas.js';
import { CaissePage, CaissesPage } from './caisses.views.js';
import { actsForCaisse } from '../access/access.scope.js';
import { caissePublicSections } from '../caisse-space/caisse-space.service.js';
import { CaissePublicSectionsView } from '../caisse-space/caisse-public.views.js';

/** HTML pages: the caisses and one caisse. */
export const caissesPages: Module = async (app, { deps }) => {
  app.get('/caisses', async (request, reply) => {
    const { t, locale } = request.ctx;
    const list = await caisses.listCaisses(deps, locale);
    return sendPage(request, reply, <CaissesPage ctx={request.ctx} caisses={list} />, { title: t('caisses.list.title'), description: t('caisses.list.intro'), nav: 'caisses' });
  });

  app.get('/caisses/:slug', async (request, reply) => {
    const { slug } = parseInput(ZCaisseSlugParams, request.params);
    const caisse = await caisses.getCaisse(deps, slug, request.ctx.locale);
    const sections = await caissePublicSections(deps, caisse.id, request.ctx.locale);
    const more = <CaissePublicSectionsView ctx={request.ctx} slug={caisse.slug} sections={sections} can={{ staffSpace: actsForCaisse(request.ctx.actor, caisse.id) }} />;
    return sendPage(request, reply, <CaissePage ctx={request.ctx} caisse={caisse}>{more}</CaissePage>, { title: caisse.name, description: caisse.description || undefined, nav: 'caisses' });
  });
};
