import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import type { FormErrors } from '../../platform/views/forms.js';
import { parseFormQuantity } from '../pledges/pledges.quantity.js';
import { ZOrganisationParams } from './organisations.schemas.js';
import { findOrganisation, roleIn } from './organisations.service.js';
import { canDeclareCapacity, speaksFor } from './organisations.policy.js';
import * as partners from './partners.service.js';
import * as capacities from './capacities.service.js';
import * as members from './members.service.js';
import { partnerDashboard } from './dashboard.service.js';
import { setOrganisationLogo } from './logo.service.js';
import { csrfFromQuery, readPhotoUpload } from '../media/media.upload.js';
import { ZAcceptInvitationBody, ZCapacityBody, ZCapacityParams, ZInvitationBody, ZPartnershipParams, ZPartnershipStatusBody, ZSignCharterBody, ZTransferBody } from './partners.schemas.js';
import { CharterChoicesPage } from './partners.views.js';
import { CapacitiesPage } from './capacities.views.js';
import { DashboardPage } from './dashboard.views.js';
import { InvitationPage, InviteForm, TransferPage } from './members.views.js';

const slugOf = (request: FastifyRequest) => parseInput(ZOrganisationParams, request.params).slug;
const query = (request: FastifyRequest, name: string) => {
  const v = (request.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
};

/** HTML pages of the honour charters, partnerships, capacities, invitations, ownership and the dashboard. */
export const partnersPages: Module = async (app, { deps }) => {
  async function charterPage(request: FastifyRequest, reply: FastifyReply, selected: string | null, errors?: FormErrors, status = 200) {
    const choices = await partners.charterChoices(deps, request.ctx.actor, slugOf(request), request.ctx.locale);
    const notice = query(request, 'fait') === 'signee' ? request.ctx.t('partners.charter.signedNotice') : undefined;
    const data = { organisation: choices.organisation, charters: choices.charters, speaks: speaksFor(choices.role), selected, errors, notice };
    return sendPage(request, reply, <CharterChoicesPage ctx={request.ctx} data={data} />, { title: request.ctx.t('partners.charter.title'), status });
  }

  app.get('/organisations/:slug/charte', async (request, reply) => charterPage(request, reply, null));

  app.post('/organisations/:slug/charte', async (request, reply) => {
    const slug = slugOf(request);
    const raw = (request.body as Record<string, unknown> | undefined)?.caisse;
    const caisse = typeof raw === 'string' ? raw : null;
    return handleForm(request, reply, ZSignCharterBody,
      async (input) => {
        await partners.signCharter(deps, request.ctx.actor, slug, input);
        return reply.redirect(`/organisations/${slug}/charte?fait=signee#charte-${input.caisse}`, 303);
      },
      (state, status) => charterPage(request, reply, caisse, state.errors, status),
    );
  });

  app.post('/organisations/:slug/partenariats/:caisse', async (request, reply) => {
    const { slug, caisse } = parseInput(ZPartnershipParams, request.params);
    const body = { ...(request.body as Record<string, unknown>) };
    delete body._csrf;
    const input = parseInput(ZPartnershipStatusBody, body);
    await partners.setPartnershipStatus(deps, request.ctx.actor, slug, caisse, input);
    return reply.redirect(`/organisations/${slug}?fait=${input.status === 'suspended' ? 'suspendu' : 'retabli'}#org-partnerships`, 303);
  });

  async function capacitiesPage(request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors, status = 200) {
    const slug = slugOf(request);
    const org = await findOrganisation(deps, slug);
    const [items, role] = await Promise.all([capacities.listCapacities(deps, slug, request.ctx.locale), roleIn(deps, org.id, request.ctx.actor)]);
    const done = query(request, 'fait');
    const notice = done === 'declaree' ? request.ctx.t('partners.capacities.declaredNotice') : done === 'retiree' ? request.ctx.t('partners.capacities.archivedNotice') : undefined;
    const data = { organisation: { slug: org.slug, name: org.name, partner: org.charterSignedAt !== null }, items, canDeclare: canDeclareCapacity(request.ctx.actor, role), values, errors, notice };
    return sendPage(request, reply, <CapacitiesPage ctx={request.ctx} data={data} />, { title: request.ctx.t('partners.capacities.title'), status });
  }

  app.get('/organisations/:slug/capacites', async (request, reply) => capacitiesPage(request, reply, {}));

  app.post('/organisations/:slug/capacites', async (request, reply) => {
    const slug = slugOf(request);
    const raw = { ...(request.body as Record<string, unknown>) };
    // Money is typed in dollars on the form; the API counts cents.
    if (raw.kind === 'money' && typeof raw.amount === 'string') request.body = { ...raw, amount: String(parseFormQuantity(raw.amount, 'cents', request.ctx.locale) ?? raw.amount) };
    return handleForm(request, reply, ZCapacityBody,
      async (input) => {
        await capacities.declareCapacity(deps, request.ctx.actor, slug, input, request.ctx.locale);
        return reply.redirect(`/organisations/${slug}/capacites?fait=declaree`, 303);
      },
      (state, status) => capacitiesPage(request, reply, { ...state.values, amount: raw.amount }, state.errors, status),
    );
  });

  app.post('/organisations/:slug/capacites/:id/retirer', async (request, reply) => {
    const { slug, id } = parseInput(ZCapacityParams, request.params);
    await capacities.archiveCapacity(deps, request.ctx.actor, slug, id);
    return reply.redirect(`/organisations/${slug}/capacites?fait=retiree`, 303);
  });

  async function invitePage(request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors, status = 200) {
    requireActor(request);
    const org = await findOrganisation(deps, slugOf(request));
    const page = (
      <section class="narrow stack">
        <p><a href={`/organisations/${org.slug}`}>← {org.name}</a></p>
        <h1>{request.ctx.t('partners.profile.invite')}</h1>
        <InviteForm ctx={request.ctx} slug={org.slug} form={{ values, errors }} />
      </section>
    );
    return sendPage(request, reply, page, { title: request.ctx.t('partners.profile.invite'), status, noindex: true });
  }

  app.get('/organisations/:slug/invitations', async (request, reply) => invitePage(request, reply, {}));

  app.post('/organisations/:slug/invitations', async (request, reply) => {
    const slug = slugOf(request);
    return handleForm(request, reply, ZInvitationBody,
      async (input) => {
        await members.inviteMember(deps, request.ctx.actor, slug, input);
        return reply.redirect(`/organisations/${slug}?fait=invitation#org-members`, 303);
      },
      (state, status) => invitePage(request, reply, state.values, state.errors, status),
    );
  });

  app.get('/organisations/invitation', async (request, reply) => {
    const token = query(request, 'token');
    const found = await members.describeInvitation(deps, token);
    const data = { token, organisation: found.organisation, role: found.role, expiresAt: found.expiresAt, signedIn: request.ctx.actor !== null };
    return sendPage(request, reply, <InvitationPage ctx={request.ctx} data={data} />, { title: request.ctx.t('partners.invitation.title', { organisation: found.organisation.name }), noindex: true });
  });

  app.post('/organisations/invitation', async (request, reply) => {
    const body = { ...(request.body as Record<string, unknown>) };
    delete body._csrf;
    const { token } = parseInput(ZAcceptInvitationBody, body);
    const slug = await members.acceptInvitation(deps, request.ctx.actor, token);
    return reply.redirect(`/organisations/${slug}?fait=bienvenue`, 303);
  });

  app.post('/organisations/:slug/quitter', async (request, reply) => {
    const slug = slugOf(request);
    await members.leaveOrganisation(deps, request.ctx.actor, slug);
    return reply.redirect(`/organisations/${slug}?fait=quitte`, 303);
  });

  async function transferPage(request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors, status = 200) {
    requireActor(request);
    const org = await findOrganisation(deps, slugOf(request));
    return sendPage(request, reply, <TransferPage ctx={request.ctx} organisation={org} values={values} errors={errors} />, { title: request.ctx.t('partners.members.transfer'), status, noindex: true });
  }

  app.get('/organisations/:slug/transfert', async (request, reply) => transferPage(request, reply, {}));

  app.post('/organisations/:slug/transfert', async (request, reply) => {
    const slug = slugOf(request);
    return handleForm(request, reply, ZTransferBody,
      async (input) => {
        await members.transferOwnership(deps, request.ctx.actor, slug, input);
        return reply.redirect(`/organisations/${slug}?fait=transfert#org-members`, 303);
      },
      (state, status) => transferPage(request, reply, state.values, state.errors, status),
    );
  });

  app.post('/organisations/:slug/logo', { onRequest: csrfFromQuery }, async (request, reply) => {
    const slug = slugOf(request);
    await setOrganisationLogo(deps, request.ctx.actor, slug, await readPhotoUpload(request));
    return reply.redirect(`/organisations/${slug}?fait=enregistree`, 303);
  });

  app.get('/organisations/:slug/tableau-de-bord', async (request, reply) => {
    const data = await partnerDashboard(deps, request.ctx.actor, slugOf(request), request.ctx.locale);
    return sendPage(request, reply, <DashboardPage ctx={request.ctx} data={data} />, { title: request.ctx.t('partners.dashboard.title', { organisation: data.organisation.name }), noindex: true });
  });
};
