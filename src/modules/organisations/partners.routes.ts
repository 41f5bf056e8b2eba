import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { idempotent } from '../../platform/idempotency.js';
import { presentImpact } from '../impact/impact.presenter.js';
import { ZOrganisationParams } from './organisations.schemas.js';
import * as partners from './partners.service.js';
import * as capacities from './capacities.service.js';
import * as members from './members.service.js';
import { partnerDashboard } from './dashboard.service.js';
import { setOrganisationLogo } from './logo.service.js';
import { readPhotoUpload } from '../media/media.upload.js';
import { ZCapacities, ZCapacity, ZCharterChoices, ZDashboard, ZInvitationSent, ZJoined, ZPartnerships } from './partners.presenter.js';
import { ZAcceptInvitationBody, ZCapacityBody, ZCapacityParams, ZInvitationBody, ZPartnershipParams, ZPartnershipStatusBody, ZSignCharterBody, ZTransferBody } from './partners.schemas.js';

const tags = ['organisations'];

/** JSON API of the honour charter, partnerships, capacities, invitations and the partner dashboard. */
export const partnersRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const partnershipList = async (actor: Parameters<typeof partners.listPartnerships>[1], slug: string) => ({ items: (await partners.listPartnerships(deps, actor, slug)).map(({ canModerate: _, ...p }) => p) });

  r.get('/api/v1/organisations/:slug/charter', { schema: { tags, description: 'Each caisse’s current charter (both languages), what this organisation signed, and whether you may sign.', params: ZOrganisationParams, response: { 200: ZCharterChoices } } }, async (request) =>
    ({ items: (await partners.charterChoices(deps, request.ctx.actor, request.params.slug, request.ctx.locale)).charters.map(({ caisse, ...c }) => ({ ...c, caisse: { slug: caisse.slug, name: caisse.name } })) }),
  );

  r.post('/api/v1/organisations/:slug/charter', { schema: { tags, description: 'An owner or representative signs a caisse’s current charter (`{ "caisse": "<slug>", "accept": true }`): the organisation becomes a partner of that caisse.', params: ZOrganisationParams, body: ZSignCharterBody, response: { 200: ZPartnerships } } }, async (request) => {
    await partners.signCharter(deps, request.ctx.actor, request.params.slug, request.body);
    return partnershipList(request.ctx.actor, request.params.slug);
  });

  r.get('/api/v1/organisations/:slug/partnerships', { schema: { tags, params: ZOrganisationParams, response: { 200: ZPartnerships } } }, async (request) => partnershipList(request.ctx.actor, request.params.slug));

  r.patch('/api/v1/organisations/:slug/partnerships/:caisse', { schema: { tags, description: 'Staff of the caisse (or an admin) suspend (reason required) or reinstate a partnership. Audited.', params: ZPartnershipParams, body: ZPartnershipStatusBody, response: { 200: ZPartnerships } } }, async (request) => {
    await partners.setPartnershipStatus(deps, request.ctx.actor, request.params.slug, request.params.caisse, request.body);
    return partnershipList(request.ctx.actor, request.params.slug);
  });

  r.get('/api/v1/organisations/:slug/capacities', { schema: { tags, description: 'Standing capacities with what was used and what remains in the current period.', params: ZOrganisationParams, response: { 200: ZCapacities } } }, async (request) =>
    ({ items: await capacities.listCapacities(deps, request.params.slug, request.ctx.locale) }),
  );

  r.post('/api/v1/organisations/:slug/capacities', { schema: { tags, description: 'A partner’s owner or representative declares a capacity. `amount` per `period` in the kind’s unit (hours, loans, cents). Honours `Idempotency-Key`.', params: ZOrganisationParams, body: ZCapacityBody, response: { 201: ZCapacity } } }, async (request, reply) =>
    idempotent(deps.db, request, reply, async () => ({ status: 201, body: await capacities.declareCapacity(deps, request.ctx.actor, request.params.slug, request.body, request.ctx.locale) })),
  );

  r.delete('/api/v1/organisations/:slug/capacities/:id', { schema: { tags, params: ZCapacityParams, response: { 204: z.null() } } }, async (request, reply) => {
    await capacities.archiveCapacity(deps, request.ctx.actor, request.params.slug, request.params.id);
    return reply.status(204).send(null);
  });

  r.post('/api/v1/organisations/:slug/invitations', { schema: { tags, description: 'An owner or representative invites someone by e-mail (a one-time link, valid 14 days).', params: ZOrganisationParams, body: ZInvitationBody, response: { 201: ZInvitationSent } } }, async (request, reply) => {
    const sent = await members.inviteMember(deps, request.ctx.actor, request.params.slug, request.body);
    return reply.status(201).send({ expiresAt: sent.expiresAt.toISOString() });
  });

  r.post('/api/v1/organisation-invitations/accept', { schema: { tags, description: 'The signed-in person joins with the invited role.', body: ZAcceptInvitationBody, response: { 200: ZJoined } } }, async (request) =>
    ({ organisation: await members.acceptInvitation(deps, request.ctx.actor, request.body.token) }),
  );

  r.post('/api/v1/organisations/:slug/leave', { schema: { tags, description: 'Leave the organisation; an owner must transfer ownership first.', params: ZOrganisationParams, response: { 204: z.null() } } }, async (request, reply) => {
    await members.leaveOrganisation(deps, request.ctx.actor, request.params.slug);
    return reply.status(204).send(null);
  });

  r.post('/api/v1/organisations/:slug/transfer', { schema: { tags, description: 'The owner hands the organisation to a member (`{ "handle", "confirm": true }`) and stays as representative.', params: ZOrganisationParams, body: ZTransferBody, response: { 204: z.null() } } }, async (request, reply) => {
    await members.transferOwnership(deps, request.ctx.actor, request.params.slug, request.body);
    return reply.status(204).send(null);
  });

  r.put('/api/v1/organisations/:slug/logo', { config: { openapi: { multipart: { photo: { file: true, required: true, description: 'The logo: JPEG, PNG, WebP or GIF.' } } } }, schema: { tags, description: 'multipart/form-data with one file field `photo`; stored as a square WebP. Owners, representatives, admins.', params: ZOrganisationParams, response: { 204: z.null() } } }, async (request, reply) => {
    await setOrganisationLogo(deps, request.ctx.actor, request.params.slug, await readPhotoUpload(request));
    return reply.status(204).send(null);
  });

  r.get('/api/v1/organisations/:slug/dashboard', { schema: { tags, description: 'Partner dashboard: projects supported, pledges by status, capacity used/remaining, impact totals.', params: ZOrganisationParams, response: { 200: ZDashboard } } }, async (request) => {
    const d = await partnerDashboard(deps, request.ctx.actor, request.params.slug, request.ctx.locale);
    return { ...d, impact: presentImpact(d.impact) };
  });
};
