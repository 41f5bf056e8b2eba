import { SECURITY } from '../../platform/http/openapi.js';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import * as impact from './impact.service.js';
import { presentImpact, ZImpactTotals } from './impact.presenter.js';
import { ZImpactQuery } from './impact.schemas.js';
import { requireActor } from '../../platform/http/guards.js';

const tags = ['impact'];

/** The public impact ledger: totals as JSON, and the same per territory as CSV. */
export const impactRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/impact', { schema: { tags, querystring: ZImpactQuery, response: { 200: ZImpactTotals } } }, async (request) => presentImpact(await impact.impactTotals(deps, request.query)));

  r.get('/api/v1/me/impact', { schema: { tags, security: SECURITY.signedIn, description: 'What the caller’s own fulfilled help adds up to: counted once its date has come, planned before.', response: { 200: ZImpactTotals } } }, async (request) =>
    presentImpact(await impact.impactOfPerson(deps, requireActor(request).id)));
  r.get('/api/v1/impact.csv', { config: { openapi: { produces: { status: 200, contentType: 'text/csv', description: 'One row per territory, with a header row (UTF-8, `Content-Disposition: attachment`).' } } }, schema: { tags, querystring: ZImpactQuery, response: { 200: z.string().describe('text/csv, one row per territory') } } }, async (request, reply) => {
    const csv = await impact.impactTotalsCsv(deps, request.query, request.ctx.locale);
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="impact.csv"').send(csv);
  });
};
