import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm, type FormState } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import { AppError } from '../../platform/errors.js';
import * as calls from './calls.service.js';
import * as applications from './calls.applications.service.js';
import { canManageCall, canRemoveFileAnswer, editableFully } from './calls.policy.js';
import { acceptsSubmissions, nextPhase } from './calls.phase.js';
import { ZApplyBody, ZCallListQuery, ZCreateCallBody, ZTransitionBody, ZUpdateApplicationBody, ZUpdateCallBody, type TCallListQuery } from './calls.schemas.js';
import { applicationFormToBody, applicationToFormValues, callFormToBody, callToFormValues, editRows } from './calls.forms.js';
import { CallPage, CallsListPage, StaffApplicationsPage } from './calls.views.js';
import { callReviewsLinksFor } from '../call-reviews/call-reviews.service.js';
import { CallFormPage } from './calls.form.views.js';
import { ApplyFormPage } from './calls.apply.views.js';
import { toMontrealLocal } from './calls.dates.js';
import { csrfFromQuery } from '../media/media.upload.js';
import { readMultipartForm, sendApplicationFile } from './calls.files.http.js';
import { fileQuestionCount, readApplicationFile, removeApplicationFile, type FileUpload } from './calls.files.service.js';

type Values = Record<string, unknown>;
const NOTICES: Record<string, string | undefined> = { cree: 'calls.notice.created', enregistre: 'calls.notice.saved', etape: 'calls.notice.moved', candidature: 'calls.notice.applied', envoyee: 'calls.notice.submitted', retiree: 'calls.notice.withdrawn', 'fichier-retire': 'calls.notice.fileRemoved' };
const query = (request: FastifyRequest) => request.query as Record<string, unknown>;
const noticeOf = (request: FastifyRequest) => {
  const done = query(request).fait;
  const key = typeof done === 'string' ? NOTICES[done] : undefined;
  return key ? request.ctx.t(key) : undefined;
};
const slugOf = (request: FastifyRequest) => parseInput(z.object({ slug: z.string().min(1).max(80) }), request.params).slug;
const appIdOf = (request: FastifyRequest) => {
  const id = query(request).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 40 ? id : undefined;
};
const body = (request: FastifyRequest): Values => ({ ...((request.body as Values | undefined) ?? {}) });

function readFilters(raw: unknown): TCallListQuery {
  const input = { ...(raw as Values) };
  const first = ZCallListQuery.safeParse(input);
  if (first.success) return first.data;
  for (const issue of first.error.issues) delete input[String(issue.path[0])];
  return ZCallListQuery.parse(input);
}

