import type { Module } from '../index.js';
import { sendPage } from '../../platform/views/render.js';
import { parseInput } from '../../platform/validation.js';
import * as caisses from './caisses.service.js';
import { ZCaisseSlugParams } from './caisses.schemas.js';
import { CaissePage, CaissesPage } from './caisses.views.js';

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
    return sendPage(request, reply, <CaissePage ctx={request.ctx} caisse={caisse} />, { title: caisse.name, description: caisse.description || undefined, nav: 'caisses' });
  });
};
