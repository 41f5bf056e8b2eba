import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm, type FormState } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import * as contests from './contests.service.js';
import * as draws from './contests.draw.service.js';
import { canCreateContests } from './contests.policy.js';
import { ZClaimBody, ZContestForm, ZContestListQuery, ZContestSlugParams } from './contests.schemas.js';
import { ContestListPage, ContestPageView } from './contests.views.js';
import { ContestFormPage } from './contests.form.views.js';
import { ClaimPageView, DrawPageView } from './contests.draw.views.js';
import { montrealDate } from './contests.dates.js';

const NOTICES: Record<string, string | undefined> = { cree: 'contests.notice.created', modifie: 'contests.notice.updated', publie: 'contests.notice.published', tire: 'contests.notice.drawn' };
const noticeOf = (request: FastifyRequest) => {
  const done = (request.query as Record<string, unknown>).fait;
  const key = typeof done === 'string' ? NOTICES[done] : undefined;
  return key ? request.ctx.t(key) : undefined;
};
const slugOf = (request: FastifyRequest) => parseInput(ZContestSlugParams, request.params).slug;
const DAY_MS = 86_400_000;

/** Pages of contests: list, contest with its rules and my entries, staff form, draw page, claim page. */
export const contestsPages: Module = async (app, { deps }) => {
  app.get('/concours', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const query = parseInput(ZContestListQuery, { when: q.quand, cursor: q.apres, limit: 12 });
    const result = await contests.listContests(deps, request.ctx.actor, query, request.ctx.locale);
    const page = <ContestListPage ctx={request.ctx} when={query.when ?? 'current'} items={result.items} nextCursor={result.nextCursor} canCreate={canCreateContests(request.ctx.actor)} />;
    return sendPage(request, reply, page, { title: request.ctx.t('contests.title'), nav: 'contests' });
  });

  async function contestForm(request: FastifyRequest, reply: FastifyReply, state: FormState<Record<string, unknown>>, o: { action: string; editing: boolean }, status = 200) {
    const caisses = await contests.organisableCaisses(deps, request.ctx.actor);
    const title = request.ctx.t(o.editing ? 'contests.form.editTitle' : 'contests.form.newTitle');
    return sendPage(request, reply, <ContestFormPage ctx={request.ctx} caisses={caisses} values={state.values} errors={state.errors} action={o.action} editing={o.editing} />, { title, status, noindex: true, nav: 'contests' });
  }

  app.get('/concours/nouveau', async (request, reply) => {
    requireActor(request);
    const caisses = await contests.organisableCaisses(deps, request.ctx.actor);
    const wanted = (request.query as Record<string, unknown>).caisse;
    const caisse = caisses.find((c) => c.slug === wanted) ?? caisses[0];
    const day = (n: number) => montrealDate(new Date(Date.now() + n * DAY_MS));
    const values = {
      caisse: caisse?.slug ?? '', startsOn: day(0), endsOn: day(30), drawDate: day(33), drawTime: '14:00', minAge: '18', membersOnly: 'on',
      'entryRules.pledge_fulfilled': '1', 'entryRules.project_update_published': '0', 'entryRules.profile_completed': '0', capPerPerson: '10', claimDays: '30',
      territories: caisse?.territories.map((t) => t.slug) ?? [],
    };
    return contestForm(request, reply, { values }, { action: '/concours/nouveau', editing: false });
  });

  app.post('/concours/nouveau', async (request, reply) =>
    handleForm(request, reply, ZContestForm,
      async (input) => {
        const created = await contests.createContest(deps, request.ctx.actor, input, request.ctx.locale);
        return reply.redirect(`/concours/${created.slug}?fait=cree`, 303);
      },
      (state, status) => contestForm(request, reply, state, { action: '/concours/nouveau', editing: false }, status),
    ),
  );

  app.get('/concours/:slug', async (request, reply) => {
    const { actor, locale } = request.ctx;
    const c = await contests.getContest(deps, actor, slugOf(request), locale);
    const mine = actor ? await contests.myEntries(deps, actor, c.id, locale) : null;
    return sendPage(request, reply, <ContestPageView ctx={request.ctx} c={c} mine={mine} notice={noticeOf(request)} />, { title: c.title, description: c.description.slice(0, 160), nav: 'contests' });
  });

  app.get('/concours/:slug/modifier', async (request, reply) => {
    requireActor(request);
    const slug = slugOf(request);
    const { values } = await contests.draftFormValues(deps, request.ctx.actor, slug);
    return contestForm(request, reply, { values }, { action: `/concours/${slug}/modifier`, editing: true });
  });

  app.post('/concours/:slug/modifier', async (request, reply) => {
    const slug = slugOf(request);
    return handleForm(request, reply, ZContestForm,
      async (input) => {
        const updated = await contests.updateContest(deps, request.ctx.actor, slug, input, request.ctx.locale);
        return reply.redirect(`/concours/${updated.slug}?fait=modifie`, 303);
      },
      (state, status) => contestForm(request, reply, state, { action: `/concours/${slug}/modifier`, editing: true }, status),
    );
  });

  app.post('/concours/:slug/publier', async (request, reply) => {
    const c = await contests.publishContest(deps, request.ctx.actor, slugOf(request), request.ctx.locale);
    return reply.redirect(`/concours/${c.slug}?fait=publie`, 303);
  });

  async function drawPage(request: FastifyRequest, reply: FastifyReply) {
    const { actor, locale, t } = request.ctx;
    const c = await contests.getContest(deps, actor, slugOf(request), locale);
    if (c.status !== 'published') throw new AppError('CONTEST_NOT_FOUND');
    const draw = await draws.publicDraw(deps, actor, c.id, locale);
    return sendPage(request, reply, <DrawPageView ctx={request.ctx} c={c} draw={draw} notice={noticeOf(request)} publicUrl={deps.config.publicUrl} />, { title: t('contests.drawPage.title', { contest: c.title }), nav: 'contests' });
  }

  app.get('/concours/:slug/tirage', drawPage);

  app.post('/concours/:slug/tirage', async (request, reply) => {
    const slug = slugOf(request);
    await draws.drawContest(deps, request.ctx.actor, slug);
    return reply.redirect(`/concours/${slug}/tirage?fait=tire`, 303);
  });

  app.get('/concours/:slug/tirage.json', async (request, reply) => {
    const slug = slugOf(request);
    const draw = await draws.publicDraw(deps, request.ctx.actor, slug, request.ctx.locale);
    return reply.type('application/json; charset=utf-8').header('Content-Disposition', `attachment; filename="${draw.contest}-tirage.json"`).send(JSON.stringify(draw, null, 2));
  });

  async function claimPage(request: FastifyRequest, reply: FastifyReply, state: FormState<Record<string, unknown>> = { values: {} }, status = 200) {
    requireActor(request);
    const { actor, locale, t } = request.ctx;
    const c = await contests.getContest(deps, actor, slugOf(request), locale);
    const mine = await contests.myEntries(deps, actor, c.id, locale);
    return sendPage(request, reply, <ClaimPageView ctx={request.ctx} c={c} mine={mine} values={state.values} errors={state.errors} notice={noticeOf(request)} />, { title: t('contests.claim.title', { contest: c.title }), status, noindex: true, nav: 'contests' });
  }

  app.get('/concours/:slug/reclamer', async (request, reply) => claimPage(request, reply));

  app.post('/concours/:slug/reclamer', async (request, reply) => {
    const slug = slugOf(request);
    return handleForm(request, reply, ZClaimBody,
      async (input) => {
        try {
          await draws.claimPrize(deps, request.ctx.actor, slug, input, request.ctx.locale);
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'CONTEST_WRONG_ANSWER') throw err;
          const left = Number(err.details.attemptsLeft ?? 0);
          const body = request.body as Record<string, unknown>;
          return claimPage(request, reply, { values: { attest: body.attest }, errors: { answer: { key: 'contests.claim.wrong', params: { count: left } } } }, 422);
        }
        return reply.redirect(`/concours/${slug}/reclamer`, 303);
      },
      (state, status) => claimPage(request, reply, state, status),
    );
  });
};
