import { SECURITY } from '../../platform/http/openapi.js';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { clearSessionCookie } from '../../platform/http/cookies.js';
import { deleteMyAccount, exportMyData } from './account.service.js';
import { accountExportCsv } from './account.csv.js';
import { ZDeleteAccountBody } from './account.schemas.js';
import { AccountDeletedPage, AccountPage } from './account.views.js';

const tags = ['me'];
const ZExport = z.object({ format: z.literal('espace-collectif-export'), version: z.number().int(), exportedAt: z.string(), data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))) });
const attachment = (date: string, ext: 'json' | 'csv' = 'json') => `attachment; filename="espace-collectif-${date.slice(0, 10)}.${ext}"`;

/** Right of access (export) and account deletion: API twins, then the /moi/donnees page. */
export const accountRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/me/export', { schema: { tags, security: SECURITY.signedIn, description: 'Everything the platform keeps about the caller, as one JSON document (sections: profile, consents, roles, sessions, apiTokens, projects, projectUpdates, pledges, offers, organisations, messagesSent, blocks, follows, reactions, comments, boards, notifications, notificationSettings, reportsFiled).', response: { 200: ZExport } } }, async (request, reply) => {
    const doc = await exportMyData(deps, request.ctx.actor);
    reply.header('cache-control', 'no-store');
    return reply.header('content-disposition', attachment(doc.exportedAt)).send(doc);
  });

  r.get('/api/v1/me/export.csv', { config: { openapi: { produces: { status: 200, contentType: 'text/csv', description: 'The same export as `GET /api/v1/me/export`, one line per field: `section,row,field,value` (UTF-8, `Content-Disposition: attachment`).' } } }, schema: { tags, security: SECURITY.signedIn, description: 'Everything the platform keeps about the caller, as CSV (one line per field of every row of every section; nested values as JSON).', response: { 200: z.string().describe('text/csv: section,row,field,value') } } }, async (request, reply) => {
    const doc = await exportMyData(deps, request.ctx.actor);
    return reply.header('cache-control', 'no-store').type('text/csv; charset=utf-8').header('content-disposition', attachment(doc.exportedAt, 'csv')).send(accountExportCsv(doc));
  });

  r.delete('/api/v1/me', { schema: { tags, description: 'Deletes the caller’s account: `password` must be the current password and `confirm` true. Personal data is erased or anonymised; pending pledges are withdrawn; fulfilled help stays counted without a name. Ends every session.', body: ZDeleteAccountBody, response: { 200: z.object({ status: z.literal('deleted'), withdrawnPledges: z.number().int() }) } } }, async (request, reply) => {
    const done = await deleteMyAccount(deps, request.ctx.actor, request.body);
    clearSessionCookie(reply, deps.config);
    return { status: 'deleted' as const, withdrawnPledges: done.withdrawnPledges };
  });

  app.get('/moi/donnees', async (request, reply) => {
    requireActor(request);
    return sendPage(request, reply, <AccountPage ctx={request.ctx} />, { title: request.ctx.t('account.title'), nav: 'me', noindex: true });
  });

  app.get('/moi/donnees/export.json', async (request, reply) => {
    const doc = await exportMyData(deps, request.ctx.actor);
    reply.header('cache-control', 'no-store').header('content-type', 'application/json; charset=utf-8').header('content-disposition', attachment(doc.exportedAt));
    return reply.send(JSON.stringify(doc, null, 2));
  });

  app.get('/moi/donnees/export.csv', async (request, reply) => {
    const doc = await exportMyData(deps, request.ctx.actor);
    return reply.header('cache-control', 'no-store').type('text/csv; charset=utf-8').header('content-disposition', attachment(doc.exportedAt, 'csv')).send(accountExportCsv(doc));
  });

  app.post('/moi/donnees/supprimer', async (request, reply) =>
    handleForm(request, reply, ZDeleteAccountBody,
      async (input) => {
        await deleteMyAccount(deps, request.ctx.actor, input);
        clearSessionCookie(reply, deps.config);
        request.ctx.actor = null;
        return sendPage(request, reply, <AccountDeletedPage ctx={request.ctx} />, { title: request.ctx.t('account.delete.title'), noindex: true });
      },
      (state, status) => sendPage(request, reply, <AccountPage ctx={request.ctx} errors={state.errors} />, { title: request.ctx.t('account.title'), nav: 'me', noindex: true, status }),
    ),
  );
};
