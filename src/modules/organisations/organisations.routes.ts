import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { idempotent } from '../../platform/idempotency.js';
import * as organisations from './organisations.service.js';
import { ZOrganisationDetail, ZOrganisationList } from './organisations.presenter.js';
import { ZAddMemberBody, ZCreateOrganisationBody, ZOrganisationListQuery, ZOrganisationParams, ZUpdateOrganisationBody } from './organisations.schemas.js';
import { organisationsPages } from './organisations.pages.js';
import { partnersRoutes } from './partners.routes.js';
import { partnersPages } from './partners.pages.js';

const tags = ['organisations'];

/** JSON API of organisations (acteurs du milieu) and partners, then the HTML pages. */
export const organisationsRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = async (request: FastifyRequest, slug: string) => {
    const page = await organisations.getOrganisationPage(deps, request.ctx.actor, slug, request.ctx.locale);
    return { ...page.organisation, members: page.members };
  };

  r.get('/api/v1/organisations', { schema: { tags, description: 'Newest first; `partner=true` lists partners (charter signed).', querystring: ZOrganisationListQuery, response: { 200: ZOrganisationList } } }, async (request) =>
    organisations.listOrganisations(deps, request.ctx.locale, request.query),
  );

  r.post('/api/v1/organisations', { schema: { tags, description: 'The creator becomes its owner. `neq` (Québec enterprise number, 10 digits) is optional. Honours `Idempotency-Key`.', body: ZCreateOrganisationBody, response: { 201: ZOrganisationDetail } } }, async (request, reply) =>
    idempotent(deps.db, request, reply, async () => ({ status: 201, body: await detail(request, await organisations.createOrganisation(deps, request.ctx.actor, request.body)) })),
  );

  r.get('/api/v1/organisations/:slug', { schema: { tags, description: 'Representatives are listed to everyone; plain members only to people of the organisation.', params: ZOrganisationParams, response: { 200: ZOrganisationDetail } } }, async (request) =>
    detail(request, request.params.slug),
  );

  r.patch('/api/v1/organisations/:slug', { schema: { tags, params: ZOrganisationParams, body: ZUpdateOrganisationBody, response: { 200: ZOrganisationDetail } } }, async (request) => {
    await organisations.updateOrganisation(deps, request.ctx.actor, request.params.slug, request.body);
    return detail(request, request.params.slug);
  });

  r.post('/api/v1/organisations/:slug/members', { schema: { tags, description: 'An owner or representative adds a person by handle as member or representative, or changes their role (the owner role moves only by transfer).', params: ZOrganisationParams, body: ZAddMemberBody, response: { 200: ZOrganisationDetail } } }, async (request) => {
    await organisations.addMember(deps, request.ctx.actor, request.params.slug, request.body);
    return detail(request, request.params.slug);
  });

  await app.register(partnersRoutes, opts);
  await app.register(partnersPages, opts);
  await app.register(organisationsPages, opts);
};
