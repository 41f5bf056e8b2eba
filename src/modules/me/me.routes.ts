import { SECURITY } from '../../platform/http/openapi.js';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { clientMeta, requireActor } from '../../platform/http/guards.js';
import { setSessionCookie } from '../../platform/http/cookies.js';
import { ZApiToken, ZMe } from './me.presenter.js';
import { ZChangePasswordBody, ZCreateTokenBody, ZTokenParams, ZUpdateMeBody } from './me.schemas.js';
import * as me from './me.service.js';

const tags = ['me'];

/** JSON API of one's own account: profile, password, e-mail verification, personal access tokens. */
export const meApiRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Signed-in only, checked before the body is validated (a visitor learns nothing from a 400).
  app.addHook('onRequest', async (request) => {
    requireActor(request);
  });

  r.get('/api/v1/me', { schema: { tags, security: SECURITY.signedIn, response: { 200: ZMe } } }, async (request) => me.getMe(deps, requireActor(request).id));

  r.patch('/api/v1/me', { schema: { tags, body: ZUpdateMeBody, response: { 200: ZMe } } }, async (request) => me.updateMe(deps, requireActor(request), request.body));

  r.post('/api/v1/me/password', { schema: { tags, body: ZChangePasswordBody, response: { 200: z.object({ status: z.literal('ok') }) } } }, async (request, reply) => {
    const session = await me.changePassword(deps, requireActor(request), request.body, clientMeta(request));
    setSessionCookie(reply, deps.config, session.rawId, session.expiresAt);
    return { status: 'ok' as const };
  });

  r.post('/api/v1/me/email-verification', { schema: { tags, response: { 202: z.object({ status: z.literal('accepted'), message: z.string() }) } } }, async (request, reply) => {
    await me.resendVerification(deps, requireActor(request));
    return reply.status(202).send({ status: 'accepted' as const, message: request.ctx.t('me.unverified.sent') });
  });

  r.get('/api/v1/me/tokens', { schema: { tags, security: SECURITY.signedIn, response: { 200: z.object({ items: z.array(ZApiToken), nextCursor: z.null() }) } } }, async (request) => ({
    items: await me.listTokens(deps, requireActor(request)),
    nextCursor: null,
  }));

  r.post('/api/v1/me/tokens', { schema: { tags, body: ZCreateTokenBody, response: { 201: ZApiToken.extend({ token: z.string() }) } } }, async (request, reply) => {
    const created = await me.createToken(deps, requireActor(request), request.body.name, request.body.expiresInDays);
    return reply.status(201).send(created);
  });

  r.delete('/api/v1/me/tokens/:id', { schema: { tags, params: ZTokenParams, response: { 204: z.null() } } }, async (request, reply) => {
    await me.revokeToken(deps, requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });
};
