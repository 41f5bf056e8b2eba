import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { requireActor } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import type { FormErrors } from '../../platform/views/forms.js';
import * as caisses from './admin.caisses.service.js';
import { listTerritories } from './admin.territories.service.js';
import { presentAdminCaisse, presentAdminTerritory, type AdminCaisseView } from './admin.presenter.js';
import { ZCaisseCreateBody, ZCaisseEditForm, ZSlugParams } from './admin.schemas.js';
import { CaisseEditPage, CaissesPage } from './admin.caisses.views.js';
import { doneFrom, handleAdminForm } from './admin.forms.js';

type Values = Record<string, unknown>;

function editValues(x: AdminCaisseView): Values {
  return { name: x.name, descriptionFr: x.descriptions.fr, descriptionEn: x.descriptions.en, address: x.address, website: x.website ?? '', requiresApproval: x.requiresApproval, territories: x.territories };
}

export const adminCaissesPages: Module = async (app, { deps }) => {
  const territoryViews = async (request: FastifyRequest) =>
    (await listTerritories(deps, requireActor(request))).map((x) => presentAdminTerritory(x.row, x.parentSlug));

  const listPage = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors?: FormErrors, status = 200) => {
    const rows = await caisses.listCaisses(deps, requireActor(request));
    const page = <CaissesPage ctx={request.ctx} caisses={rows.map((x) => presentAdminCaisse(x.row, x.territories))} territories={await territoryViews(request)} values={values} errors={errors} done={doneFrom(request)} />;
    return sendPage(request, reply, page, { title: request.ctx.t('admin.caisses.title'), nav: 'admin', noindex: true, status });
  };

  app.get('/admin/caisses', async (request, reply) => listPage(request, reply, {}));

  app.post('/admin/caisses', async (request, reply) =>
    handleAdminForm(request, reply, ZCaisseCreateBody,
      async (input) => {
        const { row } = await caisses.createCaisse(deps, requireActor(request), input);
        return reply.redirect(`/admin/caisses/${row.slug}?fait=created`, 303);
      },
      (state, status) => listPage(request, reply, state.values, state.errors, status),
      { SLUG_TAKEN: 'slug' },
    ),
  );

  const editPage = async (request: FastifyRequest, reply: FastifyReply, slug: string, values?: Values, errors?: FormErrors, status = 200) => {
    const found = await caisses.getCaisseForEdit(deps, requireActor(request), slug);
    const caisse = presentAdminCaisse(found.row, found.territories);
    const page = <CaisseEditPage ctx={request.ctx} caisse={caisse} territories={await territoryViews(request)} can={found.can} values={values ?? editValues(caisse)} errors={errors} done={doneFrom(request)} />;
    return sendPage(request, reply, page, { title: request.ctx.t('admin.caisses.editTitle', { name: caisse.name }), nav: 'admin', noindex: true, status });
  };

  app.get('/admin/caisses/:slug', async (request, reply) => editPage(request, reply, parseInput(ZSlugParams, request.params).slug));

  app.post('/admin/caisses/:slug', async (request, reply) => {
    const { slug } = parseInput(ZSlugParams, request.params);
    return handleAdminForm(request, reply, ZCaisseEditForm,
      async (input) => {
        await caisses.updateCaisse(deps, requireActor(request), slug, input);
        return reply.redirect(`/admin/caisses/${slug}?fait=saved`, 303);
      },
      (state, status) => editPage(request, reply, slug, state.values, state.errors, status),
    );
  });
};
