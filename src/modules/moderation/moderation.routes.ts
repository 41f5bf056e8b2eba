import { SECURITY } from '../../platform/http/openapi.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import * as moderation from './moderation.service.js';
import { ZActionResult, ZReport, ZReportList } from './moderation.presenter.js';
import { ZActionBody, ZReportBody, ZReportListQuery } from './moderation.schemas.js';
import { moderationPages } from './moderation.pages.js';

const tags = ['moderation'];

/** JSON API of reports and moderation actions, then the HTML pages. */
export const moderationRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/reports',
    { schema: { tags, description: 'Reports a project, update, comment, message (its conversation’s participants only), person or board the caller can see and did not write. One open report per person and target: reporting again returns the open one (200). 20 reports an hour. Unknown or invisible targets answer 404 REPORT_TARGET_NOT_FOUND.', body: ZReportBody, response: { 200: ZReport, 201: ZReport } } },
    async (request, reply) => {
      const { report, created } = await moderation.fileReport(deps, request.ctx.actor, request.body);
      return reply.status(created ? 201 : 200).send(report);
    },
  );

  r.get(
    '/api/v1/moderation/reports',
    { schema: { tags, security: SECURITY.signedIn, description: 'The moderation queue: reports on the territories served by the caisses the caller moderates for (moderator or caisse admin grants; platform admins see all), newest first, filtered by `status` (default open). Others get 403.', querystring: ZReportListQuery, response: { 200: ZReportList } } },
    async (request) => moderation.listReports(deps, request.ctx.actor, request.query.status, request.query.limit, request.query.cursor),
  );

  r.post(
    '/api/v1/moderation/actions',
    { schema: { tags, description: 'A moderation decision on a target of the caller’s territories: `hide`/`restore` content, `suspend`/`unsuspend` a person (suspending ends their sessions and tokens), or `dismiss` its reports. The reason is shown to the author. The action, its audit entry, the closing of open reports and the author’s notification commit together. 409 MODERATION_STATE when the target is already in that state.', body: ZActionBody, response: { 201: ZActionResult } } },
    async (request, reply) => reply.status(201).send(await moderation.act(deps, request.ctx.actor, request.body)),
  );

  await app.register(moderationPages, opts);
};
