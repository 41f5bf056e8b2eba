import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { parseInput } from '../../platform/validation.js';
import { ZNeedParams } from '../needs/needs.schemas.js';
import { matchesForNeed } from './matching.service.js';
import { presentMatches, ZMatchList } from './matching.presenter.js';
import { WhoCouldHelpPage } from './matching.views.js';

/** Who could help with a need: the JSON list and its page. */
export const matchingRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/needs/:id/matches',
    {
      schema: {
        tags: ['needs'],
        description: 'Up to 10 ranked candidates (active offers and people) with a score and the reason, as parts and as a sentence in the request language. Deterministic: score, then most recently updated, then id.',
        params: ZNeedParams,
        response: { 200: ZMatchList },
      },
    },
    async (request) => ({ items: presentMatches(await matchesForNeed(deps, request.params.id, request.ctx.actor), request.ctx.t, request.ctx.locale), nextCursor: null }),
  );

  app.get('/besoins/:id/qui-peut-aider', async (request, reply) => {
    const { id } = parseInput(ZNeedParams, request.params);
    const matches = await matchesForNeed(deps, id, request.ctx.actor);
    return sendPage(request, reply, <WhoCouldHelpPage ctx={request.ctx} matches={matches} />, { title: request.ctx.t('matching.page.title', { need: matches.need.title }), noindex: true });
  });
};
