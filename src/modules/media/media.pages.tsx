import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { requireActor } from '../../platform/http/guards.js';
import { AppError, type FieldIssue } from '../../platform/errors.js';
import { getMe } from '../me/me.service.js';
import { removeProfilePhoto, setProfilePhoto } from './media.service.js';
import { csrfFromQuery, readPhotoUpload } from './media.upload.js';
import { PhotoPage, type PhotoNotice } from './media.views.js';

/** Upload problems the person can fix by choosing another file: shown on the form, not as an error page. */
const FIXABLE = new Set(['VALIDATION_FAILED', 'IMAGE_INVALID', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA']);

export const mediaPages: Module = async (app, { deps }) => {
  const render = async (request: FastifyRequest, reply: FastifyReply, notice: PhotoNotice, errors?: Record<string, FieldIssue>, status = 200) => {
    const me = await getMe(deps, requireActor(request).id);
    return sendPage(request, reply, <PhotoPage ctx={request.ctx} me={me} notice={notice} errors={errors} />, { title: request.ctx.t('me.photo.title'), nav: 'me', noindex: true, status });
  };

  app.get('/moi/photo', async (request, reply) => {
    requireActor(request);
    const done = (request.query as Record<string, unknown>).fait;
    return render(request, reply, done === 'enregistree' ? 'saved' : done === 'supprimee' ? 'removed' : undefined);
  });

  app.post('/moi/photo', { onRequest: csrfFromQuery }, async (request, reply) => {
    const actor = requireActor(request);
    try {
      await setProfilePhoto(deps, actor, await readPhotoUpload(request));
    } catch (err) {
      if (!(err instanceof AppError) || !FIXABLE.has(err.code)) throw err;
      const fields = (err.details.fields as Record<string, FieldIssue> | undefined) ?? { photo: { key: `errors.${err.code}` } };
      return render(request, reply, undefined, fields, err.status);
    }
    return reply.redirect('/moi/photo?fait=enregistree', 303);
  });

  app.post('/moi/photo/supprimer', async (request, reply) => {
    await removeProfilePhoto(deps, requireActor(request));
    return reply.redirect('/moi/photo?fait=supprimee', 303);
  });
};
