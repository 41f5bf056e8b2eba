import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { idempotent } from '../../platform/idempotency.js';
import { ZCaisseSlugParams } from '../caisses/caisses.schemas.js';
import { findCaisseBySlug } from '../caisses/caisses.service.js';
import { ZProjectCard } from '../projects/projects.presenter.js';
import * as delegates from './delegates.service.js';
import { ZApplication, ZApplicationList, ZCampaign, ZDashboard, ZDelegateList } from './delegates.presenter.js';
import { ZApplicationListQuery, ZApplicationParams, ZApplyBody, ZCampaignBody, ZDecisionBody } from './delegates.schemas.js';
import { delegatesPages } from './delegates.pages.js';

const tags = ['delegates'];
const ZRef = z.object({ slug: z.string(), name: z.string() });
const ZRegistration = z.object({
  caisse: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  campaign: ZCampaign.nullable(),
  territories: z.array(ZRef),
  mine: ZApplication.nullable(),
  can: z.object({ apply: z.boolean(), manage: z.boolean() }),
});

/** JSON API of the delegate programme (api.md names), then the HTML pages. */
export const delegatesRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = ZCaisseSlugParams;

  r.get('/api/v1/caisses/:slug/delegate-campaign', { schema: { tags, description: 'The caisse’s current registration campaign (null when none), whether it is open, and the caller’s own application.', params, response: { 200: ZRegistration } } }, async (request) =>
    delegates.registrationPage(deps, request.ctx.actor, request.params.slug, request.ctx.locale),
  );

  r.post('/api/v1/caisses/:slug/delegate-campaigns', { schema: { tags, description: 'Staff of the caisse open a registration campaign (days are Montréal calendar days). Honours `Idempotency-Key`.', params, body: ZCampaignBody, response: { 201: ZCampaign } } }, async (request, reply) =>
    idempotent(deps.db, request, reply, async () => ({ status: 201, body: await delegates.openCampaign(deps, request.ctx.actor, request.params.slug, request.body, request.ctx.locale) })),
  );

  r.post('/api/v1/caisses/:slug/delegate-applications', { schema: { tags, description: 'A verified member applies; refused with `DELEGATE_REGISTRATION_CLOSED` after the deadline. Honours `Idempotency-Key`.', params, body: ZApplyBody, response: { 201: ZApplication } } }, async (request, reply) =>
    idempotent(deps.db, request, reply, async () => ({ status: 201, body: await delegates.apply(deps, request.ctx.actor, request.params.slug, request.body, request.ctx.locale) })),
  );

  r.get('/api/v1/caisses/:slug/delegate-applications', { schema: { tags, description: 'Staff of the caisse: the current campaign’s applications, oldest first.', params, querystring: ZApplicationListQuery, response: { 200: ZApplicationList } } }, async (request) =>
    delegates.listApplications(deps, request.ctx.actor, request.params.slug, request.query, request.ctx.locale),
  );

  r.get('/api/v1/caisses/:slug/delegate-dashboard', { schema: { tags, description: 'Staff of the caisse: applications counted per territory and status.', params, response: { 200: ZDashboard } } }, async (request) =>
    delegates.dashboard(deps, request.ctx.actor, request.params.slug, request.ctx.locale),
  );

  r.post('/api/v1/delegate-applications/:id/decision', { schema: { tags, description: 'Staff of the application’s caisse approve (grants the delegate role until the term ends) or decline (a message is required); the person is told in the app and by e-mail.', params: ZApplicationParams, body: ZDecisionBody, response: { 200: ZApplication } } }, async (request) =>
    delegates.decide(deps, request.ctx.actor, request.params.id, request.body, request.ctx.locale),
  );

  r.get('/api/v1/caisses/:slug/delegates', { schema: { tags, description: 'The caisse’s delegates in their current term.', params, response: { 200: ZDelegateList } } }, async (request) => {
    const caisse = await findCaisseBySlug(deps, request.params.slug);
    return { items: await delegates.listDelegates(deps, caisse.id, request.ctx.locale), nextCursor: null };
  });

  r.get('/api/v1/caisses/:slug/delegate-projects', { schema: { tags, description: 'Delegates and staff of the caisse: the public projects of its territories, to accompany.', params, response: { 200: z.object({ items: z.array(z.object({ territory: ZRef, projects: z.array(ZProjectCard) })) }) } } }, async (request) => ({
    items: (await delegates.projectsToAccompany(deps, request.ctx.actor, request.params.slug, request.ctx.locale)).groups,
  }));

  await app.register(delegatesPages, opts);
};
