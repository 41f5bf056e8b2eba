import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { react, unreact } from './reactions.service.js';
import { ZReactionSummary } from './reactions.presenter.js';
import { ZReactionBody } from './reactions.schemas.js';
import { reactionsPages } from './reactions.pages.js';

const tags = ['social'];

/** JSON API of reactions (like, bravo, want to help) on projects, updates and comments, then the no-JS form route. */
export const reactionsRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/reactions', {
    schema: { tags, description: 'Adds one reaction of the caller to a public project, a visible update or a visible comment (else 404). Idempotent: 201 when new, 200 when it was already there. Answers the target’s counts.', body: ZReactionBody, response: { 200: ZReactionSummary, 201: ZReactionSummary } },
  }, async (request, reply) => {
    const { created, summary } = await react(deps, request.ctx.actor, request.body);
    return reply.status(created ? 201 : 200).send(summary);
  });

  r.delete('/api/v1/reactions', {
    schema: { tags, description: 'Takes the caller’s reaction back (204 even if there was none).', body: ZReactionBody, response: { 204: z.null() } },
  }, async (request, reply) => {
    await unreact(deps, request.ctx.actor, request.body);
    return reply.status(204).send(null);
  });

  await app.register(reactionsPages, opts);
};
