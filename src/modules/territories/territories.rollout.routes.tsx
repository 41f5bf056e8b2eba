import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { requireActor } from '../../platform/http/guards.js';
import { SECURITY } from '../../platform/http/openapi.js';
import { parseInput } from '../../platform/validation.js';
import { sendPage } from '../../platform/views/render.js';
import { ROLLOUT_STATES } from './territories.domain.js';
import * as rollout from './territories.rollout.service.js';
import { findTerritoryBySlug, getTerritory } from './territories.service.js';
import { boundariesCollection } from './territories.map.js';
import { ZBoundary } from './territories.geo.js';
import { verifyInvite } from './territories.invite.js';
import { ZTerritoryDetail } from './territories.presenter.js';
import { ZInviteQuery, ZRolloutChangeBody, ZSlugParams } from './territories.schemas.js';
import { InviteInvalidPage } from './territories.invite.views.js';

const tags = ['territories'];

const ZRolloutChange = z.object({
  id: z.string(),
  fromState: z.enum(ROLLOUT_STATES).nullable(),
  toState: z.enum(ROLLOUT_STATES),
  effectiveAt: z.string(),
  appliedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
const ZRolloutChangeResponse = z.object({ territory: ZTerritoryDetail, change: ZRolloutChange.nullable(), applied: z.boolean() });
const ZRolloutHistory = z.object({ items: z.array(ZRolloutChange), waitlist: z.object({ total: z.number(), pending: z.number() }), nextCursor: z.null() });
const ZFeatureCollectionOut = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), id: z.string(), geometry: ZBoundary, properties: z.record(z.string(), z.unknown()) })),
});

type ChangeRow = { id: string; fromState: (typeof ROLLOUT_STATES)[number] | null; toState: (typeof ROLLOUT_STATES)[number]; effectiveAt: Date; appliedAt: Date | null; cancelledAt: Date | null; createdBy: string | null };
const presentChange = (c: ChangeRow) => ({
  id: c.id, fromState: c.fromState, toState: c.toState, effectiveAt: c.effectiveAt.toISOString(),
  appliedAt: c.appliedAt?.toISOString() ?? null, cancelledAt: c.cancelledAt?.toISOString() ?? null, createdBy: c.createdBy,
});

/** Rollout: admin state changes and history, boundaries as GeoJSON, and the waitlist invitation link. */
export const rolloutRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/territories.geojson', { schema: { tags, summary: 'Every territory boundary as one GeoJSON FeatureCollection (application/geo+json), with rollout state and dates', security: SECURITY.optional, response: { 200: ZFeatureCollectionOut } } }, async (request, reply) => {
    reply.header('content-type', 'application/geo+json; charset=utf-8');
    return boundariesCollection(deps, request.ctx.locale);
  });

  r.post('/api/v1/territories/:slug/rollout', { schema: { tags, summary: 'Change a territory’s rollout state now or at a date (admins)', security: SECURITY.signedIn, params: ZSlugParams, body: ZRolloutChangeBody, response: { 200: ZRolloutChangeResponse } } }, async (request) => {
    const { effectiveAt, state } = request.body;
    const result = await rollout.changeRollout(deps, requireActor(request), request.params.slug, { state, effectiveAt: effectiveAt ? new Date(effectiveAt) : undefined });
    const page = await getTerritory(deps, request.params.slug, request.ctx.locale);
    return { territory: page.territory, change: result.change ? presentChange(result.change) : null, applied: result.applied };
  });

  r.get('/api/v1/territories/:slug/rollout', { schema: { tags, summary: 'Rollout history and waitlist counts of a territory (admins)', security: SECURITY.signedIn, params: ZSlugParams, response: { 200: ZRolloutHistory } } }, async (request) => {
    const actor = requireActor(request);
    const territory = await findTerritoryBySlug(deps, request.params.slug);
    const details = await rollout.rolloutDetails(deps, actor, territory.id);
    return { items: details.history.map(presentChange), waitlist: details.waitlist, nextCursor: null };
  });

  r.put('/api/v1/territories/:slug/boundary', { schema: { tags, summary: 'Replace a territory’s boundary with a validated GeoJSON (multi)polygon (admins)', security: SECURITY.signedIn, params: ZSlugParams, body: z.unknown(), response: { 200: ZTerritoryDetail } } }, async (request) => {
    await rollout.setBoundary(deps, requireActor(request), request.params.slug, request.body);
    return (await getTerritory(deps, request.params.slug, request.ctx.locale)).territory;
  });

  /** The link in the invitation mail: a valid signature leads to sign-up with the territory chosen. */
  app.get('/territoires/:slug/invitation', async (request, reply) => {
    const { slug } = parseInput(ZSlugParams, request.params);
    const query = parseInput(ZInviteQuery, request.query);
    const territory = await findTerritoryBySlug(deps, slug);
    if (verifyInvite(deps.config.sessionSecret, territory.slug, query)) {
      return reply.redirect(request.ctx.actor ? `/territoires/${territory.slug}` : `/inscription?territoire=${encodeURIComponent(territory.slug)}`, 303);
    }
    const name = request.ctx.locale === 'en' ? territory.nameEn : territory.nameFr;
    return sendPage(request, reply, <InviteInvalidPage ctx={request.ctx} slug={territory.slug} name={name} />, { title: request.ctx.t('territories.invite.invalidTitle'), noindex: true, status: 400 });
  });
};
