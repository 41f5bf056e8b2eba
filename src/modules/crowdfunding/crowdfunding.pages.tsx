import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import type { FormErrors } from '../../platform/views/forms.js';
import { montrealDate } from '../delegates/delegates.dates.js';
import * as crowdfunding from './crowdfunding.service.js';
import { campaignFormToBody, campaignToFormValues, matchFormToBody, snapshotFormToBody } from './crowdfunding.forms.js';
import { ZCampaignBody, ZMatchfundingBody, ZProjectIdParams, ZSnapshotBody, ZSnapshotDecisionBody, ZSnapshotParams } from './crowdfunding.schemas.js';
import { CampaignFormPage, ConfirmPage, MatchPage } from './crowdfunding.form.views.js';

type Values = Record<string, unknown>;
type Form = { values: Values; errors?: FormErrors | undefined };

const NOTICES: Record<string, string | undefined> = { liee: 'crowdfunding.form.saved', apercu: 'crowdfunding.form.refreshed', declare: 'crowdfunding.snapshot.submitted', decide: 'crowdfunding.confirm.done', engage: 'crowdfunding.matchForm.saved' };
const noticeOf = (request: FastifyRequest) => {
  const done = (request.query as Record<string, unknown>).fait;
  const key = typeof done === 'string' ? NOTICES[done] : undefined;
  return key ? request.ctx.t(key) : undefined;
};
const cursorOf = (request: FastifyRequest) => {
  const after = (request.query as Record<string, unknown>).apres;
  return typeof after === 'string' && after.length <= 200 ? after : undefined;
};
const idOf = (request: FastifyRequest) => parseInput(ZProjectIdParams, request.params).id;

const CampaignForm = z.preprocess(campaignFormToBody, ZCampaignBody);
const SnapshotForm = z.preprocess(snapshotFormToBody, ZSnapshotBody);
const MatchForm = z.preprocess(matchFormToBody, ZMatchfundingBody);

