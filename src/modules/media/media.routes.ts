import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { requireActor } from '../../platform/http/guards.js';
import { ZMe } from '../me/me.presenter.js';
import { getMe } from '../me/me.service.js';
import { readMedia, removeProfilePhoto, setProfilePhoto } from './media.service.js';
import { readPhotoUpload } from './media.upload.js';
import { mediaPages } from './media.pages.js';

const ONE_YEAR = 31_536_000;
const signedIn = async (request: FastifyRequest) => {
  requireActor(request);
};

/** Serving stored media, the profile photo API, and (registered here) the /moi/photo page. */
export const mediaRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Keys are random and never reused, so a file never changes; "private" keeps shared caches out.
  app.get('/media/:key', async (request, reply) => {
    const { key } = z.object({ key: z.string().max(100) }).parse(request.params);
    const data = await readMedia(deps, key);
    return reply
      .header('Content-Type', 'image/webp')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Cache-Control', `private, max-age=${ONE_YEAR}, immutable`)
      .header('Content-Disposition', 'inline')
      .send(data);
  });

  r.put(
    '/api/v1/me/photo',
    { onRequest: signedIn, config: { openapi: { multipart: { photo: { file: true, required: true, description: 'The photo: JPEG, PNG, WebP or GIF; 8 MB, 40 megapixels at most.' } } } }, schema: { tags: ['me'], description: 'multipart/form-data with one file field `photo` (JPEG, PNG, WebP or GIF; 8 MB, 40 megapixels at most).', response: { 200: ZMe } } },
    async (request) => {
      const actor = requireActor(request);
      await setProfilePhoto(deps, actor, await readPhotoUpload(request));
      return getMe(deps, actor.id);
    },
  );

  r.delete('/api/v1/me/photo', { onRequest: signedIn, schema: { tags: ['me'], response: { 200: ZMe } } }, async (request) => {
    const actor = requireActor(request);
    await removeProfilePhoto(deps, actor);
    return getMe(deps, actor.id);
  });

  await app.register(mediaPages, opts);
};
