import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { idempotent } from '../../platform/idempotency.js';
import * as calls from './calls.service.js';
import * as applications from './calls.applications.service.js';
import { presentApplicationFile, ZCall, ZCallApplication, ZCallApplicationFile, ZCallApplicationList, ZCallList } from './calls.presenter.js';
import { ZApplicationFileParams, ZApplicationListQuery, ZApplicationParams, ZApplyBody, ZCallListQuery, ZCallParams, ZCreateCallBody, ZTransitionBody, ZUpdateApplicationBody, ZUpdateCallBody } from './calls.schemas.js';
import { readApplicationFile, removeApplicationFile, uploadApplicationFile, uploadTarget } from './calls.files.service.js';
import { readMultipartForm, sendApplicationFile } from './calls.files.http.js';
import { callsPages } from './calls.pages.js';
import { ZMyApplicationList } from './calls.presenter.js';
import { ZListQuery } from '../../platform/pagination.js';
import { SECURITY } from '../../platform/http/openapi.js';

const tags = ['calls'];
const dates = 'Dates are ISO 8601 instants (a zone-less `YYYY-MM-DDTHH:mm` is read in Montréal time); money in integer cents (CAD).';

/** JSON API of calls for projects (api.md names), then the HTML pages. Jury, votes and results: module call-reviews. */
export const callsRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/calls', { schema: { tags, description: 'Published calls: `when=open` by deadline, `upcoming` by opening, `past` newest first; `territory` and `caisse` filter by slug. Without `when`, staff also see their caisses’ drafts.', querystring: ZCallListQuery, response: { 200: ZCallList } } }, async (request) =>
    calls.listCalls(deps, request.ctx.actor, request.ctx.locale, request.query),
  );

  r.post('/api/v1/calls', { schema: { tags, description: `Staff of a caisse (or a platform admin) create a draft call for territories the caisse serves. ${dates} Honours \`Idempotency-Key\`.`, body: ZCreateCallBody, response: { 201: ZCall } } }, async (request, reply) =>
    idempotent(deps.db, request, reply, async () => {
      const row = await calls.createCall(deps, request.ctx.actor, request.body, request.ctx.locale);
      return { status: 201, body: await calls.callView(deps, row, request.ctx.locale) };
    }),
  );

  r.get('/api/v1/calls/:id', { schema: { tags, description: 'One call by id or slug, with its questions and weighted criteria.', params: ZCallParams, response: { 200: ZCall } } }, async (request) =>
    calls.getCall(deps, request.ctx.actor, request.params.id, request.ctx.locale),
  );

  r.patch('/api/v1/calls/:id', { schema: { tags, description: `Staff of the call’s caisse. An unpublished draft changes freely; a published call changes its description and moves upcoming dates later only. ${dates}`, params: ZCallParams, body: ZUpdateCallBody, response: { 200: ZCall } } }, async (request) =>
    calls.callView(deps, await calls.updateCall(deps, request.ctx.actor, request.params.id, request.body, request.ctx.locale), request.ctx.locale),
  );

  r.post('/api/v1/calls/:id/transitions', { schema: { tags, description: 'Staff move the call to its next phase only (draft → open → review → vote when the call has one → results → closed). Publishing needs a criterion, a territory and a deadline ahead; before `opensAt` it schedules the opening. Refused with `CALL_TRANSITION_NOT_ALLOWED` otherwise.', params: ZCallParams, body: ZTransitionBody, response: { 200: ZCall } } }, async (request) =>
    calls.callView(deps, await calls.transitionCall(deps, request.ctx.actor, request.params.id, request.body.to), request.ctx.locale),
  );

  r.get('/api/v1/calls/:id/applications', { schema: { tags, description: 'Staff of the call’s caisse: its applications (drafts excluded unless `status=draft`), most recently changed first.', params: ZCallParams, querystring: ZApplicationListQuery, response: { 200: ZCallApplicationList } } }, async (request) =>
    applications.listApplications(deps, request.ctx.actor, request.params.id, request.query),
  );

  r.post('/api/v1/calls/:id/applications', { schema: { tags, description: 'A promoter applies with one of their published projects while the call is open (`submit: false` keeps a draft). One application per project: `CALL_APPLICATION_EXISTS` (409). `file` questions are answered by uploading to `…/applications/:applicationId/files/:questionId` (values given here for them are ignored). Honours `Idempotency-Key`.', params: ZCallParams, body: ZApplyBody, response: { 201: ZCallApplication } } }, async (request, reply) =>
    idempotent(deps.db, request, reply, async () => ({ status: 201, body: await applications.applyToCall(deps, request.ctx.actor, request.params.id, request.body) })),
  );

  r.get('/api/v1/applications/:id', { schema: { tags, description: 'An application, for its project’s promoters and the call’s staff.', params: ZApplicationParams, response: { 200: ZCallApplication } } }, async (request) =>
    (await applications.getApplication(deps, request.ctx.actor, request.params.id)).view,
  );

  r.patch('/api/v1/applications/:id', { schema: { tags, description: 'The project’s promoters edit (`save`), submit or withdraw while submissions are open.', params: ZApplicationParams, body: ZUpdateApplicationBody, response: { 200: ZCallApplication } } }, async (request) =>
    applications.updateApplication(deps, request.ctx.actor, request.params.id, request.body),
  );

  const fileTypes = 'PDF (checked by its `%PDF-` signature), JPEG, PNG or WebP (re-encoded, metadata removed)';
  r.post(
    '/api/v1/calls/:id/applications/:applicationId/files/:questionId',
    {
      config: { openapi: { multipart: { file: { file: true, required: true, description: `The document: ${fileTypes}; ${String(deps.config.applicationFileMaxBytes / 1_048_576)} MB at most.` } } } },
      schema: {
        tags, params: ZApplicationFileParams, response: { 200: ZCallApplicationFile },
        description: `multipart/form-data with one \`file\` answering a \`file\` question of the call: ${fileTypes}. The project’s promoters, while submissions are open; a new file replaces the previous one. Files are private (ADR 0024): a wrong type, an empty or too large file is a 400 naming \`file\`.`,
      },
    },
    async (request) => {
      const ref = { callIdOrSlug: request.params.id, applicationId: request.params.applicationId, questionId: request.params.questionId };
      await uploadTarget(deps, request.ctx.actor, ref);
      const { uploads } = await readMultipartForm(request, deps.config.applicationFileMaxBytes, 1);
      const { file, callId } = await uploadApplicationFile(deps, request.ctx.actor, ref, uploads.file ?? null);
      return presentApplicationFile(file, callId);
    },
  );

  r.get(
    '/api/v1/calls/:id/applications/:applicationId/files/:questionId',
    {
      config: { openapi: { produces: { status: 200, contentType: 'application/octet-stream', description: 'The file as uploaded (PDF) or re-encoded (JPEG, PNG, WebP), with its real `Content-Type`, `Content-Disposition: attachment` and `X-Content-Type-Options: nosniff`.' } } },
      schema: { tags, description: 'Downloads the document answering a `file` question: for the project’s promoters, the call’s caisse staff and platform admins, and the call’s jurors without a declared conflict of interest once the application is submitted (ADR 0024).', params: ZApplicationFileParams, response: { 200: z.string().describe('the file’s bytes') } },
    },
    async (request, reply) => {
      const { file, data } = await readApplicationFile(deps, request.ctx.actor, { callIdOrSlug: request.params.id, applicationId: request.params.applicationId, questionId: request.params.questionId });
      return sendApplicationFile(reply, file, data);
    },
  );

  r.delete(
    '/api/v1/calls/:id/applications/:applicationId/files/:questionId',
    {
      schema: {
        tags, params: ZApplicationFileParams, response: { 204: z.null() },
        description: 'Removes the document answering a `file` question, for good: the project’s promoters, while submissions are open and the application is editable (as for uploading). A required question of a submitted application keeps its file (`CALL_FILE_REQUIRED`, 409: upload a new one to replace it); no file is `CALL_FILE_NOT_FOUND` (404).',
      },
    },
    async (request, reply) => {
      await removeApplicationFile(deps, request.ctx.actor, { callIdOrSlug: request.params.id, applicationId: request.params.applicationId, questionId: request.params.questionId });
      return reply.status(204).send(null);
    },
  );

  r.get('/api/v1/me/applications', { schema: { tags: ['me', ...tags], security: SECURITY.signedIn, description: 'My applications: those the caller filed or that a project they promote filed, newest first, keyset pagination. `editUrl` is set while the call takes submissions and the caller promotes the project. Signed in only (401).', querystring: ZListQuery, response: { 200: ZMyApplicationList } } }, async (request) =>
    applications.listMyApplications(deps, request.ctx.actor, request.query),
  );

  await app.register(callsPages, opts);
};
