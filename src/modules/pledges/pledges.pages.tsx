import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { requireActor, safeReturnPath } from '../../platform/http/guards.js';
import { AppError, validationError } from '../../platform/errors.js';
import { parseInput, zodIssuesToFields } from '../../platform/validation.js';
import type { FormErrors } from '../../platform/views/forms.js';
import * as pledges from './pledges.service.js';
import { getPledge, listMyPledges } from './pledges.queries.service.js';
import { ZIdParams, ZPledgeForm, ZTransitionForm, type TCreatePledgeBody } from './pledges.schemas.js';
import { describeQuantity, parseFormQuantity } from './pledges.quantity.js';
import { PledgeBlockedPage, PledgeConfirmPage, PledgeFormPage } from './pledges.form.views.js';
import { ContributionsPage, InboxPage } from './pledges.list.views.js';
import { PledgeDetailPage } from './pledges.detail.views.js';
import type { ActionErrors } from './pledges.parts.views.js';
import type { TransitionOutcome } from './pledges.transitions.service.js';
import { impactOfPerson } from '../impact/impact.service.js';

const NOTICE_KEYS: Record<string, string> = {
  created: 'pledges.notices.created', accepted: 'pledges.notices.accepted', declined: 'pledges.notices.declined', withdrawn: 'pledges.notices.withdrawn',
  fulfil_requested: 'pledges.notices.fulfilRequested', fulfilled: 'pledges.notices.fulfilled',
};
const ZNoticeQuery = z.object({ fait: z.string().max(40).optional() });
const LIST_LIMIT = 100;
/** The fields in the order the form shows them, so the error summary follows it. */
const FORM_ORDER = ['quantity', 'startDate', 'endDate', 'message', 'organisationId', 'capacityId', 'showName'] as const;
/** The pledge form is read field by field in `toBody`, which needs the need's unit. */
const ZRawForm = z.looseObject({ step: z.string().max(20).optional() });

function noticeOf(request: FastifyRequest): string | null {
  const key = NOTICE_KEYS[ZNoticeQuery.parse(request.query).fait ?? ''];
  return key ? request.ctx.t(key) : null;
}

function withNotice(path: string, outcome: TransitionOutcome | 'created'): string {
  const url = new URL(path, 'http://local');
  url.searchParams.set('fait', outcome);
  return `${url.pathname}${url.search}`;
}

/**
 * The form's fields as the API's body, every field's problem at once: the quantity is read in the
 * need's unit (dollars → cents) and the language of the page.
 */
function toBody(request: FastifyRequest, raw: Record<string, unknown>, unit: 'hours' | 'cents' | 'items'): TCreatePledgeBody {
  const parsed = ZPledgeForm.safeParse(raw);
  const fields = parsed.success ? {} : zodIssuesToFields(parsed.error.issues);
  const quantity = parseFormQuantity(typeof raw.quantity === 'string' ? raw.quantity : '', unit, request.ctx.locale);
  if ((quantity === null || quantity < 1) && raw.quantity) fields.quantity = { key: unit === 'cents' ? 'pledges.validation.amount' : 'pledges.validation.quantity' };
  if (!parsed.success || quantity === null || Object.keys(fields).length) throw validationError(Object.fromEntries(FORM_ORDER.filter((f) => fields[f]).map((f) => [f, fields[f]!])));
  return { ...parsed.data, quantity };
}

/** Business refusals a person can fix in the form become errors on its fields. */
async function checked<T>(request: FastifyRequest, unit: 'hours' | 'cents' | 'items', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'NEED_OVERSUBSCRIBED') {
      const remaining = describeQuantity(request.ctx.t, request.ctx.fmt, unit, Number(err.details.remaining ?? 0));
      throw validationError({ quantity: { key: 'pledges.validation.overRemaining', params: { remaining } } });
    }
    if (err.code === 'NOT_PARTNER_REPRESENTATIVE') throw validationError({ organisationId: { key: 'pledges.validation.notPartner' } });
    if (err.code === 'PARTNER_OUTSIDE_TERRITORY') throw validationError({ organisationId: { key: 'errors.PARTNER_OUTSIDE_TERRITORY' } });
    if (err.code === 'CAPACITY_NOT_FOUND' || err.code === 'CAPACITY_EXHAUSTED') throw validationError({ capacityId: { key: `errors.${err.code}` } });
    // Another tab proposed first: the form page then shows why (409) instead of the form.
    if (err.code === 'PLEDGE_ALREADY_OPEN') throw validationError({ _: { key: 'errors.PLEDGE_ALREADY_OPEN' } });
    throw err;
  }
}

