import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../index.js';
import * as impact from './impact.service.js';
import { presentImpact, ZImpactTotals } from './impact.presenter.js';
import { ZImpactQuery } from './impact.schemas.js';

const tags = ['impact'];

/** The public impact ledger: totals as JSON, and the same per territory as CSV. */
export const impactRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/impact', { schema: { tags, querystring: ZImpactQuery, response: { 200: ZImpactTotals } } }, async (request) => presentImpact(await impact.impactTotals(deps, request.query)));

  r.get('/api/v1/impact.csv', { schema: { tags, querystring: ZImpactQuery, response: { 200: z.string().describe('text/csv, one row per territory') } } }, async (request, reply) => {
    const csv = await impact.impactTotalsCsv(deps, request.query, request.ctx.locale);
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="impact.csv"').send(csv);
  });
};
