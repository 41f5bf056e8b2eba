import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SECURITY } from '../../platform/http/openapi.js';
import type { Module } from '../../platform/http/module.js';
import * as register from './privacy-register.service.js';
import { presentDeadlineSummary, presentIncident, presentRequest, ZPrivacyDeadlineSummary, ZPrivacyIncident, ZPrivacyIncidentPage, ZPrivacyRequest, ZPrivacyRequestPage } from './privacy-register.presenter.js';
import { ZIdParams, ZIncidentBody, ZIncidentListQuery, ZIncidentPatchBody, ZRequestBody, ZRequestListQuery, ZRequestPatchBody } from './privacy-register.schemas.js';
import { privacyRegisterPages } from './privacy-register.pages.js';

const tags = ['privacy-register'];
const security = SECURITY.signedIn;
const adminsOnly = ' Platform admins only.';

/** JSON API of the confidentiality-incident register and the access requests (ADR 0028), then the pages. */
export const privacyRegisterRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/admin/privacy';

  r.get(`${base}/summary`, { schema: { tags, security, description: `The whole register at a glance, counted on today's Montréal day: open requests overdue, due today and due in the next 7 days, open incidents and those with a risk of serious injury.${adminsOnly}`, response: { 200: ZPrivacyDeadlineSummary } } }, async (request) =>
    presentDeadlineSummary(await register.deadlineSummary(deps, request.ctx.actor)),
  );

  r.get(`${base}/incidents`, { schema: { tags, security, description: `The confidentiality-incident register, newest discovery first.${adminsOnly}`, querystring: ZIncidentListQuery, response: { 200: ZPrivacyIncidentPage } } }, async (request) => {
    const p = await register.listIncidents(deps, request.ctx.actor, request.query);
    return { items: p.items.map(presentIncident), nextCursor: p.nextCursor };
  });

  r.post(`${base}/incidents`, { schema: { tags, security, description: `Records an incident (open). Law 25 keeps the register five years: there is no delete.${adminsOnly}`, body: ZIncidentBody, response: { 201: ZPrivacyIncident } } }, async (request, reply) =>
    reply.status(201).send(presentIncident(await register.createIncident(deps, request.ctx.actor, request.body))),
  );

  r.get(`${base}/incidents/:id`, { schema: { tags, security, description: `One incident.${adminsOnly}`, params: ZIdParams, response: { 200: ZPrivacyIncident } } }, async (request) =>
    presentIncident(await register.getIncident(deps, request.ctx.actor, request.params.id)),
  );

  r.patch(`${base}/incidents/:id`, { schema: { tags, security, description: `Changes an incident or its status; closing needs the measures taken and, for a risk of serious injury, the dates the Commission and the people were notified. Audited.${adminsOnly}`, params: ZIdParams, body: ZIncidentPatchBody, response: { 200: ZPrivacyIncident } } }, async (request) =>
    presentIncident(await register.updateIncident(deps, request.ctx.actor, request.params.id, request.body)),
  );

  r.get(`${base}/requests`, { schema: { tags, security, description: `Access, rectification, deletion and portability requests, soonest due first, with the days left.${adminsOnly}`, querystring: ZRequestListQuery, response: { 200: ZPrivacyRequestPage } } }, async (request) => {
    const p = await register.listRequests(deps, request.ctx.actor, request.query);
    const today = register.registerToday();
    return { items: p.items.map((x) => presentRequest(x, today)), nextCursor: p.nextCursor };
  });

  r.post(`${base}/requests`, { schema: { tags, security, description: `Records a request; its answer is due 30 days after it was received.${adminsOnly}`, body: ZRequestBody, response: { 201: ZPrivacyRequest } } }, async (request, reply) =>
    reply.status(201).send(presentRequest(await register.createRequest(deps, request.ctx.actor, request.body), register.registerToday())),
  );

  r.get(`${base}/requests/:id`, { schema: { tags, security, description: `One request.${adminsOnly}`, params: ZIdParams, response: { 200: ZPrivacyRequest } } }, async (request) =>
    presentRequest(await register.getRequest(deps, request.ctx.actor, request.params.id), register.registerToday()),
  );

  r.patch(`${base}/requests/:id`, { schema: { tags, security, description: `Changes a request: its status (answered and refused need the answer date, refused a reason, extended a later date), its requester or notes. Audited.${adminsOnly}`, params: ZIdParams, body: ZRequestPatchBody, response: { 200: ZPrivacyRequest } } }, async (request) =>
    presentRequest(await register.updateRequest(deps, request.ctx.actor, request.params.id, request.body), register.registerToday()),
  );

  await app.register(privacyRegisterPages, opts);
};
