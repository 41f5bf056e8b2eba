import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm, type FormState } from '../../platform/http/forms.js';
import { parseInput } from '../../platform/validation.js';
import { ZProjectParams } from '../projects/projects.schemas.js';
import { editableProject } from '../projects/projects.access.js';
import * as needs from './needs.service.js';
import { presentNeed } from './needs.presenter.js';
import { ZCreateNeedBody, ZNeedParams, ZUpdateNeedBody } from './needs.schemas.js';
import { needFormToBody, needToFormValues } from './needs.forms.js';
import { NeedFormPage } from './needs.form.views.js';
import type { NeedKind } from './needs.domain.js';

const ZNewNeedForm = z.preprocess((body) => needFormToBody(body), ZCreateNeedBody);
const editForm = (kind: NeedKind) => z.preprocess((body) => needFormToBody(body, kind), ZUpdateNeedBody);
const backToProject = (projectId: string) => `/projets/${projectId}/modifier?fait=besoin#besoins`;

/** The no-JS need forms: add, edit, close and reopen (each change goes back to the project's edit page). */
export const needsPages: Module = async (app, { deps }) => {
  async function form(request: FastifyRequest, reply: FastifyReply, o: { projectId: string; kind: NeedKind | undefined; action: string; state: FormState<Record<string, unknown>>; status?: number }) {
    const { project } = await editableProject(deps, request.ctx.actor, o.projectId);
    const title = request.ctx.t(o.kind ? 'needs.form.editTitle' : 'needs.form.newTitle');
    return sendPage(request, reply, <NeedFormPage ctx={request.ctx} project={project} kind={o.kind} action={o.action} values={o.state.values} errors={o.state.errors} />, { title, status: o.status ?? 200, noindex: true });
  }

  app.get('/projets/:id/besoins/nouveau', async (request, reply) => {
    const { id } = parseInput(ZProjectParams, request.params);
    return form(request, reply, { projectId: id, kind: undefined, action: `/projets/${id}/besoins/nouveau`, state: { values: {} } });
  });

  app.post('/projets/:id/besoins/nouveau', async (request, reply) => {
    const { id } = parseInput(ZProjectParams, request.params);
    return handleForm(request, reply, ZNewNeedForm,
      async (input) => {
        await needs.createNeed(deps, request.ctx.actor, id, input);
        return reply.redirect(backToProject(id), 303);
      },
      (state, status) => form(request, reply, { projectId: id, kind: undefined, action: `/projets/${id}/besoins/nouveau`, state, status }),
    );
  });

  /** A need's own address leads to its place on the project page. */
  app.get('/besoins/:id', async (request, reply) => {
    const { id } = parseInput(ZNeedParams, request.params);
    const need = await needs.getNeed(deps, request.ctx.actor, id);
    return reply.redirect(`/projets/${need.projectId}#need-${need.id}`, 303);
  });

  app.get('/besoins/:id/modifier', async (request, reply) => {
    const { id } = parseInput(ZNeedParams, request.params);
    const need = presentNeed(await needs.getNeed(deps, request.ctx.actor, id));
    return form(request, reply, { projectId: need.projectId, kind: need.kind, action: `/besoins/${id}/modifier`, state: { values: needToFormValues(need) } });
  });

  app.post('/besoins/:id/modifier', async (request, reply) => {
    const { id } = parseInput(ZNeedParams, request.params);
    const need = await needs.getNeed(deps, request.ctx.actor, id);
    return handleForm(request, reply, editForm(need.kind),
      async (input) => {
        await needs.updateNeed(deps, request.ctx.actor, id, input);
        return reply.redirect(backToProject(need.projectId), 303);
      },
      (state, status) => form(request, reply, { projectId: need.projectId, kind: need.kind, action: `/besoins/${id}/modifier`, state, status }),
    );
  });

  for (const [path, closed] of [['fermer', true], ['rouvrir', false]] as const) {
    app.post(`/besoins/:id/${path}`, async (request, reply) => {
      const { id } = parseInput(ZNeedParams, request.params);
      const need = await needs.updateNeed(deps, request.ctx.actor, id, { closed });
      return reply.redirect(backToProject(need.projectId), 303);
    });
  }
};