export const pledgesPages: Module = async (app, { deps }) => {
  const title = (request: FastifyRequest, key: string, params?: Record<string, unknown>) => request.ctx.t(key, params);

  async function formPage(request: FastifyRequest, reply: FastifyReply, needId: string, values: Record<string, unknown>, errors?: FormErrors, status = 200) {
    const target = await pledges.pledgeTarget(deps, request.ctx.actor, needId);
    if (target.refusal) return sendPage(request, reply, <PledgeBlockedPage ctx={request.ctx} target={target} refusal={target.refusal} />, { title: title(request, 'pledges.blocked.title'), noindex: true, status: status === 200 ? 200 : 409 });
    return sendPage(request, reply, <PledgeFormPage ctx={request.ctx} target={target} values={values} errors={errors} />, { title: title(request, 'pledges.form.title', { need: target.need.title }), noindex: true, status });
  }

  app.get('/besoins/:id/engagement', async (request, reply) => {
    requireActor(request);
    return formPage(request, reply, parseInput(ZIdParams, request.params).id, { showName: '' });
  });

  /** Step 1 → step 2: checks everything creating would, then restates the commitment to confirm. */
  app.post('/besoins/:id/engagement', async (request, reply) => {
    const actor = requireActor(request);
    const { id } = parseInput(ZIdParams, request.params);
    return handleForm(request, reply, ZRawForm,
      async (input) => {
        const target = await pledges.pledgeTarget(deps, actor, id);
        const body = toBody(request, input, target.need.unit);
        await checked(request, target.need.unit, () => pledges.checkPledge(deps, actor, id, body));
        const facts = { quantity: body.quantity, startDate: body.startDate, endDate: body.endDate, message: body.message, showName: body.showName, organisation: target.partners.find((p) => p.id === body.organisationId) ?? null };
        const values = request.body as Record<string, unknown>;
        return sendPage(request, reply, <PledgeConfirmPage ctx={request.ctx} target={target} facts={facts} values={values} />, { title: title(request, 'pledges.confirm.title'), noindex: true });
      },
      (state, status) => formPage(request, reply, id, state.values, state.errors, status),
    );
  });

  /** Step 2: "Change" goes back to the form with the values; "Confirm" re-validates and creates. */
  app.post('/besoins/:id/engagement/confirmer', async (request, reply) => {
    const actor = requireActor(request);
    const { id } = parseInput(ZIdParams, request.params);
    const body = request.body as Record<string, unknown>;
    if (body.step === 'change') return formPage(request, reply, id, body);
    return handleForm(request, reply, ZRawForm,
      async ({ step: _step, ...input }) => {
        const target = await pledges.pledgeTarget(deps, actor, id);
        await checked(request, target.need.unit, () => pledges.createPledge(deps, actor, id, toBody(request, input, target.need.unit)));
        return reply.redirect(withNotice('/moi/contributions', 'created'), 303);
      },
      (state, status) => formPage(request, reply, id, state.values, state.errors, status),
    );
  });

  const listPage = async (request: FastifyRequest, reply: FastifyReply, scope: 'mine' | 'received', error: ActionErrors = null, status = 200) => {
    const actor = requireActor(request);
    const [{ items }, impact] = await Promise.all([listMyPledges(deps, actor, { scope, limit: LIST_LIMIT, cursor: undefined, status: undefined }), scope === 'mine' ? impactOfPerson(deps, actor.id) : undefined]);
    const notice = noticeOf(request);
    const page = scope === 'mine' ? <ContributionsPage ctx={request.ctx} items={items} notice={notice} error={error} impact={impact} /> : <InboxPage ctx={request.ctx} items={items} notice={notice} error={error} />;
    return sendPage(request, reply, page, { title: title(request, scope === 'mine' ? 'pledges.mine.title' : 'pledges.inbox.title'), nav: 'me', noindex: true, status });
  };

  app.get('/moi/contributions', async (request, reply) => listPage(request, reply, 'mine'));
  app.get('/moi/engagements-recus', async (request, reply) => listPage(request, reply, 'received'));

  const detailPage = async (request: FastifyRequest, reply: FastifyReply, id: string, error: ActionErrors = null, status = 200) => {
    const actor = requireActor(request);
    const { pledge, can, events, side, contact } = await getPledge(deps, actor, id);
    return sendPage(request, reply, <PledgeDetailPage ctx={request.ctx} p={pledge} can={can} events={events} side={side} contact={contact} notice={noticeOf(request)} error={error} />, {
      title: title(request, 'pledges.detail.title', { need: pledge.need.title }), nav: 'me', noindex: true, status,
    });
  };

  app.get('/engagements/:id', async (request, reply) => detailPage(request, reply, parseInput(ZIdParams, request.params).id));

  /** The HTML twin of POST /api/v1/pledges/:id/transitions; back where the person came from, with a notice. */
  app.post('/engagements/:id/transition', async (request, reply) => {
    const actor = requireActor(request);
    const { id } = parseInput(ZIdParams, request.params);
    return handleForm(request, reply, ZTransitionForm,
      async ({ returnTo, ...body }) => {
        try {
          const { outcome } = await pledges.transitionPledge(deps, actor, id, body);
          return reply.redirect(withNotice(safeReturnPath(returnTo, `/engagements/${id}`), outcome), 303);
        } catch (err) {
          // The partner's capacity ran out: nothing was written; say so beside the button.
          if (!(err instanceof AppError && err.code === 'CAPACITY_EXHAUSTED')) throw err;
          return detailPage(request, reply, id, { to: body.to, pledgeId: id, message: request.ctx.t('pledges.actions.capacityExhausted') }, 409);
        }
      },
      (state, status) => {
        const issue = state.errors?.reason ?? Object.values(state.errors ?? {})[0];
        const error = { to: String(state.values.to ?? ''), pledgeId: id, message: issue ? request.ctx.t(issue.key, issue.params) : '' };
        return detailPage(request, reply, id, error, status);
      },
    );
  });
};
