import { SECURITY } from '../../platform/http/openapi.js';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { parseInput } from '../../platform/validation.js';
import { handleForm } from '../../platform/http/forms.js';
import { requireActor, safeReturnPath } from '../../platform/http/guards.js';
import { sendFragment, sendPage } from '../../platform/views/render.js';
import { AppError } from '../../platform/errors.js';
import * as followsService from './follows.service.js';
import { ZFollowedList, ZFollowerList, ZFollowState } from './follows.presenter.js';
import { ZFollowBody, ZFollowersQuery, ZFollowForm, ZFollowingQuery } from './follows.schemas.js';
import { FollowButton, FollowingSection } from './follows.views.js';

const tags = ['social'];
const isHtmx = (request: FastifyRequest) => request.headers['hx-request'] === 'true';

/** Follows: the JSON API and the `/suivre` forms every follow button posts to. */
export const followsRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/follows', { schema: { tags, description: 'Follows a person (id or handle), project, organisation (id or slug), territory (id or slug) or board. Idempotent: 201 when new, 200 when already followed. An unknown or invisible target is 404 FOLLOW_TARGET_NOT_FOUND; following oneself is 400.', body: ZFollowBody, response: { 200: ZFollowState, 201: ZFollowState } } }, async (request, reply) => {
    const { created, state } = await followsService.follow(deps, request.ctx.actor, request.body, request.ctx.locale);
    return reply.status(created ? 201 : 200).send(state);
  });

  r.delete('/api/v1/follows', { schema: { tags, description: 'Stops following (the same fields, in the body or the query string). Always 204.', querystring: ZFollowBody.partial(), response: { 204: z.null() } } }, async (request, reply) => {
    const input = parseInput(ZFollowBody, { ...(request.query as object), ...((request.body as object | undefined) ?? {}) });
    await followsService.unfollow(deps, request.ctx.actor, input, request.ctx.locale);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/follows/followers', { schema: { tags, description: 'People following a visible target, newest first. People whose whole profile is private are counted in `total` but not listed.', querystring: ZFollowersQuery, response: { 200: ZFollowerList } } }, async (request) => {
    const { items, total, nextCursor } = await followsService.listFollowers(deps, request.ctx.actor, request.query.targetType, request.query.targetId, request.query.limit, request.query.cursor);
    return { items, total, nextCursor };
  });

  r.get('/api/v1/follows/following', { schema: { tags, security: SECURITY.signedIn, description: 'What the signed-in person follows, newest first.', querystring: ZFollowingQuery, response: { 200: ZFollowedList } } }, async (request) =>
    followsService.listFollowing(deps, request.ctx.actor, request.ctx.locale, request.query.limit, request.query.cursor),
  );

  /** The no-JS form comes back where it was posted from; htmx gets the button in its new state. */
  const formAction = (following: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    requireActor(request);
    const back = () => safeReturnPath((request.body as Record<string, unknown> | undefined)?.returnTo, '/fil');
    return handleForm(request, reply, ZFollowForm,
      async (input) => {
        const body = { targetType: input.targetType, targetId: input.targetId };
        const result = following ? await followsService.follow(deps, request.ctx.actor, body, request.ctx.locale) : await followsService.unfollow(deps, request.ctx.actor, body, request.ctx.locale);
        if (!isHtmx(request)) return reply.redirect(input.returnTo, 303);
        const name = result.target?.name;
        const status = name ? request.ctx.t(following ? 'social.follow.followed' : 'social.follow.unfollowed', { name }) : '';
        return sendFragment(reply, <FollowButton {...result.state} csrf={request.ctx.csrfToken} returnTo={input.returnTo} t={request.ctx.t} status={status} showCount={input.compact !== '1'} {...(name ? { name } : {})} />);
      },
      () => {
        if (isHtmx(request)) throw new AppError('VALIDATION_FAILED');
        return reply.redirect(back(), 303);
      },
    );
  };
  app.get('/moi/abonnements', async (request, reply) => {
    const me = requireActor(request);
    const raw = (request.query as Record<string, unknown>).cursor;
    const cursor = typeof raw === 'string' && raw.length <= 200 ? raw : undefined;
    const list = await followsService.listFollowing(deps, me, request.ctx.locale, 50, cursor).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return followsService.listFollowing(deps, me, request.ctx.locale, 50);
      throw err;
    });
    const moreHref = list.nextCursor ? `/moi/abonnements?cursor=${list.nextCursor}` : null;
    return sendPage(request, reply, <FollowingSection ctx={request.ctx} items={list.items} moreHref={moreHref} page />, { title: request.ctx.t('social.mine.title'), nav: 'me', noindex: true });
  });

  app.post('/suivre', formAction(true));
  app.post('/suivre/retirer', formAction(false));
};
