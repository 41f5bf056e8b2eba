import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { ZListQuery } from '../../platform/pagination.js';
import { loadView } from './projects.service.js';
import { addTeamMember, removeTeamMember } from './projects.team.service.js';
import { listUpdates, postUpdate } from './projects.updates.service.js';
import { addProjectImage, deleteProjectImage, updateProjectImage } from './projects.images.service.js';
import { readImageUpload } from './projects.upload.js';
import { ZProject, ZProjectImage, ZProjectUpdate } from './projects.presenter.js';
import { ZImagePatchBody, ZProjectImageParams, ZProjectParams, ZTeamBody, ZTeamMemberParams, ZUpdateBody } from './projects.schemas.js';

const tags = ['projects'];

/** A project's team, images and news (updates). */
export const projectsMediaRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/projects/:id/team', { schema: { tags, params: ZProjectParams, body: ZTeamBody, response: { 200: ZProject } } }, async (request) => {
    await addTeamMember(deps, request.ctx.actor, request.params.id, request.body.handle);
    return loadView(deps, request.params.id, request.ctx.locale);
  });

  r.delete('/api/v1/projects/:id/team/:handle', { schema: { tags, params: ZTeamMemberParams, response: { 200: ZProject } } }, async (request) => {
    await removeTeamMember(deps, request.ctx.actor, request.params.id, request.params.handle);
    return loadView(deps, request.params.id, request.ctx.locale);
  });

  r.post(
    '/api/v1/projects/:id/images',
    {
      config: { openapi: { multipart: { file: { file: true, required: true, description: 'The image: JPEG, PNG, WebP or GIF; 8 MB, 40 megapixels at most.' }, alt: { required: true, description: 'Its alternative text, 1–200 characters.' } } } },
      schema: {
        tags, params: ZProjectParams, response: { 201: ZProjectImage },
        description: 'multipart/form-data with a `file` (JPEG, PNG, WebP or GIF; 8 MB, 40 megapixels at most) and its `alt` text (1–200 characters, required). At most 10 images per project.',
      },
    },
    async (request, reply) => {
      const image = await addProjectImage(deps, request.ctx.actor, request.params.id, await readImageUpload(request));
      return reply.status(201).send(image);
    },
  );

  r.patch('/api/v1/projects/:id/images/:imageId', { schema: { tags, params: ZProjectImageParams, body: ZImagePatchBody, response: { 200: ZProjectImage } } }, async (request) =>
    updateProjectImage(deps, request.ctx.actor, request.params.id, request.params.imageId, request.body),
  );

  r.delete('/api/v1/projects/:id/images/:imageId', { schema: { tags, params: ZProjectImageParams, response: { 204: z.null() } } }, async (request, reply) => {
    await deleteProjectImage(deps, request.ctx.actor, request.params.id, request.params.imageId);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/projects/:id/updates', { schema: { tags, params: ZProjectParams, querystring: ZListQuery, response: { 200: z.object({ items: z.array(ZProjectUpdate), nextCursor: z.string().nullable() }) } } }, async (request) =>
    listUpdates(deps, request.ctx.actor, request.params.id, request.query),
  );

  r.post('/api/v1/projects/:id/updates', { schema: { tags, params: ZProjectParams, body: ZUpdateBody, response: { 201: ZProjectUpdate } } }, async (request, reply) => {
    const update = await postUpdate(deps, request.ctx.actor, request.params.id, request.body);
    return reply.status(201).send(update);
  });
};
