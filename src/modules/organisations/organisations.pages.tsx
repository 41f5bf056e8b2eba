import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm, type FormState } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import { AppError } from '../../platform/errors.js';
import type { FormErrors } from '../../platform/views/forms.js';
import { listOrganisationOffers } from '../offers/offers.service.js';
import * as organisations from './organisations.service.js';
import { ZAddMemberBody, ZCreateOrganisationBody, ZOrganisationListQuery, ZOrganisationParams, ZUpdateOrganisationBody, type TOrganisationListQuery } from './organisations.schemas.js';
import { OrganisationProfilePage, OrganisationsListPage, type MemberFormState } from './organisations.views.js';
import { OrganisationFormPage } from './organisations.form.views.js';
import { profileExtras } from './profile.service.js';

function readFilters(query: unknown): TOrganisationListQuery {
  const raw = { ...(query as Record<string, unknown>) };
  const first = ZOrganisationListQuery.safeParse(raw);
  if (first.success) return first.data;
  for (const issue of first.error.issues) delete raw[String(issue.path[0])];
  return ZOrganisationListQuery.parse(raw);
}

function nextHref(query: TOrganisationListQuery, cursor: string | null): string | null {
  if (!cursor) return null;
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.partner !== undefined) params.set('partner', String(query.partner));
  if (query.territory) params.set('territory', query.territory);
  params.set('cursor', cursor);
  return `/organisations?${params.toString()}`;
}

/** `?fait=…` after a redirect names the notice to show. */
const doneOf = (request: FastifyRequest) => {
  const done = (request.query as Record<string, unknown>).fait;
  return typeof done === 'string' ? done : '';
};
const NOTICES: Record<string, string | undefined> = {
  creee: 'organisations.notice.created', enregistree: 'organisations.notice.saved', membre: 'organisations.notice.memberAdded', charte: 'organisations.notice.charterSigned',
  invitation: 'partners.members.invitedNotice', quitte: 'partners.members.leftNotice', transfert: 'partners.members.transferredNotice', bienvenue: 'partners.invitation.joinedNotice',
  suspendu: 'partners.partnership.suspendedNotice', retabli: 'partners.partnership.reinstatedNotice',
};
const slugOf = (request: FastifyRequest) => parseInput(ZOrganisationParams, request.params).slug;

/** Pages of organisations: the directory, creating one, its profile, editing, members and the charter. */
export const organisationsPages: Module = async (app, { deps }) => {
  app.get('/organisations', async (request, reply) => {
    const query = readFilters(request.query);
    const [list, places] = await Promise.all([
      organisations.listOrganisations(deps, request.ctx.locale, query).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return organisations.listOrganisations(deps, request.ctx.locale, { ...query, cursor: undefined });
        throw err;
      }),
      organisations.placeOptions(deps, request.ctx.locale),
    ]);
    const data = { items: list.items, filters: { q: query.q, partner: query.partner, territory: query.territory }, places, nextHref: nextHref(query, list.nextCursor) };
    return sendPage(request, reply, <OrganisationsListPage ctx={request.ctx} data={data} />, { title: request.ctx.t('organisations.list.title'), description: request.ctx.t('organisations.list.intro'), noindex: query.cursor !== undefined });
  });

  const createForm = async (request: FastifyRequest, reply: FastifyReply, state: FormState<Record<string, unknown>>, status = 200) => {
    requireActor(request);
    const places = await organisations.placeOptions(deps, request.ctx.locale);
    const welcome = (request.query as Record<string, unknown>).bienvenue === '1' ? request.ctx.t('partners.signup.welcome') : undefined;
    const page = <OrganisationFormPage ctx={request.ctx} notice={welcome} mode="create" action="/organisations/nouvelle" cancelHref="/organisations" values={state.values} errors={state.errors} places={places} />;
    return sendPage(request, reply, page, { title: request.ctx.t('organisations.form.createTitle'), status, noindex: true });
  };

  app.get('/organisations/nouvelle', async (request, reply) => createForm(request, reply, { values: {} }));

  app.post('/organisations/nouvelle', async (request, reply) =>
    handleForm(request, reply, ZCreateOrganisationBody,
      async (input) => reply.redirect(`/organisations/${await organisations.createOrganisation(deps, request.ctx.actor, input)}?fait=creee`, 303),
      (state, status) => createForm(request, reply, state, status),
    ),
  );

  async function profile(request: FastifyRequest, reply: FastifyReply, memberForm: MemberFormState, status = 200) {
    const slug = slugOf(request);
    const [page, offers] = await Promise.all([organisations.getOrganisationPage(deps, request.ctx.actor, slug, request.ctx.locale), listOrganisationOffers(deps, request.ctx.actor, request.ctx.locale, slug)]);
    const extras = await profileExtras(deps, request.ctx.actor, page.id, slug, request.ctx.locale);
    const key = NOTICES[doneOf(request)];
    const data = { page, offers: offers.items, notice: key ? request.ctx.t(key) : undefined, memberForm, extras };
    return sendPage(request, reply, <OrganisationProfilePage ctx={request.ctx} data={data} />, { title: page.organisation.name, description: page.organisation.description.slice(0, 200) || undefined, status });
  }

  app.get('/organisations/:slug', async (request, reply) => profile(request, reply, { values: {} }));

  app.post('/organisations/:slug/membres', async (request, reply) => {
    const slug = slugOf(request);
    return handleForm(request, reply, ZAddMemberBody,
      async (input) => {
        await organisations.addMember(deps, request.ctx.actor, slug, input);
        return reply.redirect(`/organisations/${slug}?fait=membre#org-members`, 303);
      },
      (state, status) => profile(request, reply, state, status),
    );
  });

  async function editForm(request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown> | null, errors?: FormErrors, status = 200) {
    const slug = slugOf(request);
    const [current, places] = await Promise.all([organisations.organisationFormValues(deps, request.ctx.actor, slug, request.ctx.locale), organisations.placeOptions(deps, request.ctx.locale)]);
    const page = <OrganisationFormPage ctx={request.ctx} logoAction={`/organisations/${slug}/logo?_csrf=${encodeURIComponent(request.ctx.csrfToken)}`} mode="edit" action={`/organisations/${slug}/modifier`} cancelHref={`/organisations/${slug}`} values={values ?? current.values} errors={errors} places={places} />;
    return sendPage(request, reply, page, { title: request.ctx.t('organisations.form.editTitle'), status, noindex: true });
  }

  app.get('/organisations/:slug/modifier', async (request, reply) => {
    requireActor(request);
    return editForm(request, reply, null);
  });

  app.post('/organisations/:slug/modifier', async (request, reply) => {
    const slug = slugOf(request);
    return handleForm(request, reply, ZUpdateOrganisationBody,
      async (input) => {
        await organisations.updateOrganisation(deps, request.ctx.actor, slug, input);
        return reply.redirect(`/organisations/${slug}?fait=enregistree`, 303);
      },
      (state, status) => editForm(request, reply, state.values, state.errors, status),
    );
  });
};
