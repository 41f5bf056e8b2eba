import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm, type FormState } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import * as register from './privacy-register.service.js';
import { canKeepPrivacyRegister } from './privacy-register.policy.js';
import { presentDeadlineSummary, presentIncident, presentRequest } from './privacy-register.presenter.js';
import { incidentFormToBody, requestFormToBody, toFormValues } from './privacy-register.forms.js';
import { ZIdParams, ZIncidentBody, ZIncidentPatchBody, ZRequestBody, ZRequestPatchBody } from './privacy-register.schemas.js';
import { IncidentListPage, IncidentNewPage, IncidentPage, RequestListPage, RequestNewPage, RequestPage } from './privacy-register.views.js';

type Form = FormState<Record<string, unknown>>;
const INCIDENTS = '/admin/confidentialite';
const REQUESTS = '/admin/confidentialite/demandes';

const IncidentForm = z.preprocess(incidentFormToBody, ZIncidentBody);
const IncidentEditForm = z.preprocess(incidentFormToBody, ZIncidentPatchBody);
const RequestForm = z.preprocess(requestFormToBody, ZRequestBody);
const RequestEditForm = z.preprocess(requestFormToBody, ZRequestPatchBody);

/** `?etat=` in French words (the page URLs are French), mapped to the API's filters. */
const INCIDENT_FILTERS = { tous: undefined, ouverts: 'open', fermes: 'closed' } as const;
const REQUEST_FILTERS = { 'en-cours': 'open', traitees: 'closed', toutes: undefined } as const;
const ZIncidentPageQuery = z.object({ etat: z.enum(['tous', 'ouverts', 'fermes']).default('tous'), apres: z.string().max(200).optional() });
const ZRequestPageQuery = z.object({ etat: z.enum(['en-cours', 'traitees', 'toutes']).default('en-cours'), apres: z.string().max(200).optional() });

const NOTICES: Record<string, string | undefined> = {
  consigne: 'privacyRegister.done.recorded', enregistre: 'privacyRegister.done.saved', ferme: 'privacyRegister.done.closed', rouvert: 'privacyRegister.done.reopened', repondue: 'privacyRegister.done.answered',
};
const noticeOf = (request: FastifyRequest) => {
  const done = (request.query as Record<string, unknown>).fait;
  const key = typeof done === 'string' ? NOTICES[done] : undefined;
  return key ? request.ctx.t(key) : undefined;
};
const idOf = (request: FastifyRequest) => parseInput(ZIdParams, request.params).id;
const PAGE_SIZE = 20;

/** Every page here: visitors go to sign-in (401 → redirect), everyone but platform admins gets 403. */
async function requireKeeper(request: FastifyRequest): Promise<void> {
  if (!canKeepPrivacyRegister(requireActor(request))) throw new AppError('FORBIDDEN');
}

