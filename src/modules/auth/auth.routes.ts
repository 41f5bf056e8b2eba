import { SECURITY } from '../../platform/http/openapi.js';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { clientMeta } from '../../platform/http/guards.js';
import { clearSessionCookie, cookieNames, setSessionCookie } from '../../platform/http/cookies.js';
import * as auth from './auth.service.js';
import { ZLoginBody, ZRegisterBody, ZResetConfirmBody, ZResetRequestBody, ZTokenBody, ZVerifyEmailBody, ZAcceptedResponse } from './auth.schemas.js';
import { ZMe } from '../me/me.presenter.js';
import * as me from '../me/me.service.js';

const tags = ['auth'];

export const authApiRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const accepted = (request: FastifyRequest, reply: FastifyReply, key: string) => reply.status(202).send({ status: 'accepted' as const, message: request.ctx.t(key) });

  r.post('/api/v1/auth/register', { schema: { tags, security: SECURITY.none,  body: ZRegisterBody, response: { 202: ZAcceptedResponse } } }, async (request, reply) => {
    await auth.register(deps, request.body, clientMeta(request));
    return accepted(request, reply, 'auth.register.checkEmail');
  });

  r.post('/api/v1/auth/login', { schema: { tags, security: SECURITY.none,  body: ZLoginBody, response: { 200: z.object({ user: ZMe }) } } }, async (request, reply) => {
    const previous = request.cookies[cookieNames(deps.config).session];
    const { user, session } = await auth.login(deps, request.body, clientMeta(request), previous);
    setSessionCookie(reply, deps.config, session.rawId, session.expiresAt);
    return { user: await me.getMe(deps, user.id) };
  });

  r.post('/api/v1/auth/logout', { schema: { tags, security: SECURITY.optional, response: { 204: z.null() } } }, async (request, reply) => {
    const raw = request.cookies[cookieNames(deps.config).session];
    if (raw) await auth.logout(deps, raw);
    clearSessionCookie(reply, deps.config);
    return reply.status(204).send(null);
  });

  r.post(
    '/api/v1/auth/token',
    { schema: { tags, security: SECURITY.none, description: 'Exchanges an e-mail and password for a personal access token.', body: ZTokenBody, response: { 201: z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.iso.datetime(), expiresAt: z.iso.datetime() }) } } },
    async (request, reply) => {
      const user = await auth.authenticate(deps, request.body, clientMeta(request));
      const created = await auth.createApiToken(deps, user.id, request.body.name, request.body.expiresInDays);
      return reply.status(201).send({ ...created, createdAt: created.createdAt.toISOString(), expiresAt: created.expiresAt.toISOString() });
    },
  );

  r.post('/api/v1/auth/verify-email', { schema: { tags, security: SECURITY.none,  body: ZVerifyEmailBody, response: { 200: z.object({ user: ZMe }) } } }, async (request) => {
    const user = await auth.verifyEmail(deps, request.body.token);
    return { user: await me.getMe(deps, user.id) };
  });

  r.post('/api/v1/auth/password-reset', { schema: { tags, security: SECURITY.none,  body: ZResetRequestBody, response: { 202: ZAcceptedResponse } } }, async (request, reply) => {
    await auth.requestPasswordReset(deps, request.body.email, clientMeta(request));
    return accepted(request, reply, 'auth.forgot.sent');
  });

  r.post('/api/v1/auth/password-reset/confirm', { schema: { tags, security: SECURITY.none,  body: ZResetConfirmBody, response: { 200: z.object({ status: z.literal('ok') }) } } }, async (request) => {
    await auth.confirmPasswordReset(deps, request.body.token, request.body.password);
    return { status: 'ok' as const };
  });
};
