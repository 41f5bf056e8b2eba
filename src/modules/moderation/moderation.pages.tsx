import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { requireActor, safeReturnPath } from '../../platform/http/guards.js';
import { AppError, validationError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { REPORT_STATUSES, type ReportStatus } from './moderation.domain.js';
import * as moderation from './moderation.service.js';
import { parseTarget, ZActionBody, ZReportBody } from './moderation.schemas.js';
import { groupKey, QueuePage, ReportPage, ReportSentPage, type QueueFormState } from './moderation.views.js';

const PAGE = 20;
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const statusOf = (request: FastifyRequest): ReportStatus => {
  const s = (request.query as Record<string, unknown>).statut;
  return (REPORT_STATUSES as readonly unknown[]).includes(s) ? (s as ReportStatus) : 'open';
};
const cursorOf = (request: FastifyRequest) => {
  const c = (request.query as Record<string, unknown>).cursor;
  return typeof c === 'string' && c.length <= 200 ? c : undefined;
};

/** Decisions of the queue form, mapped onto the API's actions ("suspendAuthor" suspends the content's author). */
const DECISIONS = ['hide', 'restore', 'suspend', 'unsuspend', 'dismiss', 'suspendAuthor'] as const;

/** Pages of reports and moderation: the report form, its confirmation, the queue and its decisions. */
export const moderationPages: Module = async (app, { deps }) => {
  async function reportForm(request: FastifyRequest, reply: FastifyReply, type: string, id: string, state: { values: Record<string, unknown>; errors?: never }, status = 200) {
    const target = parseTarget({ type, id });
    if (!target) throw new AppError('REPORT_TARGET_NOT_FOUND');
    const summary = await moderation.reportableTarget(deps, request.ctx.actor, target.targetType, target.targetId);
    return sendPage(request, reply, <ReportPage ctx={request.ctx} data={{ target: summary, ...state }} />, { title: request.ctx.t('moderation.report.title'), status, noindex: true });
  }

  app.get('/signaler', async (request, reply) => {
    requireActor(request);
    const q = request.query as Record<string, unknown>;
    return reportForm(request, reply, text(q.type), text(q.id), { values: {} });
  });

  app.post('/signaler', async (request, reply) => {
    requireActor(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    return handleForm(request, reply, ZReportBody,
      async (input) => {
        const { created } = await moderation.fileReport(deps, request.ctx.actor, input);
        const target = await moderation.reportableTarget(deps, request.ctx.actor, input.targetType, input.targetId).catch(() => null);
        const back = target ? `&retour=${encodeURIComponent(target.url)}` : '';
        return reply.redirect(`/signaler/merci?${created ? 'nouveau=1' : 'deja=1'}${back}`, 303);
      },
      (state, status) => reportForm(request, reply, text(body.targetType), text(body.targetId), state as never, status),
    );
  });

  app.get('/signaler/merci', async (request, reply) => {
    requireActor(request);
    const q = request.query as Record<string, unknown>;
    const back = typeof q.retour === 'string' ? safeReturnPath(q.retour, '') || null : null;
    return sendPage(request, reply, <ReportSentPage ctx={request.ctx} already={q.deja === '1'} back={back} />, { title: request.ctx.t('moderation.report.sentTitle'), noindex: true });
  });

  async function queuePage(request: FastifyRequest, reply: FastifyReply, status: ReportStatus, form?: QueueFormState, code = 200) {
    let cursor = cursorOf(request);
    const load = () => moderation.queue(deps, request.ctx.actor, status, PAGE, cursor);
    const list = await load().catch(async (err: unknown) => {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED' && cursor) {
        cursor = undefined;
        return load();
      }
      throw err;
    });
    const nextHref = list.nextCursor ? `/moderation?statut=${status}&cursor=${list.nextCursor}` : null;
    const notice = (request.query as Record<string, unknown>).fait === '1' ? request.ctx.t('moderation.queue.done') : undefined;
    return sendPage(request, reply, <QueuePage ctx={request.ctx} data={{ status, items: list.items, nextHref, notice, form }} />, { title: request.ctx.t('moderation.queue.title'), noindex: true, nav: 'moderation', status: code });
  }

  app.get('/moderation', async (request, reply) => {
    requireActor(request);
    return queuePage(request, reply, statusOf(request));
  });

  app.post('/moderation/decisions', async (request, reply) => {
    requireActor(request);
    const body = { ...((request.body ?? {}) as Record<string, unknown>) };
    delete body._csrf;
    const status = statusOf(request);
    const key = groupKey(text(body.targetType), text(body.targetId));
    try {
      const decision = (DECISIONS as readonly unknown[]).includes(body.decision) ? (body.decision as (typeof DECISIONS)[number]) : null;
      if (!decision) throw validationError({ decision: { key: 'validation.choice' } });
      const input = parseInput(ZActionBody, decision === 'suspendAuthor'
        ? { action: 'suspend', targetType: 'user', targetId: body.authorHandle, reason: body.reason }
        : { action: decision, targetType: body.targetType, targetId: body.targetId, reason: body.reason });
      await moderation.act(deps, request.ctx.actor, input);
      return reply.redirect(`/moderation?statut=${status}&fait=1`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
        return queuePage(request, reply, status, { key, values: body, errors: err.details.fields as never }, 400);
      }
      throw err;
    }
  });
};