/** The registers' pages under /admin/confidentialite: lists, new, detail with its edit form. */
export const privacyRegisterPages: Module = async (app, { deps }) => {
  app.addHook('preHandler', requireKeeper);
  const opts = (request: FastifyRequest, title: string, status = 200) => ({ title: request.ctx.t(title), nav: 'admin', noindex: true, status });

  // ——— incidents ———
  app.get(INCIDENTS, async (request, reply) => {
    const q = parseInput(ZIncidentPageQuery, request.query);
    const p = await register.listIncidents(deps, request.ctx.actor, { status: INCIDENT_FILTERS[q.etat], limit: PAGE_SIZE, cursor: q.apres });
    const summary = presentDeadlineSummary(await register.deadlineSummary(deps, request.ctx.actor));
    const data = { items: p.items.map(presentIncident), filter: q.etat, first: !q.apres, next: p.nextCursor, notice: noticeOf(request), summary };
    return sendPage(request, reply, <IncidentListPage ctx={request.ctx} data={data} />, opts(request, 'privacyRegister.incidents.title'));
  });

  const newIncident = (request: FastifyRequest, reply: FastifyReply, form: Form, status = 200) =>
    sendPage(request, reply, <IncidentNewPage ctx={request.ctx} form={form} />, opts(request, 'privacyRegister.incidents.newTitle', status));
  app.get(`${INCIDENTS}/nouveau`, async (request, reply) => newIncident(request, reply, { values: { discoveredOn: register.registerToday() } }));
  app.post(INCIDENTS, async (request, reply) =>
    handleForm(request, reply, IncidentForm,
      async (input) => {
        const created = await register.createIncident(deps, request.ctx.actor, input);
        return reply.redirect(`${INCIDENTS}/${created.id}?fait=consigne`, 303);
      },
      (state, status) => newIncident(request, reply, state as Form, status),
    ),
  );

  const incidentPage = async (request: FastifyRequest, reply: FastifyReply, form?: Form, status = 200) => {
    const incident = presentIncident(await register.getIncident(deps, request.ctx.actor, idOf(request)));
    const page = <IncidentPage ctx={request.ctx} incident={incident} form={form ?? { values: toFormValues(incident) }} notice={noticeOf(request)} />;
    return sendPage(request, reply, page, { ...opts(request, 'privacyRegister.incidents.title', status), title: request.ctx.t('privacyRegister.incidents.title') });
  };
  app.get(`${INCIDENTS}/:id`, async (request, reply) => incidentPage(request, reply));
  app.post(`${INCIDENTS}/:id`, async (request, reply) => {
    const id = idOf(request);
    return handleForm(request, reply, IncidentEditForm,
      async (input) => {
        await register.updateIncident(deps, request.ctx.actor, id, input);
        return reply.redirect(`${INCIDENTS}/${id}?fait=enregistre`, 303);
      },
      (state, status) => incidentPage(request, reply, state as Form, status),
    );
  });
  // Closing is confirmed in the browser (data-confirm); the rules may still refuse (measures, notifications): shown on the form.
  for (const [path, status, done] of [['fermer', 'closed', 'ferme'], ['rouvrir', 'open', 'rouvert']] as const) {
    app.post(`${INCIDENTS}/:id/${path}`, async (request, reply) => {
      const id = idOf(request);
      try {
        await register.updateIncident(deps, request.ctx.actor, id, { status });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
        const incident = presentIncident(await register.getIncident(deps, request.ctx.actor, id));
        return incidentPage(request, reply, { values: toFormValues(incident), errors: err.details.fields as Form['errors'] }, 400);
      }
      return reply.redirect(`${INCIDENTS}/${id}?fait=${done}`, 303);
    });
  }

  // ——— requests ———
  app.get(REQUESTS, async (request, reply) => {
    const q = parseInput(ZRequestPageQuery, request.query);
    const p = await register.listRequests(deps, request.ctx.actor, { status: REQUEST_FILTERS[q.etat], limit: PAGE_SIZE, cursor: q.apres });
    const summary = presentDeadlineSummary(await register.deadlineSummary(deps, request.ctx.actor));
    const data = { items: p.items.map((r) => presentRequest(r, summary.today)), filter: q.etat, first: !q.apres, next: p.nextCursor, notice: noticeOf(request), summary };
    return sendPage(request, reply, <RequestListPage ctx={request.ctx} data={data} />, opts(request, 'privacyRegister.requests.title'));
  });

  const newRequest = (request: FastifyRequest, reply: FastifyReply, form: Form, status = 200) =>
    sendPage(request, reply, <RequestNewPage ctx={request.ctx} form={form} />, opts(request, 'privacyRegister.requests.newTitle', status));
  app.get(`${REQUESTS}/nouvelle`, async (request, reply) => newRequest(request, reply, { values: { receivedOn: register.registerToday(), status: 'received' } }));
  app.post(REQUESTS, async (request, reply) =>
    handleForm(request, reply, RequestForm,
      async (input) => {
        const created = await register.createRequest(deps, request.ctx.actor, input);
        return reply.redirect(`${REQUESTS}/${created.id}?fait=consigne`, 303);
      },
      (state, status) => newRequest(request, reply, state as Form, status),
    ),
  );

  const requestPage = async (request: FastifyRequest, reply: FastifyReply, form?: Form, status = 200) => {
    const view = presentRequest(await register.getRequest(deps, request.ctx.actor, idOf(request)), register.registerToday());
    const values = { ...toFormValues({ ...view, ...view.requester, account: undefined }), requesterName: view.requester.name, requesterEmail: view.requester.email, linkAccount: view.requester.account ? 'on' : '' };
    const page = <RequestPage ctx={request.ctx} request={view} form={form ?? { values }} notice={noticeOf(request)} />;
    return sendPage(request, reply, page, opts(request, 'privacyRegister.requests.title', status));
  };
  app.get(`${REQUESTS}/:id`, async (request, reply) => requestPage(request, reply));
  app.post(`${REQUESTS}/:id`, async (request, reply) => {
    const id = idOf(request);
    return handleForm(request, reply, RequestEditForm,
      async (input) => {
        await register.updateRequest(deps, request.ctx.actor, id, input);
        return reply.redirect(`${REQUESTS}/${id}?fait=enregistre`, 303);
      },
      (state, status) => requestPage(request, reply, state as Form, status),
    );
  });
  app.post(`${REQUESTS}/:id/repondue`, async (request, reply) => {
    const id = idOf(request);
    await register.updateRequest(deps, request.ctx.actor, id, { status: 'answered', answeredOn: register.registerToday() });
    return reply.redirect(`${REQUESTS}/${id}?fait=repondue`, 303);
  });
};
