import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { z } from 'zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { clientMeta, safeReturnPath } from '../../platform/http/guards.js';
import { clearSessionCookie, cookieNames, setSessionCookie } from '../../platform/http/cookies.js';
import { isLocale } from '../../platform/i18n/i18n.js';
import * as auth from './auth.service.js';
import { ZLoginBody, ZRegisterBody, ZResetConfirmBody, ZResetRequestBody, ZVerifyEmailBody } from './auth.schemas.js';
import { CheckEmailPage, ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage, VerifyEmailPage } from './auth.views.js';
import { listSignupTerritories } from '../territories/territories.service.js';

const ZTokenQuery = z.object({ token: z.string().max(200).optional() });

export const authPages: Module = async (app, { deps }) => {
  const names = cookieNames(deps.config);

  /** Remembers, in this browser, that the person signed up for an organisation (see /verifier-courriel). */
  const ORG_NEXT = 'ec_signup_org';
  const territoryOptions = (request: FastifyRequest) => listSignupTerritories(deps, request.ctx.locale);

  const signUpForm = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors?: never, status = 200) =>
    sendPage(request, reply, <SignUpPage ctx={request.ctx} values={values} errors={errors} territories={await territoryOptions(request)} />, { title: request.ctx.t('auth.register.title'), status, noindex: true });

  app.get('/inscription', async (request, reply) => {
    if (request.ctx.actor) return reply.redirect('/moi', 303);
    const q = request.query as Record<string, unknown>;
    return signUpForm(request, reply, { territory: typeof q.territoire === 'string' ? q.territoire : '', joiningAs: q.pour === 'organisme' ? 'organisation' : 'self' });
  });

  app.post('/inscription', async (request, reply) =>
    handleForm(request, reply, ZRegisterBody,
      async (input) => {
        await auth.register(deps, input, clientMeta(request));
        const forOrganisation = input.joiningAs === 'organisation';
        if (forOrganisation) reply.setCookie(ORG_NEXT, '1', { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, maxAge: 7 * 86_400 });
        const message = request.ctx.t('auth.register.checkEmail') + (forOrganisation ? ` ${request.ctx.t('partners.signup.nextStep')}` : '');
        return sendPage(request, reply, <CheckEmailPage ctx={request.ctx} message={message} />, { title: request.ctx.t('auth.checkEmail.title'), noindex: true });
      },
      (state, status) => signUpForm(request, reply, state.values, state.errors as never, status),
    ),
  );

  const signInForm = (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors?: never, status = 200, notice?: string) =>
    sendPage(request, reply, <SignInPage ctx={request.ctx} values={values} errors={errors} notice={notice} returnTo={safeReturnPath(values.returnTo, '/moi', deps.config.publicUrl)} />, { title: request.ctx.t('auth.login.title'), status, noindex: true });

  app.get('/connexion', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    if (request.ctx.actor) return reply.redirect(safeReturnPath(q.retour, '/moi', deps.config.publicUrl), 303);
    const notice = q.reinitialise === '1' ? request.ctx.t('auth.reset.done') : undefined;
    return signInForm(request, reply, { returnTo: q.retour }, undefined, 200, notice);
  });

  app.post('/connexion', async (request, reply) =>
    handleForm(request, reply, ZLoginBody,
      async (input) => {
        // A suspended account is told so on the form itself (moderation), not on an error page.
        const login = await auth.login(deps, input, clientMeta(request), request.cookies[names.session]).catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'ACCOUNT_SUSPENDED') return null;
          throw err;
        });
        if (!login) return signInForm(request, reply, { email: input.email, returnTo: (request.body as Record<string, unknown>).returnTo }, { _: { key: 'errors.ACCOUNT_SUSPENDED' } } as never, 403);
        const { session } = login;
        setSessionCookie(reply, deps.config, session.rawId, session.expiresAt);
        return reply.redirect(safeReturnPath((request.body as Record<string, unknown>).returnTo, '/moi', deps.config.publicUrl), 303);
      },
      (state, status) => signInForm(request, reply, state.values, state.errors as never, status),
    ),
  );

  app.post('/deconnexion', async (request, reply) => {
    const raw = request.cookies[names.session];
    if (raw) await auth.logout(deps, raw);
    clearSessionCookie(reply, deps.config);
    return reply.redirect('/', 303);
  });

  app.get('/verifier-courriel', async (request, reply) => {
    const { token = '' } = ZTokenQuery.parse(request.query);
    return sendPage(request, reply, <VerifyEmailPage ctx={request.ctx} token={token} />, { title: request.ctx.t('auth.verify.title'), noindex: true });
  });

  app.post('/verifier-courriel', async (request, reply) =>
    handleForm(request, reply, ZVerifyEmailBody,
      async ({ token }) => {
        const user = await auth.verifyEmail(deps, token);
        const session = await auth.startSession(deps, user.id, clientMeta(request), request.cookies[names.session]);
        setSessionCookie(reply, deps.config, session.rawId, session.expiresAt);
        if (request.cookies[ORG_NEXT]) {
          reply.clearCookie(ORG_NEXT, { path: '/' });
          return reply.redirect('/organisations/nouvelle?bienvenue=1', 303);
        }
        return reply.redirect('/moi?bienvenue=1', 303);
      },
      (state, status) => sendPage(request, reply, <VerifyEmailPage ctx={request.ctx} token={String(state.values.token ?? '')} errors={state.errors} />, { title: request.ctx.t('auth.verify.title'), status, noindex: true }),
    ),
  );

  const forgotForm = (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors?: never, status = 200, sent = false) =>
    sendPage(request, reply, <ForgotPasswordPage ctx={request.ctx} values={values} errors={errors} sent={sent} />, { title: request.ctx.t('auth.forgot.title'), status, noindex: true });

  app.get('/mot-de-passe-oublie', async (request, reply) => forgotForm(request, reply, {}));
  app.post('/mot-de-passe-oublie', async (request, reply) =>
    handleForm(request, reply, ZResetRequestBody,
      async ({ email }) => {
        await auth.requestPasswordReset(deps, email, clientMeta(request));
        return forgotForm(request, reply, {}, undefined, 200, true);
      },
      (state, status) => forgotForm(request, reply, state.values, state.errors as never, status),
    ),
  );

  app.get('/reinitialiser-mot-de-passe', async (request, reply) => {
    const { token = '' } = ZTokenQuery.parse(request.query);
    const usable = token.length >= 10 && (await auth.isResetTokenUsable(deps, token));
    return sendPage(request, reply, <ResetPasswordPage ctx={request.ctx} token={token} usable={usable} />, { title: request.ctx.t('auth.reset.title'), noindex: true });
  });
  app.post('/reinitialiser-mot-de-passe', async (request, reply) =>
    handleForm(request, reply, ZResetConfirmBody,
      async ({ token, password }) => {
        await auth.confirmPasswordReset(deps, token, password);
        clearSessionCookie(reply, deps.config);
        return reply.redirect('/connexion?reinitialise=1', 303);
      },
      (state, status) => sendPage(request, reply, <ResetPasswordPage ctx={request.ctx} token={String(state.values.token ?? '')} errors={state.errors} usable />, { title: request.ctx.t('auth.reset.title'), status, noindex: true }),
    ),
  );

  /** The language switch: a POST (no state change on GET), remembered in a cookie and on the account. */
  app.post('/langue', async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const lang = isLocale(body.lang) ? body.lang : 'fr';
    reply.setCookie(names.lang, lang, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, maxAge: 31_536_000 });
    if (request.ctx.actor) await auth.setLocale(deps, request.ctx.actor.id, lang);
    return reply.redirect(safeReturnPath(body.returnTo, '/', deps.config.publicUrl), 303);
  });
};
