import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { idempotent } from '../../platform/idempotency.js';
import * as crowdfunding from './crowdfunding.service.js';
import { ZCampaign, ZCampaignPage, ZSnapshot, ZSnapshotList } from './crowdfunding.presenter.js';
import { ZCampaignBody, ZMatchfundingBody, ZProjectIdParams, ZSnapshotBody, ZSnapshotDecisionBody, ZSnapshotListQuery, ZSnapshotParams } from './crowdfunding.schemas.js';
import { crowdfundingPages } from './crowdfunding.pages.js';

const tags = ['crowdfunding'];
const params = ZProjectIdParams;

/** JSON API of crowdfunding links and matchfunding (api.md names), then the HTML pages. */
export const crowdfundingRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/projects/:id/campaign', { schema: { tags, description: 'The project’s linked campaign (null when none) with its confirmed amount, matchfunding, the share counted on funding needs, and what the caller may do.', params, response: { 200: ZCampaignPage } } }, async (request) =>
    crowdfunding.campaignPage(deps, request.ctx.actor, request.params.id),
  );

  r.put('/api/v1/projects/:id/campaign', { schema: { tags, description: 'The project’s team links its one external campaign (https only in production). The page preview is read afterwards by a background job through the SSRF-safe fetcher.', params, body: ZCampaignBody, response: { 200: ZCampaign } } }, async (request) =>
    crowdfunding.linkCampaign(deps, request.ctx.actor, request.params.id, request.body),
  );

  r.post('/api/v1/projects/:id/campaign/preview', { schema: { tags, description: 'The team asks for the title and image to be read again (queued for the preview job).', params, response: { 202: z.object({ queued: z.literal(true) }) } } }, async (request, reply) => {
    await crowdfunding.requestPreviewRefresh(deps, request.ctx.actor, request.params.id);
    return reply.code(202).send({ queued: true });
  });

  r.get('/api/v1/projects/:id/campaign/snapshots', { schema: { tags, description: 'The history of reported amounts, newest first: the team and staff of a serving caisse.', params, querystring: ZSnapshotListQuery, response: { 200: ZSnapshotList } } }, async (request) =>
    crowdfunding.listSnapshots(deps, request.ctx.actor, request.params.id, request.query),
  );

  r.post('/api/v1/projects/:id/campaign/snapshots', { schema: { tags, description: 'The team reports the amount shown on the campaign page; it counts once staff of a serving caisse confirm it. Honours `Idempotency-Key`.', params, body: ZSnapshotBody, response: { 201: ZSnapshot } } }, async (request, reply) =>
    idempotent(deps.db, request, reply, async () => ({ status: 201, body: await crowdfunding.submitSnapshot(deps, request.ctx.actor, request.params.id, request.body) })),
  );

  r.post('/api/v1/projects/:id/campaign/snapshots/:snapshotId/decision', { schema: { tags, description: 'Staff of a caisse serving the project’s territory confirm (the latest confirmed snapshot by time sets the amount) or reject with a reason.', params: ZSnapshotParams, body: ZSnapshotDecisionBody, response: { 200: ZCampaign } } }, async (request) =>
    crowdfunding.decideSnapshot(deps, request.ctx.actor, request.params.id, request.params.snapshotId, request.body),
  );

  r.put('/api/v1/projects/:id/campaign/matchfunding', { schema: { tags, description: 'Staff of a serving caisse commit `ratioPercent` dollars per 100 raised up to `capCents`; the matched amount follows the confirmed snapshots.', params, body: ZMatchfundingBody, response: { 200: ZCampaign } } }, async (request) =>
    crowdfunding.setMatchfunding(deps, request.ctx.actor, request.params.id, request.body),
  );

  await app.register(crowdfundingPages, opts);
};
