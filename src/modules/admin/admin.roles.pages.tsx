import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { requireActor } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import type { FormErrors } from '../../platform/views/forms.js';
import * as roles from './admin.roles.service.js';
import { listCaisses } from './admin.caisses.service.js';
import { canGrantRole, canRevokeRole } from './admin.policy.js';
import { presentRoleGrant } from './admin.logs.presenter.js';
import { ZIdParams, ZRoleGrantBody } from './admin.schemas.js';
import { RolesPage } from './admin.roles.views.js';
import { doneFrom, handleAdminForm } from './admin.forms.js';

export const adminRolesPages: Module = async (app, { deps }) => {
  const rolesPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors, status = 200) => {
    const actor = requireActor(request);
    const [grants, caisses] = await Promise.all([roles.listGrants(deps, actor), listCaisses(deps, actor)]);
    const can = { grant: canGrantRole(actor, 'staff', null), revoke: canRevokeRole(actor) };
    const page = <RolesPage ctx={request.ctx} grants={grants.map(presentRoleGrant)} caisses={caisses.map((c) => ({ slug: c.row.slug, name: c.row.name }))} can={can} values={values} errors={errors} done={doneFrom(request)} />;
    return sendPage(request, reply, page, { title: request.ctx.t('admin.roles.title'), nav: 'admin', noindex: true, status });
  };

  app.get('/admin/roles', async (request, reply) => rolesPage(request, reply, {}));

  app.post('/admin/roles', async (request, reply) =>
    handleAdminForm(request, reply, ZRoleGrantBody,
      async (input) => {
        const { created } = await roles.grantRole(deps, requireActor(request), input);
        return reply.redirect(`/admin/roles?fait=${created ? 'granted' : 'unchanged'}`, 303);
      },
      (state, status) => rolesPage(request, reply, state.values, state.errors, status),
      { USER_NOT_FOUND: 'email', ROLE_SCOPE_REQUIRED: 'caisse', CAISSE_NOT_FOUND: 'caisse' },
    ),
  );

  app.post('/admin/roles/:id/retirer', async (request, reply) => {
    const { id } = parseInput(ZIdParams, request.params);
    await roles.revokeRole(deps, requireActor(request), id);
    return reply.redirect('/admin/roles?fait=revoked', 303);
  });
};
