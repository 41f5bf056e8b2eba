import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { Notice } from '../../platform/views/forms.js';
import { handleForm, type FormState } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { listRepresentedOrganisations } from '../organisations/organisations.service.js';
import * as offers from './offers.service.js';
import { ZCreateOfferBody, ZOfferListQuery, ZOfferParams, ZUpdateOfferBody, type TOfferListQuery } from './offers.schemas.js';
import { offerFormToBody, offerToFormValues } from './offers.forms.js';
import { OfferPage, OffersListPage } from './offers.views.js';
import { saveToBoardSection } from '../boards/boards.service.js';
import { SaveToBoard } from '../boards/boards.views.js';
import { OfferFormPage } from './offers.form.views.js';

const ZCreateForm = z.preprocess((body) => offerFormToBody(body, 'create'), ZCreateOfferBody);
const ZEditForm = z.preprocess((body) => offerFormToBody(body, 'edit'), ZUpdateOfferBody);

/** Filters from the address bar; a value that does not parse is dropped rather than refused. */
function readFilters(query: unknown): TOfferListQuery {
  const raw = { ...(query as Record<string, unknown>) };
  const first = ZOfferListQuery.safeParse(raw);
  if (first.success) return first.data;
  for (const issue of first.error.issues) delete raw[String(issue.path[0])];
  return ZOfferListQuery.parse(raw);
}

function nextHref(query: TOfferListQuery, cursor: string | null): string | null {
  if (!cursor) return null;
  const params = new URLSearchParams();
  for (const key of ['q', 'kind', 'territory'] as const) if (query[key]) params.set(key, query[key]);
  params.set('cursor', cursor);
  return `/offres?${params.toString()}`;
}

/** `?fait=…` after a redirect names the notice to show. */
const doneOf = (request: FastifyRequest) => {
  const done = (request.query as Record<string, unknown>).fait;
  return typeof done === 'string' ? done : '';
};
const NOTICES: Record<string, string | undefined> = { publiee: 'offers.notice.created', enregistree: 'offers.notice.saved', supprimee: 'offers.notice.deleted' };
const noticeOf = (request: FastifyRequest) => {
  const key = NOTICES[doneOf(request)];
  return key ? request.ctx.t(key) : undefined;
};

/** Pages of offers: the card grid, publishing, one offer, editing and deleting it. */
export const offersPages: Module = async (app, { deps }) => {
  app.get('/offres', async (request, reply) => {
    const query = readFilters(request.query);
    const { limit: _l, cursor: _c, ...filters } = query;
    const { actor, locale } = request.ctx;
    const list = await offers.listOffers(deps, actor, locale, query).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return offers.listOffers(deps, actor, locale, { ...query, cursor: undefined });
      throw err;
    });
    const [places, mine] = await Promise.all([offers.placeOptions(deps, locale), actor && !query.cursor ? offers.listMyOffers(deps, actor, locale) : []]);
    const data = { offers: list.items, mine, filters, places, nextHref: nextHref(query, list.nextCursor) };
    const notice = noticeOf(request);
    const page = <>{notice ? <Notice kind="success">{notice}</Notice> : null}<OffersListPage ctx={request.ctx} data={data} /></>;
    return sendPage(request, reply, page, { title: request.ctx.t('offers.list.title'), description: request.ctx.t('offers.list.intro'), noindex: query.cursor !== undefined || filters.q !== undefined, nav: 'offers' });
  });

  async function form(request: FastifyRequest, reply: FastifyReply, o: { mode: 'create' | 'edit'; action: string; cancelHref: string; state: FormState<Record<string, unknown>>; status?: number }) {
    const actor = requireActor(request);
    const [places, organisations] = await Promise.all([offers.placeOptions(deps, request.ctx.locale), o.mode === 'create' ? listRepresentedOrganisations(deps, actor.id) : []]);
    const data = { mode: o.mode, action: o.action, cancelHref: o.cancelHref, values: o.state.values, errors: o.state.errors, places, organisations };
    return sendPage(request, reply, <OfferFormPage ctx={request.ctx} data={data} />, { title: request.ctx.t(o.mode === 'create' ? 'offers.form.createTitle' : 'offers.form.editTitle'), status: o.status ?? 200, noindex: true, nav: 'offers' });
  }

  const createForm = (request: FastifyRequest, reply: FastifyReply, state: FormState<Record<string, unknown>>, status?: number) =>
    form(request, reply, { mode: 'create', action: '/offres/nouvelle', cancelHref: '/offres', state, ...(status ? { status } : {}) });

  app.get('/offres/nouvelle', async (request, reply) => {
    const organisation = (request.query as Record<string, unknown>).organisation;
    return createForm(request, reply, { values: { organisation: typeof organisation === 'string' ? organisation : '' } });
  });

  app.post('/offres/nouvelle', async (request, reply) =>
    handleForm(request, reply, ZCreateForm,
      async (input) => reply.redirect(`/offres/${await offers.createOffer(deps, request.ctx.actor, input)}?fait=publiee`, 303),
      (state, status) => createForm(request, reply, state, status),
    ),
  );

  app.get('/offres/:id', async (request, reply) => {
    const { id } = parseInput(ZOfferParams, request.params);
    const detail = await offers.getOffer(deps, request.ctx.actor, id, request.ctx.locale);
    const data = { ...detail, notice: noticeOf(request), csrfToken: request.ctx.csrfToken };
    const save = await saveToBoardSection(deps, request.ctx.actor, 'offer', id, `/offres/${id}`);
    return sendPage(request, reply, <><OfferPage ctx={request.ctx} data={data} />{save ? <SaveToBoard ctx={request.ctx} data={save} /> : null}</>, { title: detail.offer.title, description: detail.offer.description.slice(0, 200) || undefined, nav: 'offers' });
  });

  const editForm = (request: FastifyRequest, reply: FastifyReply, id: string, state: FormState<Record<string, unknown>>, status?: number) =>
    form(request, reply, { mode: 'edit', action: `/offres/${id}/modifier`, cancelHref: `/offres/${id}`, state, ...(status ? { status } : {}) });

  app.get('/offres/:id/modifier', async (request, reply) => {
    requireActor(request);
    const { id } = parseInput(ZOfferParams, request.params);
    const detail = await offers.getOffer(deps, request.ctx.actor, id, request.ctx.locale);
    if (!detail.can.edit) throw new AppError('FORBIDDEN');
    return editForm(request, reply, id, { values: offerToFormValues(detail.offer) });
  });

  app.post('/offres/:id/modifier', async (request, reply) => {
    const { id } = parseInput(ZOfferParams, request.params);
    return handleForm(request, reply, ZEditForm,
      async (input) => {
        await offers.updateOffer(deps, request.ctx.actor, id, input);
        return reply.redirect(`/offres/${id}?fait=enregistree`, 303);
      },
      (state, status) => editForm(request, reply, id, state, status),
    );
  });

  app.post('/offres/:id/supprimer', async (request, reply) => {
    const { id } = parseInput(ZOfferParams, request.params);
    await offers.deleteOffer(deps, request.ctx.actor, id);
    return reply.redirect('/offres?fait=supprimee', 303);
  });
};
