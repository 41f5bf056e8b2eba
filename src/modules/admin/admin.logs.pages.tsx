import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { requireActor } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import * as logs from './admin.logs.service.js';
import { presentAuditEntry, presentOutboxMail } from './admin.logs.presenter.js';
import { ZPageQuery } from './admin.schemas.js';
import { AuditPage, OutboxPage } from './admin.logs.views.js';

const PAGE_SIZE = 20;

export const adminLogsPages: Module = async (app, { deps }) => {
  app.get('/admin/courriels', async (request, reply) => {
    const { avant } = parseInput(ZPageQuery, request.query);
    const page = await logs.listOutbox(deps, requireActor(request), { limit: PAGE_SIZE, cursor: avant });
    const view = <OutboxPage ctx={request.ctx} items={page.items.map(presentOutboxMail)} current={avant} next={page.nextCursor} />;
    return sendPage(request, reply, view, { title: request.ctx.t('admin.outbox.title'), nav: 'admin', noindex: true });
  });

  app.get('/admin/journal', async (request, reply) => {
    const { avant } = parseInput(ZPageQuery, request.query);
    const page = await logs.listAudit(deps, requireActor(request), { limit: PAGE_SIZE, cursor: avant });
    const view = <AuditPage ctx={request.ctx} items={page.items.map(presentAuditEntry)} current={avant} next={page.nextCursor} />;
    return sendPage(request, reply, view, { title: request.ctx.t('admin.audit.title'), nav: 'admin', noindex: true });
  });
};
