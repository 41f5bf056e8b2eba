import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { AppError, type FieldIssue } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { csrfFromQuery } from '../media/media.upload.js';
import { transitionProject, updateProject } from './projects.service.js';
import { projectEditData } from './projects.page.service.js';
import { addTeamMember, removeTeamMember } from './projects.team.service.js';
import { addProjectImage, deleteProjectImage, updateProjectImage } from './projects.images.service.js';
import { readImageUpload } from './projects.upload.js';
import { ZProjectImageParams, ZProjectParams, ZTeamBody, ZTeamMemberParams, ZTransitionBody, ZUpdateProjectBody } from './projects.schemas.js';
import { ProjectEditPage, type EditFormState } from './projects.edit.views.js';

/** `?fait=` after a redirect → the notice it stands for. */
const DONE: Record<string, string> = { cree: 'projects.edit.saved', enregistre: 'projects.edit.saved', besoin: 'projects.edit.needSaved', image: 'projects.edit.imageSaved', equipe: 'projects.edit.teamSaved' };
/** Upload problems the person can fix by choosing another file: shown on the form. */
const FIXABLE = new Set(['VALIDATION_FAILED', 'IMAGE_INVALID', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA', 'IMAGE_LIMIT_REACHED']);
const ZImageMove = ZProjectImageParams.extend({ action: z.enum(['couverture', 'monter', 'descendre', 'supprimer']) });

/** The edit page and its no-JS forms: details, status moves, team, images. */
export const projectsEditPages: Module = async (app, { deps }) => {
  async function editPage(request: FastifyRequest, reply: FastifyReply, id: string, o: { state?: EditFormState; notice?: string | undefined; status?: number } = {}) {
    const data = await projectEditData(deps, request.ctx.actor, id, request.ctx.locale);
    const title = request.ctx.t(data.can.edit ? 'projects.edit.title' : 'projects.edit.manageTitle', { title: data.project.title });
    return sendPage(request, reply, <ProjectEditPage ctx={request.ctx} data={data} state={o.state} notice={o.notice} />, { title, noindex: true, status: o.status ?? 200 });
  }
  const idOf = (request: FastifyRequest) => parseInput(ZProjectParams, request.params).id;
  const back = (id: string, done: string, anchor: string) => `/projets/${id}/modifier?fait=${done}#${anchor}`;

  app.get('/projets/:id/modifier', async (request, reply) => {
    const id = idOf(request);
    const q = request.query as Record<string, unknown>;
    const done = typeof q.fait === 'string' ? q.fait : '';
    const status = typeof q.statut === 'string' ? q.statut : '';
    const notice = done === 'statut' && status ? request.ctx.t('projects.edit.moved', { status: request.ctx.t(`projects.status.${status}`) }) : DONE[done] ? request.ctx.t(DONE[done]) : undefined;
    return editPage(request, reply, id, { notice });
  });

  app.post('/projets/:id/modifier', async (request, reply) => {
    const id = idOf(request);
    return handleForm(request, reply, ZUpdateProjectBody,
      async (input) => {
        await updateProject(deps, request.ctx.actor, id, input, request.ctx.locale);
        return reply.redirect(back(id, 'enregistre', 'informations'), 303);
      },
      (state, status) => editPage(request, reply, id, { state: { form: 'details', ...state }, status }),
    );
  });

  app.post('/projets/:id/transitions', async (request, reply) => {
    const id = idOf(request);
    return handleForm(request, reply, ZTransitionBody,
      async (input) => {
        await transitionProject(deps, request.ctx.actor, id, input);
        // Back to the edit page while the actor may still act on the project; else to its page.
        const stays = await projectEditData(deps, request.ctx.actor, id, request.ctx.locale).then(() => true, () => false);
        return reply.redirect(stays ? `/projets/${id}/modifier?fait=statut&statut=${input.to}#statut` : `/projets/${id}`, 303);
      },
      (state, status) => editPage(request, reply, id, { state: { form: 'transition', ...state }, status }),
    );
  });

  app.post('/projets/:id/equipe', async (request, reply) => {
    const id = idOf(request);
    return handleForm(request, reply, ZTeamBody,
      async ({ handle }) => {
        await addTeamMember(deps, request.ctx.actor, id, handle);
        return reply.redirect(back(id, 'equipe', 'equipe'), 303);
      },
      (state, status) => editPage(request, reply, id, { state: { form: 'team', ...state }, status }),
    );
  });

  app.post('/projets/:id/equipe/:handle/retirer', async (request, reply) => {
    const { id, handle } = parseInput(ZTeamMemberParams, request.params);
    await removeTeamMember(deps, request.ctx.actor, id, handle);
    return reply.redirect(back(id, 'equipe', 'equipe'), 303);
  });

  app.post('/projets/:id/images', { onRequest: csrfFromQuery }, async (request, reply) => {
    const id = idOf(request);
    let alt = '';
    try {
      const upload = await readImageUpload(request);
      alt = upload.alt;
      await addProjectImage(deps, request.ctx.actor, id, upload);
    } catch (err) {
      if (!(err instanceof AppError) || !FIXABLE.has(err.code)) throw err;
      const errors = (err.details.fields as Record<string, FieldIssue> | undefined) ?? { file: { key: `errors.${err.code}` } };
      return editPage(request, reply, id, { state: { form: 'image', values: { alt }, errors }, status: err.status });
    }
    return reply.redirect(back(id, 'image', 'images'), 303);
  });

  app.post('/projets/:id/images/:imageId/:action', async (request, reply) => {
    const { id, imageId, action } = parseInput(ZImageMove, request.params);
    if (action === 'supprimer') {
      await deleteProjectImage(deps, request.ctx.actor, id, imageId);
    } else if (action === 'couverture') {
      await updateProjectImage(deps, request.ctx.actor, id, imageId, { cover: true });
    } else {
      const { project } = await projectEditData(deps, request.ctx.actor, id, request.ctx.locale);
      const index = project.images.findIndex((i) => i.id === imageId);
      await updateProjectImage(deps, request.ctx.actor, id, imageId, { position: Math.max(0, index + (action === 'monter' ? -1 : 1)) });
    }
    return reply.redirect(back(id, 'image', 'images'), 303);
  });
};
