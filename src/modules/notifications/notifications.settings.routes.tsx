import { SECURITY } from '../../platform/http/openapi.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { ZNotificationSettings, ZNotificationSettingsForm, ZNotificationSettingsPatch, ZUnsubscribeQuery } from './notifications.settings.schemas.js';
import * as settings from './notifications.settings.service.js';
import { previewUnsubscribe, unsubscribe } from './notifications.mail.service.js';
import { NotificationSettingsPage, UnsubscribePage, type SettingsPageState } from './notifications.settings.views.js';

const tags = ['notifications'];

/** E-mail settings (API + /moi/notifications) and signed one-click unsubscribe (/desabonnement). */
export const notificationSettingsRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/me/notification-settings', { schema: { tags, security: SECURITY.signedIn, description: 'The caller’s e-mail settings: digest frequency (default weekly), immediate e-mail for what needs action, per-kind opt-outs.', response: { 200: ZNotificationSettings } } }, async (request) =>
    settings.getSettings(deps, requireActor(request)),
  );

  r.patch('/api/v1/me/notification-settings', { schema: { tags, description: 'Changes any subset of the settings; `emailOptOuts` replaces the whole list (kinds from `availableOptOuts`).', body: ZNotificationSettingsPatch, response: { 200: ZNotificationSettings } } }, async (request) =>
    settings.updateSettings(deps, requireActor(request), request.body),
  );

  const render = (request: FastifyRequest, reply: FastifyReply, state: SettingsPageState, status = 200) =>
    sendPage(request, reply, <NotificationSettingsPage ctx={request.ctx} state={state} />, { title: request.ctx.t('notificationMail.settings.title'), nav: 'me', noindex: true, status });

  app.get('/moi/notifications', async (request, reply) => {
    const s = await settings.getSettings(deps, requireActor(request));
    return render(request, reply, { values: s, saved: (request.query as Record<string, unknown>).enregistre === '1' });
  });

  app.post('/moi/notifications', async (request, reply) => {
    const actor = requireActor(request);
    return handleForm(request, reply, ZNotificationSettingsForm,
      async (input) => {
        await settings.updateSettings(deps, actor, input);
        return reply.redirect('/moi/notifications?enregistre=1', 303);
      },
      (state, status) => {
        const v = state.values as Record<string, unknown>;
        const str = (x: unknown) => (typeof x === 'string' ? x : '');
        const list = Array.isArray(v.emailOptOuts) ? v.emailOptOuts.map(str) : [str(v.emailOptOuts)];
        return render(request, reply, { values: { digest: str(v.digest), immediate: str(v.immediate), emailOptOuts: list }, errors: state.errors }, status);
      },
    );
  });

  // ——— unsubscribe: GET confirms, POST performs. A signed token is the proof of intent, so the
  // one-click POST of RFC 8058 (a mail provider, without our cookies) is accepted for this route.
  const pageOf = (request: FastifyRequest, reply: FastifyReply, token: string, view: Awaited<ReturnType<typeof previewUnsubscribe>>) =>
    sendPage(request, reply, <UnsubscribePage ctx={request.ctx} state={{ token, what: view.scope.what, email: view.email, done: view.done }} />, { title: request.ctx.t('notificationMail.unsubscribe.title'), noindex: true });

  app.get('/desabonnement', async (request, reply) => {
    const { token } = parseInput(ZUnsubscribeQuery, request.query);
    return pageOf(request, reply, token ?? '', await previewUnsubscribe(deps, token));
  });

  // The signed token (checked by `unsubscribe`) is the proof of intent: no CSRF token is expected.
  app.post('/desabonnement', { config: { csrf: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const token = typeof body.token === 'string' ? body.token : (request.query as Record<string, unknown>).token;
    if (typeof token !== 'string') throw new AppError('UNSUBSCRIBE_LINK_INVALID');
    const view = await unsubscribe(deps, token);
    if (body['List-Unsubscribe'] === 'One-Click') return reply.status(200).type('text/plain; charset=utf-8').send('OK');
    return pageOf(request, reply, token, view);
  });
};
