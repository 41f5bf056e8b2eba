import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { requireActor } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import type { FormErrors } from '../../platform/views/forms.js';
import * as territories from './admin.territories.service.js';
import { dashboardStats } from './admin.logs.service.js';
import { canManageTerritories } from './admin.policy.js';
import { presentAdminTerritory, type AdminTerritoryView } from './admin.presenter.js';
import { ZSlugParams, ZTerritoryCreateBody, ZTerritoryPatchBody } from './admin.schemas.js';
import { DashboardPage } from './admin.views.js';
import { TerritoriesPage, TerritoryEditPage } from './admin.territories.views.js';
import { doneFrom, handleAdminForm } from './admin.forms.js';
import { changeRollout, rolloutDetails } from '../territories/territories.rollout.service.js';
import { montrealMidnight, ZRolloutFormBody } from '../territories/territories.schemas.js';

type Values = Record<string, unknown>;

function editValues(x: AdminTerritoryView): Values {
  return { nameFr: x.names.fr, nameEn: x.names.en, descriptionFr: x.descriptions.fr, descriptionEn: x.descriptions.en, parent: x.parent ?? '', position: x.position };
}

/** Dashboard and territories (the admin guard runs before every route here). */
export const adminPages: Module = async (app, { deps }) => {
  const allTerritories = async (request: FastifyRequest) =>
    (await territories.listTerritories(deps, requireActor(request))).map((x) => presentAdminTerritory(x.row, x.parentSlug));

  app.get('/admin', async (request, reply) => {
    const stats = await dashboardStats(deps, requireActor(request));
    return sendPage(request, reply, <DashboardPage ctx={request.ctx} stats={stats} />, { title: request.ctx.t('admin.title'), nav: 'admin', noindex: true });
  });

  const listPage = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors?: FormErrors, status = 200) => {
    const can = { manage: canManageTerritories(requireActor(request)) };
    const page = <TerritoriesPage ctx={request.ctx} territories={await allTerritories(request)} can={can} values={values} errors={errors} done={doneFrom(request)} />;
    return sendPage(request, reply, page, { title: request.ctx.t('admin.territories.title'), nav: 'admin', noindex: true, status });
  };

  app.get('/admin/territoires', async (request, reply) => listPage(request, reply, {}));

  app.post('/admin/territoires', async (request, reply) =>
    handleAdminForm(request, reply, ZTerritoryCreateBody,
      async (input) => {
        const { row } = await territories.createTerritory(deps, requireActor(request), input);
        return reply.redirect(`/admin/territoires/${row.slug}?fait=created`, 303);
      },
      (state, status) => listPage(request, reply, state.values, state.errors, status),
      { SLUG_TAKEN: 'slug' },
    ),
  );

  type RolloutForm = { values: Values; errors?: FormErrors | undefined };
  const editPage = async (request: FastifyRequest, reply: FastifyReply, slug: string, values?: Values, errors?: FormErrors, status = 200, rolloutForm?: RolloutForm) => {
    const actor = requireActor(request);
    const { row, parentSlug } = await territories.getTerritory(deps, actor, slug);
    const territory = presentAdminTerritory(row, parentSlug);
    const parents = (await allTerritories(request)).filter((x) => x.slug !== slug);
    const rollout = { ...(await rolloutDetails(deps, actor, row.id)), form: rolloutForm };
    const page = <TerritoryEditPage ctx={request.ctx} territory={territory} parents={parents} values={values ?? editValues(territory)} errors={errors} done={doneFrom(request)} rollout={rollout} />;
    return sendPage(request, reply, page, { title: request.ctx.t('admin.territories.editTitle', { name: territory.names[request.ctx.locale] }), nav: 'admin', noindex: true, status });
  };

  app.get('/admin/territoires/:slug', async (request, reply) => editPage(request, reply, parseInput(ZSlugParams, request.params).slug));

  app.post('/admin/territoires/:slug', async (request, reply) => {
    const { slug } = parseInput(ZSlugParams, request.params);
    return handleAdminForm(request, reply, ZTerritoryPatchBody,
      async (input) => {
        await territories.updateTerritory(deps, requireActor(request), slug, input);
        return reply.redirect(`/admin/territoires/${slug}?fait=saved`, 303);
      },
      (state, status) => editPage(request, reply, slug, state.values, state.errors, status),
    );
  });

  app.post('/admin/territoires/:slug/etat', async (request, reply) => {
    const { slug } = parseInput(ZSlugParams, request.params);
    // ADR 0015: a blank date applies now; a date is midnight in Montréal, scheduled when in the future.
    return handleAdminForm(request, reply, ZRolloutFormBody,
      async (input) => {
        await changeRollout(deps, requireActor(request), slug, { state: input.rolloutState, effectiveAt: input.effectiveDate ? montrealMidnight(input.effectiveDate) : undefined });
        // The list's row form has no date field: back to the list; the edit page's form: back there.
        const fromEditPage = 'effectiveDate' in ((request.body as Record<string, unknown> | undefined) ?? {});
        return reply.redirect(fromEditPage ? `/admin/territoires/${slug}?fait=rollout` : '/admin/territoires?fait=rollout', 303);
      },
      (state, status) => editPage(request, reply, slug, undefined, undefined, status, { values: state.values, errors: state.errors }),
    );
  });
};
