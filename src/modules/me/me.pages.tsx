import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { FormErrors } from '../../platform/views/forms.js';
import { listNeighbourhoodOptions } from '../territories/territories.service.js';
import { getPerson } from '../people/people.service.js';
import { ZProfileForm } from './me.schemas.js';
import * as me from './me.service.js';
import { MePage } from './me.views.js';
import { needsMatchingPerson } from '../matching/matching.service.js';
import { NeedsNearYou } from '../matching/matching.views.js';
import { ProfileFormPage, profileFormValues } from './me-profile.views.js';
import { meSecurityPages } from './me-security.pages.js';
import { listFollowing } from '../social/follows.service.js';
import { FollowingSection } from '../social/follows.views.js';
import { listMyApplications } from '../calls/calls.applications.service.js';
import { MyApplicationsSection } from './me.applications.views.js';

/** My applications shown per page, on /moi and /moi/candidatures. */
const APPLICATIONS_PAGE = 20;
const applicationsHref = (cursor: string) => `/moi/candidatures?cursor=${encodeURIComponent(cursor)}`;

/** The signed-in person's own pages: /moi, /moi/profil, /moi/candidatures, and (registered here) /moi/securite. */
export const mePages: Module = async (app, opts) => {
  const { deps } = opts;
  app.addHook('onRequest', async (request) => {
    requireActor(request);
  });

  app.get('/moi', async (request, reply) => {
    const actor = requireActor(request);
    const q = request.query as Record<string, unknown>;
    const [view, page, near, following, applications] = await Promise.all([
      me.getMe(deps, actor.id), getPerson(deps, actor, actor.handle, request.ctx.locale), needsMatchingPerson(deps, actor.id), listFollowing(deps, actor, request.ctx.locale, 10),
      listMyApplications(deps, actor, { limit: APPLICATIONS_PAGE }),
    ]);
    const notices = { welcome: q.bienvenue === '1', saved: q.enregistre === '1', verificationSent: q.courriel === 'envoye' };
    const body = (
      <MePage ctx={request.ctx} me={view} page={page} notices={notices}>
        {near.length ? <NeedsNearYou ctx={request.ctx} needs={near} /> : null}
        <MyApplicationsSection ctx={request.ctx} items={applications.items} moreHref={applications.nextCursor ? applicationsHref(applications.nextCursor) : null} />
        <FollowingSection ctx={request.ctx} items={following.items} moreHref={following.nextCursor ? '/moi/abonnements' : null} />
      </MePage>
    );
    return sendPage(request, reply, body, { title: request.ctx.t('me.page.title'), nav: 'me', noindex: true });
  });

  // Every page of "my applications" (the first one is also on /moi); a broken cursor starts over.
  app.get('/moi/candidatures', async (request, reply) => {
    const actor = requireActor(request);
    const raw = (request.query as Record<string, unknown>).cursor;
    const cursor = typeof raw === 'string' && raw.length <= 200 ? raw : undefined;
    const list = await listMyApplications(deps, actor, { limit: APPLICATIONS_PAGE, cursor }).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED') return listMyApplications(deps, actor, { limit: APPLICATIONS_PAGE });
      throw err;
    });
    const body = <MyApplicationsSection ctx={request.ctx} items={list.items} moreHref={list.nextCursor ? applicationsHref(list.nextCursor) : null} page />;
    return sendPage(request, reply, body, { title: request.ctx.t('me.applications.title'), nav: 'me', noindex: true });
  });

  app.post('/moi/courriel/renvoyer', async (request, reply) => {
    await me.resendVerification(deps, requireActor(request));
    return reply.redirect('/moi?courriel=envoye', 303);
  });

  async function territoryOptions(request: FastifyRequest) {
    return listNeighbourhoodOptions(deps, request.ctx.locale);
  }

  const profileForm = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors, status = 200) =>
    sendPage(request, reply, <ProfileFormPage ctx={request.ctx} values={values} errors={errors} territories={await territoryOptions(request)} />, {
      title: request.ctx.t('me.profile.title'), nav: 'me', noindex: true, status,
    });

  app.get('/moi/profil', async (request, reply) => profileForm(request, reply, profileFormValues(await me.getMe(deps, requireActor(request).id))));

  app.post('/moi/profil', async (request, reply) =>
    handleForm(request, reply, ZProfileForm,
      async (input) => {
        try {
          await me.updateMe(deps, requireActor(request), input);
        } catch (err) {
          // In the form, a taken handle is an error on that field like any other.
          if (err instanceof AppError && err.code === 'HANDLE_TAKEN') throw validationError({ handle: { key: 'errors.HANDLE_TAKEN' } });
          throw err;
        }
        return reply.redirect('/moi?enregistre=1', 303);
      },
      (state, status) => profileForm(request, reply, state.values, state.errors, status),
    ),
  );

  await app.register(meSecurityPages, opts);
};