/** Pages: the team's campaign page (link, report amounts, history), the staff's confirmation and matchfunding pages. */
export const crowdfundingPages: Module = async (app, { deps }) => {
  async function teamPage(request: FastifyRequest, reply: FastifyReply, forms: { link?: Form; snapshot?: Form } = {}, status = 200) {
    const actor = requireActor(request);
    const id = idOf(request);
    const page = await crowdfunding.campaignPage(deps, actor, id);
    if (!page.can.manage) throw new AppError('FORBIDDEN');
    const history = page.campaign ? await crowdfunding.listSnapshots(deps, actor, id, { limit: 20, cursor: cursorOf(request) }) : { items: [], nextCursor: null };
    const c = page.campaign;
    const defaults = c ? campaignToFormValues({ ...c, endsOn: montrealDate(new Date(c.endsAt)) }) : { platform: 'La Ruche', model: 'all_or_nothing', endsOn: montrealDate(new Date(Date.now() + 30 * 86_400_000)) };
    const data = { project: page.project, campaign: c, can: page.can, history: { items: history.items, next: history.nextCursor }, link: forms.link ?? { values: defaults }, snapshot: forms.snapshot ?? { values: {} } };
    return sendPage(request, reply, <CampaignFormPage ctx={request.ctx} data={data} notice={noticeOf(request)} />, { title: `${request.ctx.t('crowdfunding.form.title')} — ${page.project.title}`, status, noindex: true, nav: 'projects' });
  }

  app.get('/projets/:id/campagne', async (request, reply) => teamPage(request, reply));

  app.post('/projets/:id/campagne', async (request, reply) => {
    const id = idOf(request);
    return handleForm(request, reply, CampaignForm,
      async (input) => {
        await crowdfunding.linkCampaign(deps, request.ctx.actor, id, input);
        return reply.redirect(`/projets/${id}/campagne?fait=liee`, 303);
      },
      (state, status) => teamPage(request, reply, { link: state }, status),
    );
  });

  app.post('/projets/:id/campagne/apercu', async (request, reply) => {
    const id = idOf(request);
    await crowdfunding.requestPreviewRefresh(deps, request.ctx.actor, id);
    return reply.redirect(`/projets/${id}/campagne?fait=apercu`, 303);
  });

  app.post('/projets/:id/campagne/montants', async (request, reply) => {
    const id = idOf(request);
    return handleForm(request, reply, SnapshotForm,
      async (input) => {
        await crowdfunding.submitSnapshot(deps, request.ctx.actor, id, input);
        return reply.redirect(`/projets/${id}/campagne?fait=declare#historique`, 303);
      },
      (state, status) => teamPage(request, reply, { snapshot: state }, status),
    );
  });

  async function confirmPage(request: FastifyRequest, reply: FastifyReply, errorsFor?: { id: string; errors: FormErrors }, status = 200) {
    const actor = requireActor(request);
    const id = idOf(request);
    const page = await crowdfunding.campaignPage(deps, actor, id);
    if (!page.can.confirm) throw new AppError('FORBIDDEN');
    if (!page.campaign) throw new AppError('CAMPAIGN_NOT_FOUND');
    const history = await crowdfunding.listSnapshots(deps, actor, id, { limit: 20, cursor: cursorOf(request) });
    const data = { project: page.project, campaign: page.campaign, history: { items: history.items, next: history.nextCursor }, errorsFor };
    return sendPage(request, reply, <ConfirmPage ctx={request.ctx} data={data} notice={noticeOf(request)} />, { title: request.ctx.t('crowdfunding.confirm.title', { project: page.project.title }), status, noindex: true, nav: 'projects' });
  }

  app.get('/projets/:id/campagne/montants', async (request, reply) => confirmPage(request, reply));

  app.post('/projets/:id/campagne/montants/:snapshotId', async (request, reply) => {
    const { id, snapshotId } = parseInput(ZSnapshotParams, { id: idOf(request), snapshotId: (request.params as Record<string, unknown>).snapshotId });
    return handleForm(request, reply, ZSnapshotDecisionBody,
      async (input) => {
        await crowdfunding.decideSnapshot(deps, request.ctx.actor, id, snapshotId, input);
        return reply.redirect(`/projets/${id}/campagne/montants?fait=decide`, 303);
      },
      (state, status) => confirmPage(request, reply, { id: snapshotId, errors: state.errors ?? {} }, status),
    );
  });

  async function matchPage(request: FastifyRequest, reply: FastifyReply, form: Form = { values: {} }, status = 200) {
    const actor = requireActor(request);
    const id = idOf(request);
    const page = await crowdfunding.campaignPage(deps, actor, id);
    if (!page.can.match) throw new AppError('FORBIDDEN');
    if (!page.campaign) throw new AppError('CAMPAIGN_NOT_FOUND');
    const caisses = await crowdfunding.matchingCaisses(deps, actor, id);
    const m = page.campaign.matchfunding;
    const values = Object.keys(form.values).length > 0 || !m ? form.values : { ratioPercent: String(m.ratioPercent / 100), capCents: String(m.capCents / 100), caisse: m.caisse?.slug ?? '' };
    const data = { project: page.project, campaign: page.campaign, caisses, values, errors: form.errors };
    return sendPage(request, reply, <MatchPage ctx={request.ctx} data={data} notice={noticeOf(request)} />, { title: `${request.ctx.t('crowdfunding.matchForm.title')} — ${page.project.title}`, status, noindex: true, nav: 'projects' });
  }

  app.get('/projets/:id/campagne/financement', async (request, reply) => matchPage(request, reply));

  app.post('/projets/:id/campagne/financement', async (request, reply) => {
    const id = idOf(request);
    return handleForm(request, reply, MatchForm,
      async (input) => {
        await crowdfunding.setMatchfunding(deps, request.ctx.actor, id, input);
        return reply.redirect(`/projets/${id}/campagne/financement?fait=engage`, 303);
      },
      (state, status) => matchPage(request, reply, state as Form, status),
    );
  });
};
