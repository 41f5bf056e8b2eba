import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm, type FormState } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import type { FormErrors } from '../../platform/views/forms.js';
import { ZCaisseSlugParams } from '../caisses/caisses.schemas.js';
import * as delegates from './delegates.service.js';
import { canSeeDelegateProjects } from './delegates.policy.js';
import { ZApplicationParams, ZApplyBody, ZCampaignBody, ZDecisionBody } from './delegates.schemas.js';
import { AccompanyPage, RegistrationPageView } from './delegates.views.js';
import { CampaignFormPage, StaffDelegatesPage } from './delegates.staff.views.js';
import { montrealDate } from './delegates.dates.js';

const NOTICES: Record<string, string | undefined> = { envoyee: 'delegates.notice.applied', ouverte: 'delegates.notice.campaign', decidee: 'delegates.notice.decided' };
const noticeOf = (request: FastifyRequest) => {
  const done = (request.query as Record<string, unknown>).fait;
  const key = typeof done === 'string' ? NOTICES[done] : undefined;
  return key ? request.ctx.t(key) : undefined;
};
const slugOf = (request: FastifyRequest) => parseInput(ZCaisseSlugParams, request.params).slug;

/** Pages of the delegate programme: registration, projects to accompany, the staff's dashboard and decisions. */
export const delegatesPages: Module = async (app, { deps }) => {
  async function registration(request: FastifyRequest, reply: FastifyReply, state: FormState<Record<string, unknown>> = { values: {} }, status = 200) {
    const { actor, locale, t } = request.ctx;
    const data = await delegates.registrationPage(deps, actor, slugOf(request), locale);
    const links = { projects: canSeeDelegateProjects(actor, data.caisse.id) };
    const page = <RegistrationPageView ctx={request.ctx} data={data} values={state.values} errors={state.errors} notice={noticeOf(request)} links={links} />;
    return sendPage(request, reply, page, { title: t('delegates.title', { caisse: data.caisse.name }), status, nav: 'caisses' });
  }

  app.get('/caisses/:slug/delegues', async (request, reply) => registration(request, reply));

  app.post('/caisses/:slug/delegues', async (request, reply) => {
    const slug = slugOf(request);
    return handleForm(request, reply, ZApplyBody,
      async (input) => {
        await delegates.apply(deps, request.ctx.actor, slug, input, request.ctx.locale);
        return reply.redirect(`/caisses/${slug}/delegues?fait=envoyee`, 303);
      },
      (state, status) => registration(request, reply, state, status),
    );
  });

  app.get('/caisses/:slug/delegues/projets', async (request, reply) => {
    requireActor(request);
    const { caisse, groups } = await delegates.projectsToAccompany(deps, request.ctx.actor, slugOf(request), request.ctx.locale);
    return sendPage(request, reply, <AccompanyPage ctx={request.ctx} caisse={caisse} groups={groups} />, { title: request.ctx.t('delegates.projects.title', { caisse: caisse.name }), noindex: true, nav: 'caisses' });
  });

  async function staffPage(request: FastifyRequest, reply: FastifyReply, errorsFor?: { id: string; errors: FormErrors }, status = 200) {
    requireActor(request);
    const { actor, locale, t } = request.ctx;
    const slug = slugOf(request);
    const after = (request.query as Record<string, unknown>).apres;
    const cursor = typeof after === 'string' && after.length <= 200 ? after : undefined;
    const dashboard = await delegates.dashboard(deps, actor, slug, locale);
    const [pending, decided] = await Promise.all([
      delegates.listApplications(deps, actor, slug, { status: 'pending', limit: 20, cursor }, locale),
      delegates.listApplications(deps, actor, slug, { status: undefined, limit: 50 }, locale),
    ]);
    const caisse = { slug, name: dashboard.campaign?.caisse.name ?? (await delegates.managedCaisse(deps, actor, slug)).caisse.name };
    const data = { caisse, dashboard, pending: pending.items, decided: decided.items.filter((a) => a.status !== 'pending'), nextPending: pending.nextCursor, errorsFor };
    return sendPage(request, reply, <StaffDelegatesPage ctx={request.ctx} data={data} notice={noticeOf(request)} />, { title: t('delegates.staff.title', { caisse: caisse.name }), status, noindex: true, nav: 'caisses' });
  }

  app.get('/caisses/:slug/espace/delegues', async (request, reply) => staffPage(request, reply));

  app.post('/caisses/:slug/espace/delegues/:id/decision', async (request, reply) => {
    const slug = slugOf(request);
    const { id } = parseInput(ZApplicationParams, { id: (request.params as Record<string, unknown>).id });
    return handleForm(request, reply, ZDecisionBody,
      async (input) => {
        await delegates.decide(deps, request.ctx.actor, id, input, request.ctx.locale);
        return reply.redirect(`/caisses/${slug}/espace/delegues?fait=decidee`, 303);
      },
      (state, status) => staffPage(request, reply, { id, errors: state.errors ?? {} }, status),
    );
  });

  async function campaignForm(request: FastifyRequest, reply: FastifyReply, state: FormState<Record<string, unknown>>, status = 200) {
    const { caisse } = await delegates.managedCaisse(deps, request.ctx.actor, slugOf(request));
    return sendPage(request, reply, <CampaignFormPage ctx={request.ctx} caisse={caisse} values={state.values} errors={state.errors} />, { title: request.ctx.t('delegates.campaignForm.title'), status, noindex: true, nav: 'caisses' });
  }

  app.get('/caisses/:slug/espace/delegues/campagne', async (request, reply) => {
    requireActor(request);
    const today = new Date();
    const inDays = (n: number) => montrealDate(new Date(today.getTime() + n * 86_400_000));
    return campaignForm(request, reply, { values: { deadline: inDays(21), termStart: inDays(30), termEnd: inDays(30 + 365) } });
  });

  app.post('/caisses/:slug/espace/delegues/campagne', async (request, reply) => {
    const slug = slugOf(request);
    return handleForm(request, reply, ZCampaignBody,
      async (input) => {
        await delegates.openCampaign(deps, request.ctx.actor, slug, input, request.ctx.locale);
        return reply.redirect(`/caisses/${slug}/espace/delegues?fait=ouverte`, 303);
      },
      (state, status) => campaignForm(request, reply, state, status),
    );
  });
};
