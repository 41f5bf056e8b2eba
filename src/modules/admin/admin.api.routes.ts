import { SECURITY } from '../../platform/http/openapi.js';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { requireActor } from '../../platform/http/guards.js';
import * as territories from './admin.territories.service.js';
import * as caisses from './admin.caisses.service.js';
import * as roles from './admin.roles.service.js';
import * as logs from './admin.logs.service.js';
import { ZListQuery } from '../../platform/pagination.js';
import { ZCaisseCreateBody, ZCaissePatchBody, ZIdParams, ZRoleGrantBody, ZSlugParams, ZTerritoryCreateBody, ZTerritoryPatchBody } from './admin.schemas.js';
import { presentAdminCaisse, presentAdminTerritory, ZAdminCaisse, ZAdminTerritory } from './admin.presenter.js';
import { presentAuditEntry, presentOutboxMail, presentRoleGrant, ZAuditEntry, ZOutboxMail, ZPage, ZRoleGrant } from './admin.logs.presenter.js';

const tags = ['admin'];
const ZTerritoryResponse = z.object({ territory: ZAdminTerritory });
const ZCaisseResponse = z.object({ caisse: ZAdminCaisse });
const ZGrantResponse = z.object({ grant: ZRoleGrant });

/** The JSON twins of the admin pages: same services, same rules. */
export const adminApiRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/territories', { schema: { tags, body: ZTerritoryCreateBody, response: { 201: ZTerritoryResponse } } }, async (request, reply) => {
    const { row, parentSlug } = await territories.createTerritory(deps, requireActor(request), request.body);
    return reply.status(201).send({ territory: presentAdminTerritory(row, parentSlug) });
  });

  r.patch('/api/v1/territories/:slug', { schema: { tags, params: ZSlugParams, body: ZTerritoryPatchBody, response: { 200: ZTerritoryResponse } } }, async (request) => {
    const { row, parentSlug } = await territories.updateTerritory(deps, requireActor(request), request.params.slug, request.body);
    return { territory: presentAdminTerritory(row, parentSlug) };
  });

  r.post('/api/v1/caisses', { schema: { tags, body: ZCaisseCreateBody, response: { 201: ZCaisseResponse } } }, async (request, reply) => {
    const created = await caisses.createCaisse(deps, requireActor(request), request.body);
    return reply.status(201).send({ caisse: presentAdminCaisse(created.row, created.territories) });
  });

  r.patch('/api/v1/caisses/:slug', { schema: { tags, params: ZSlugParams, body: ZCaissePatchBody, response: { 200: ZCaisseResponse } } }, async (request) => {
    const updated = await caisses.updateCaisse(deps, requireActor(request), request.params.slug, request.body);
    return { caisse: presentAdminCaisse(updated.row, updated.territories) };
  });

  r.get('/api/v1/admin/roles', { schema: { tags, security: SECURITY.signedIn, description: 'Every role grant, newest first (platform admins).', querystring: ZListQuery, response: { 200: ZPage(ZRoleGrant) } } }, async (request) => {
    const grants = await roles.listGrantsPage(deps, requireActor(request), request.query);
    return { items: grants.items.map(presentRoleGrant), nextCursor: grants.nextCursor };
  });

  r.post('/api/v1/admin/roles', { schema: { tags, body: ZRoleGrantBody, response: { 200: ZGrantResponse, 201: ZGrantResponse } } }, async (request, reply) => {
    const { grant, created } = await roles.grantRole(deps, requireActor(request), request.body);
    return reply.status(created ? 201 : 200).send({ grant: presentRoleGrant(grant) });
  });

  r.delete('/api/v1/admin/roles/:id', { schema: { tags, params: ZIdParams, response: { 204: z.null() } } }, async (request, reply) => {
    await roles.revokeRole(deps, requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/admin/outbox', { schema: { tags, security: SECURITY.signedIn, querystring: ZListQuery, response: { 200: ZPage(ZOutboxMail) } } }, async (request) => {
    const page = await logs.listOutbox(deps, requireActor(request), request.query);
    return { items: page.items.map(presentOutboxMail), nextCursor: page.nextCursor };
  });

  r.get('/api/v1/admin/audit', { schema: { tags, security: SECURITY.signedIn, querystring: ZListQuery, response: { 200: ZPage(ZAuditEntry) } } }, async (request) => {
    const page = await logs.listAudit(deps, requireActor(request), request.query);
    return { items: page.items.map(presentAuditEntry), nextCursor: page.nextCursor };
  });
};