/** Pages of calls for projects: the list, one call, staff's create/edit/phase, the application form, staff's applications. */
export const callsPages: Module = async (app, { deps }) => {
  app.get('/appels', async (request, reply) => {
    const { actor, locale, t } = request.ctx;
    const filters = readFilters(request.query);
    const [list, caisses] = await Promise.all([calls.listCalls(deps, actor, locale, filters), calls.managedCaisses(deps, actor, locale)]);
    const territories = new Map<string, string>();
    const served = await calls.servedTerritoryOptions(deps, locale);
    for (const p of served) territories.set(p.slug, p.name);
    const params = new URLSearchParams();
    if (filters.when) params.set('when', filters.when);
    if (filters.territory) params.set('territory', filters.territory);
    if (filters.caisse) params.set('caisse', filters.caisse);
    if (list.nextCursor) params.set('cursor', list.nextCursor);
    const data = {
      calls: list.items, when: filters.when ?? '', territory: filters.territory ?? '', territories: [...territories].map(([slug, name]) => ({ slug, name })),
      nextHref: list.nextCursor ? `/appels?${params.toString()}` : null, canCreate: caisses.length > 0, notice: noticeOf(request),
    };
    return sendPage(request, reply, <CallsListPage ctx={request.ctx} data={data} />, { title: t('calls.list.title'), description: t('calls.list.intro'), noindex: filters.cursor !== undefined, nav: 'calls' });
  });

  // --- staff: create and edit -------------------------------------------------------------------
  async function callForm(request: FastifyRequest, reply: FastifyReply, o: { mode: 'create' | 'edit'; slug?: string; state: FormState<Values>; status?: number }) {
    const actor = requireActor(request);
    const { locale, t } = request.ctx;
    let caisses = await calls.managedCaisses(deps, actor, locale);
    let locked = false;
    if (o.mode === 'edit') {
      const { call } = await calls.managedCall(deps, actor, o.slug!);
      caisses = caisses.filter((c) => c.id === call.caisseId);
      locked = !editableFully(call);
    } else if (caisses.length === 0) throw new AppError('FORBIDDEN');
    const action = o.mode === 'create' ? '/appels/nouveau' : `/appels/${o.slug}/modifier`;
    const data = { mode: o.mode, locked, action, cancelHref: o.mode === 'create' ? '/appels' : `/appels/${o.slug}`, values: o.state.values, errors: o.state.errors, caisses };
    return sendPage(request, reply, <CallFormPage ctx={request.ctx} data={data} />, { title: t(o.mode === 'create' ? 'calls.form.createTitle' : 'calls.form.editTitle'), status: o.status ?? 200, noindex: true, nav: 'calls' });
  }

  app.get('/appels/nouveau', async (request, reply) => {
    const now = Date.now();
    const at = (days: number) => toMontrealLocal(new Date(now + days * 86_400_000));
    return callForm(request, reply, {
      mode: 'create',
      state: { values: { language: request.ctx.locale, opensAt: at(1), submissionsCloseAt: at(31), reviewEndsAt: at(45), resultsAt: at(50), 'questions.0.kind': 'long_text', 'questions.0.label': '', 'questions.0.required': 'on', 'criteria.0.label': '', 'criteria.0.weight': '1' } },
    });
  });

  app.post('/appels/nouveau', async (request, reply) => {
    const raw = body(request);
    if (raw._add || raw._remove) return callForm(request, reply, { mode: 'create', state: { values: editRows(raw, raw._add, raw._remove) } });
    return handleForm(request, reply, z.preprocess((b) => callFormToBody(b as Values, 'create'), ZCreateCallBody),
      async (input) => {
        const row = await calls.createCall(deps, request.ctx.actor, input, request.ctx.locale);
        return reply.redirect(`/appels/${row.slug}?fait=cree`, 303);
      },
      (state, status) => callForm(request, reply, { mode: 'create', state: { ...state, values: raw }, status }),
    );
  });

  app.get('/appels/:slug/modifier', async (request, reply) => {
    const slug = slugOf(request);
    const view = await calls.getCall(deps, request.ctx.actor, slug, request.ctx.locale);
    return callForm(request, reply, { mode: 'edit', slug, state: { values: callToFormValues(view) } });
  });

  app.post('/appels/:slug/modifier', async (request, reply) => {
    const slug = slugOf(request);
    const raw = body(request);
    if (raw._add || raw._remove) return callForm(request, reply, { mode: 'edit', slug, state: { values: editRows(raw, raw._add, raw._remove) } });
    const { call } = await calls.managedCall(deps, request.ctx.actor, slug);
    const mode = editableFully(call) ? 'edit' : 'edit-published';
    return handleForm(request, reply, z.preprocess((b) => callFormToBody(b as Values, mode), ZUpdateCallBody),
      async (input) => {
        await calls.updateCall(deps, request.ctx.actor, call.id, input, request.ctx.locale);
        return reply.redirect(`/appels/${call.slug}?fait=enregistre`, 303);
      },
      (state, status) => callForm(request, reply, { mode: 'edit', slug, state: { ...state, values: raw }, status }),
    );
  });

  app.post('/appels/:slug/etape', async (request, reply) => {
    const slug = slugOf(request);
    const { to } = parseInput(ZTransitionBody, { to: body(request).to });
    const row = await calls.transitionCall(deps, request.ctx.actor, slug, to);
    return reply.redirect(`/appels/${row.slug}?fait=etape`, 303);
  });

  // --- one call ------------------------------------------------------------------------------------
  app.get('/appels/:slug', async (request, reply) => {
    const { actor, locale } = request.ctx;
    const row = await calls.visibleCall(deps, actor, slugOf(request));
    const view = await calls.callView(deps, row, locale);
    const now = new Date();
    const open = acceptsSubmissions(row, now);
    const manage = canManageCall(actor, row);
    const [mine, candidates, counts] = await Promise.all([
      actor ? applications.myApplications(deps, actor, row.id) : [],
      actor && open ? applications.candidatesFor(deps, actor, row) : [],
      manage ? calls.applicationCounts(deps, [row.id]) : new Map<string, Record<string, number>>(),
    ]);
    const applied = new Set(mine.map((a) => a.project.id));
    const next = nextPhase(row);
    const submitted = Object.entries(counts.get(row.id) ?? {}).filter(([s]) => s !== 'draft').reduce((n, [, c]) => n + c, 0);
    const data = {
      call: view,
      mine,
      can: { apply: open && candidates.some((c) => !applied.has(c.id)), manage, signIn: !actor && open, acceptsSubmissions: open, needProject: Boolean(actor) && open && mine.length === 0 && candidates.length === 0 },
      staff: manage ? { applications: submitted, next, nextDue: next !== null && !(row.phase === 'draft' && row.publishedAt !== null) } : null,
      notice: noticeOf(request),
      reviewLinks: await callReviewsLinksFor(deps, actor, row.id, request.ctx.t),
    };
    return sendPage(request, reply, <CallPage ctx={request.ctx} data={data} />, { title: view.title, description: view.theme, noindex: view.status === 'draft', nav: 'calls' });
  });

  // --- applications -----------------------------------------------------------------------------------
  async function applyForm(request: FastifyRequest, reply: FastifyReply, slug: string, state: FormState<Values> | null, status = 200) {
    const actor = requireActor(request);
    const row = await calls.visibleCall(deps, actor, slug);
    const view = await calls.callView(deps, row, request.ctx.locale);
    const id = appIdOf(request);
    const application = id ? (await applications.getApplication(deps, actor, id)).view : null;
    if (!acceptsSubmissions(row, new Date())) throw new AppError('CALL_PHASE_CLOSED', { phase: row.phase, messageParams: { phase: row.phase === 'open' ? 'review' : row.phase } });
    const candidates = application ? [] : await applications.candidatesFor(deps, actor, row);
    const applied = new Set((await applications.myApplications(deps, actor, row.id)).map((a) => a.project.id));
    const values = state?.values ?? (application ? applicationToFormValues(application) : {});
    const removableFiles = new Set(application ? view.questions.filter((q) => q.kind === 'file' && canRemoveFileAnswer(q, application.status)).map((q) => q.id) : []);
    const data = { call: view, application, candidates: candidates.filter((c) => !applied.has(c.id)), values, errors: state?.errors, maxFileBytes: deps.config.applicationFileMaxBytes, removableFiles, notice: noticeOf(request) };
    return sendPage(request, reply, <ApplyFormPage ctx={request.ctx} data={data} />, { title: request.ctx.t(application ? 'calls.apply.editTitle' : 'calls.apply.title', { call: view.title }), status, noindex: true, nav: 'calls' });
  }

  app.get('/appels/:slug/candidature', async (request, reply) => applyForm(request, reply, slugOf(request), null));

  // A call with `file` questions posts its form as multipart (no JS needed): the CSRF token then rides in the action URL.
  app.post('/appels/:slug/candidature', { onRequest: csrfFromQuery }, async (request, reply) => {
    const slug = slugOf(request);
    let uploads: Record<string, FileUpload> = {};
    if (request.isMultipart()) {
      // Signed in, and no more files than the call has file questions, before any byte is read.
      const fileQuestions = await fileQuestionCount(deps, requireActor(request), slug);
      const form = await readMultipartForm(request, deps.config.applicationFileMaxBytes, fileQuestions);
      (request as { body: unknown }).body = form.values;
      uploads = Object.fromEntries(Object.entries(form.uploads).filter(([k]) => k.startsWith('answers.')).map(([k, v]) => [k.slice('answers.'.length), v]));
    }
    const raw = body(request);
    const submit = raw._action === 'submit';
    const id = appIdOf(request);
    const done = (appSlug: string) => reply.redirect(`/appels/${appSlug}?fait=${submit ? 'envoyee' : 'candidature'}#ma-candidature`, 303);
    const rerender = (state: FormState<Values>, status: number) => applyForm(request, reply, slug, { ...state, values: raw }, status);
    if (id) {
      return handleForm(request, reply, z.preprocess((b) => { const { project: _p, ...rest } = applicationFormToBody(b as Values); return { ...rest, action: submit ? 'submit' : 'save' }; }, ZUpdateApplicationBody),
        async (input) => {
          const updated = await applications.updateApplication(deps, request.ctx.actor, id, input, new Date(), uploads);
          return done(updated.call.slug);
        }, rerender);
    }
    return handleForm(request, reply, z.preprocess((b) => ({ ...applicationFormToBody(b as Values), submit }), ZApplyBody),
      async (input) => {
        const created = await applications.applyToCall(deps, request.ctx.actor, slug, input, new Date(), uploads);
        return done(created.call.slug);
      }, rerender);
  });

  app.post('/appels/:slug/candidature/retrait', async (request, reply) => {
    const slug = slugOf(request);
    const id = appIdOf(request);
    if (!id) throw new AppError('CALL_APPLICATION_NOT_FOUND');
    await applications.updateApplication(deps, request.ctx.actor, id, { action: 'withdraw' });
    return reply.redirect(`/appels/${slug}?fait=retiree#ma-candidature`, 303);
  });

  app.get('/appels/:slug/candidatures/:id/fichiers/:questionId', async (request, reply) => {
    const params = parseInput(z.object({ slug: z.string().min(1).max(80), id: z.string().min(1).max(40), questionId: z.string().min(1).max(40) }), request.params);
    const { file, data } = await readApplicationFile(deps, request.ctx.actor, { callIdOrSlug: params.slug, applicationId: params.id, questionId: params.questionId });
    return sendApplicationFile(reply, file, data);
  });

  // Removing a file answer: a small form of its own (the button sits in the application form through `form=`), confirmed first.
  app.post('/appels/:slug/candidatures/:id/fichiers/:questionId/retirer', async (request, reply) => {
    const params = parseInput(z.object({ slug: z.string().min(1).max(80), id: z.string().min(1).max(40), questionId: z.string().min(1).max(40) }), request.params);
    const removed = await removeApplicationFile(deps, requireActor(request), { callIdOrSlug: params.slug, applicationId: params.id, questionId: params.questionId });
    return reply.redirect(`/appels/${removed.callSlug}/candidature?id=${encodeURIComponent(removed.applicationId)}&fait=fichier-retire`, 303);
  });

  app.get('/appels/:slug/candidatures', async (request, reply) => {
    requireActor(request);
    const slug = slugOf(request);
    const cursor = typeof query(request).cursor === 'string' ? (query(request).cursor as string) : undefined;
    const list = await applications.listApplications(deps, request.ctx.actor, slug, { limit: 50, cursor, status: undefined });
    const view = await calls.getCall(deps, request.ctx.actor, slug, request.ctx.locale);
    const nextHref = list.nextCursor ? `/appels/${view.slug}/candidatures?cursor=${encodeURIComponent(list.nextCursor)}` : null;
    return sendPage(request, reply, <StaffApplicationsPage ctx={request.ctx} call={view} items={list.items} nextHref={nextHref} />, { title: request.ctx.t('calls.staff.title', { call: view.title }), noindex: true, nav: 'calls' });
  });
};
