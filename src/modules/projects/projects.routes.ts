import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { idempotent } from '../../platform/idempotency.js';
import * as projects from './projects.service.js';
import { listProjects } from './projects.list.service.js';
import { ZProject, ZProjectList } from './projects.presenter.js';
import { ZCreateProjectBody, ZProjectListQuery, ZProjectParams, ZTransitionBody, ZUpdateProjectBody } from './projects.schemas.js';
import { projectsMediaRoutes } from './projects.media.routes.js';
import { projectsPages } from './projects.pages.js';
import { projectsEditPages } from './projects.edit.pages.js';

const tags = ['projects'];

/** JSON API of projects (list and search, create, read, edit, status moves), then the HTML pages. */
export const projectsRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/projects', { schema: { tags, querystring: ZProjectListQuery, response: { 200: ZProjectList } } }, async (request) =>
    listProjects(deps, request.ctx.locale, request.query),
  );

  r.post(
    '/api/v1/projects',
    { schema: { tags, description: 'Creates a draft; the caller becomes its promoter. Honours `Idempotency-Key`.', body: ZCreateProjectBody, response: { 201: ZProject } } },
    async (request, reply) =>
      idempotent(deps.db, request, reply, async () => {
        const id = await projects.createProject(deps, request.ctx.actor, request.body);
        return { status: 201, body: await projects.loadView(deps, id, request.ctx.locale) };
      }),
  );

  r.get('/api/v1/projects/:id', { schema: { tags, params: ZProjectParams, response: { 200: ZProject } } }, async (request) =>
    projects.getProject(deps, request.ctx.actor, request.params.id, request.ctx.locale),
  );

  r.patch('/api/v1/projects/:id', { schema: { tags, params: ZProjectParams, body: ZUpdateProjectBody, response: { 200: ZProject } } }, async (request) =>
    projects.updateProject(deps, request.ctx.actor, request.params.id, request.body, request.ctx.locale),
  );

  r.post(
    '/api/v1/projects/:id/transitions',
    { schema: { tags, description: 'Moves the project to another status (`{ "to": "published" }`); a refused move answers 409 TRANSITION_NOT_ALLOWED.', params: ZProjectParams, body: ZTransitionBody, response: { 200: ZProject } } },
    async (request) => {
      await projects.transitionProject(deps, request.ctx.actor, request.params.id, request.body);
      return projects.loadView(deps, request.params.id, request.ctx.locale);
    },
  );

  await app.register(projectsMediaRoutes, opts);
  await app.register(projectsPages, opts);
  await app.register(projectsEditPages, opts);
};

