import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { clientMeta, requireActor } from '../../platform/http/guards.js';
import { setSessionCookie } from '../../platform/http/cookies.js';
import { ZChangePasswordBody, ZCreateTokenBody, ZTokenParams } from './me.schemas.js';
import * as me from './me.service.js';
import { SecurityPage, type SecurityState } from './me-security.views.js';

/** /moi/securite and its three forms: change password, create a token, revoke a token. */
export const meSecurityPages: Module = async (app, { deps }) => {
  const render = async (request: FastifyRequest, reply: FastifyReply, state: Omit<SecurityState, 'tokens'>, status = 200) => {
    const tokens = await me.listTokens(deps, requireActor(request));
    return sendPage(request, reply, <SecurityPage ctx={request.ctx} state={{ ...state, tokens }} />, { title: request.ctx.t('me.security.title'), nav: 'me', noindex: true, status });
  };

  app.get('/moi/securite', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    return render(request, reply, { passwordChanged: q.motdepasse === '1', tokenRevoked: q.jeton === 'revoque' });
  });

  app.post('/moi/securite/mot-de-passe', async (request, reply) =>
    handleForm(request, reply, ZChangePasswordBody,
      async (input) => {
        const session = await me.changePassword(deps, requireActor(request), input, clientMeta(request));
        setSessionCookie(reply, deps.config, session.rawId, session.expiresAt);
        return reply.redirect('/moi/securite?motdepasse=1', 303);
      },
      (state, status) => render(request, reply, { passwordErrors: state.errors }, status),
    ),
  );

  // The new token is shown in the response itself (never in a URL), once.
  app.post('/moi/securite/jetons', async (request, reply) =>
    handleForm(request, reply, ZCreateTokenBody,
      async ({ name, expiresInDays }) => {
        const created = await me.createToken(deps, requireActor(request), name, expiresInDays);
        return render(request, reply, { newToken: { name: created.name, token: created.token } });
      },
      (state, status) => render(request, reply, { tokenErrors: state.errors, tokenName: String(state.values.name ?? ''), tokenLifetime: typeof state.values.expiresInDays === 'string' ? state.values.expiresInDays : '90' }, status),
    ),
  );

  app.post('/moi/securite/jetons/:id/revoquer', async (request, reply) => {
    const { id } = ZTokenParams.parse(request.params);
    await me.revokeToken(deps, requireActor(request), id);
    return reply.redirect('/moi/securite?jeton=revoque', 303);
  });
};
