import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { AppError, type FieldIssue } from '../../platform/errors.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm, type FormState } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import * as jury from './call-reviews.service.js';
import * as votes from './call-reviews.votes.service.js';
import * as results from './call-reviews.results.service.js';
import { ZAddJurorBody, ZApplicationIdParams, ZCallSlugParams } from './call-reviews.schemas.js';
import { reviewFromForm, conflictsFromForm, amountFromForm } from './call-reviews.forms.js';
import { ConflictsPage, JuryPage, type PageMessages } from './call-reviews.views.js';
import { EvaluationPage } from './call-reviews.evaluation.views.js';
import { RankingPage, ResultsPage, VotePage } from './call-reviews.results.views.js';

type Values = Record<string, unknown>;
const NOTICES: Record<string, string> = {
  ajoute: 'callReviews.notice.added', retire: 'callReviews.notice.removed', conflits: 'callReviews.notice.conflicts', enregistree: 'callReviews.notice.saved',
  vote: 'callReviews.notice.voted', retrait: 'callReviews.notice.withdrawn', laureat: 'callReviews.notice.awarded', publie: 'callReviews.notice.published',
};
const slugOf = (request: FastifyRequest) => parseInput(ZCallSlugParams, { slug: (request.params as Values).slug }).slug;
const bodyOf = (request: FastifyRequest): Values => {
  const body = { ...((request.body as Values | undefined) ?? {}) };
  delete body._csrf;
  return body;
};
function messagesOf(request: FastifyRequest, problem?: AppError): PageMessages {
  const done = (request.query as Values).fait;
  const key = typeof done === 'string' ? NOTICES[done] : undefined;
  return { notice: key ? request.ctx.t(key) : undefined, problem: problem ? request.ctx.t(`errors.${problem.code}`, problem.details.messageParams as Record<string, string> | undefined) : undefined };
}
/** A refusal a person can act on (a phase, a cap, the envelope) re-renders the page with the reason; anything else is an error page. */
const actionable = (error: unknown): error is AppError => error instanceof AppError && error.status >= 404 && error.status < 500 && error.code !== 'VALIDATION_FAILED' && error.code !== 'CALL_NOT_FOUND';

/** Pages of a call's jury, reviews, public vote and results (their API twins are in call-reviews.routes.ts). */
export const callReviewsPages: Module = async (app, { deps }) => {
  async function juryPage(request: FastifyRequest, reply: FastifyReply, state: FormState<Values> = { values: {} }, status = 200, problem?: AppError) {
    requireActor(request);
    const { actor, t } = request.ctx;
    const slug = slugOf(request);
    const data = await jury.jury(deps, actor, { slug });
    const queue = await jury.reviewQueue(deps, actor, { slug }).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'REVIEW_NOT_JUROR') return null;
      throw e;
    });
    const page = <JuryPage ctx={request.ctx} jury={data} queue={queue} messages={messagesOf(request, problem)} values={state.values} errors={state.errors} />;
    return sendPage(request, reply, page, { title: `${t('callReviews.jury.title')} — ${data.call.title}`, status, noindex: true, nav: 'calls' });
  }

  app.get('/appels/:slug/jury', async (request, reply) => juryPage(request, reply));
  app.post('/appels/:slug/jury', async (request, reply) => {
    const slug = slugOf(request);
    return handleForm(request, reply, ZAddJurorBody, async (input) => {
      try {
        await jury.addJuror(deps, request.ctx.actor, { slug }, input.handle);
      } catch (e) {
        if (actionable(e)) return juryPage(request, reply, { values: input }, e.status, e);
        throw e;
      }
      return reply.redirect(`/appels/${slug}/jury?fait=ajoute`, 303);
    }, (state, status) => juryPage(request, reply, state, status));
  });
  app.post('/appels/:slug/jury/:handle/retirer', async (request, reply) => {
    const slug = slugOf(request);
    const handle = ((request.params as { handle?: string }).handle ?? '').slice(0, 60);
    try {
      await jury.removeJuror(deps, request.ctx.actor, { slug }, handle);
    } catch (e) {
      if (actionable(e)) return juryPage(request, reply, { values: {} }, e.status, e);
      throw e;
    }
    return reply.redirect(`/appels/${slug}/jury?fait=retire`, 303);
  });

  async function conflictsPage(request: FastifyRequest, reply: FastifyReply, values?: Values, errors?: Record<string, FieldIssue>, status = 200) {
    requireActor(request);
    const queue = await jury.reviewQueue(deps, request.ctx.actor, { slug: slugOf(request) });
    return sendPage(request, reply, <ConflictsPage ctx={request.ctx} queue={queue} values={values} errors={errors} />, { title: request.ctx.t('callReviews.conflicts.title'), status, noindex: true, nav: 'calls' });
  }
  app.get('/appels/:slug/jury/conflits', async (request, reply) => conflictsPage(request, reply));
  app.post('/appels/:slug/jury/conflits', async (request, reply) => {
    const slug = slugOf(request);
    const body = bodyOf(request);
    const parsed = conflictsFromForm(body);
    if ('errors' in parsed) return conflictsPage(request, reply, body, parsed.errors, 400);
    try {
      await jury.declareConflicts(deps, request.ctx.actor, { slug }, parsed.input);
    } catch (e) {
      if (actionable(e)) return juryPage(request, reply, { values: {} }, e.status, e);
      throw e;
    }
    return reply.redirect(`/appels/${slug}/jury?fait=conflits`, 303);
  });

  const applicationIdOf = (request: FastifyRequest) => parseInput(ZApplicationIdParams, { id: (request.params as Values).id }).id;
  async function evaluationPage(request: FastifyRequest, reply: FastifyReply, values?: Values, errors?: Record<string, FieldIssue>, status = 200, problem?: AppError) {
    requireActor(request);
    const form = await jury.reviewForm(deps, request.ctx.actor, applicationIdOf(request));
    const page = <EvaluationPage ctx={request.ctx} form={form} messages={messagesOf(request, problem)} values={values} errors={errors} />;
    return sendPage(request, reply, page, { title: request.ctx.t('callReviews.evaluation.title', { project: form.application.project.title }), status, noindex: true, nav: 'calls' });
  }
  app.get('/candidatures/:id/evaluation', async (request, reply) => evaluationPage(request, reply));
  app.post('/candidatures/:id/evaluation', async (request, reply) => {
    const id = applicationIdOf(request);
    const body = bodyOf(request);
    const parsed = reviewFromForm(body);
    if ('errors' in parsed) return evaluationPage(request, reply, body, parsed.errors, 400);
    try {
      await jury.saveReview(deps, request.ctx.actor, id, parsed.input);
    } catch (e) {
      if (actionable(e)) return evaluationPage(request, reply, body, undefined, e.status, e);
      throw e;
    }
    return reply.redirect(`/candidatures/${id}/evaluation?fait=enregistree`, 303);
  });

  async function rankingPage(request: FastifyRequest, reply: FastifyReply, status = 200, problem?: AppError) {
    requireActor(request);
    const data = await results.ranking(deps, request.ctx.actor, { slug: slugOf(request) });
    return sendPage(request, reply, <RankingPage ctx={request.ctx} data={data} messages={messagesOf(request, problem)} />, { title: `${request.ctx.t('callReviews.ranking.title')} — ${data.call.title}`, status, noindex: true, nav: 'calls' });
  }
  app.get('/appels/:slug/classement', async (request, reply) => rankingPage(request, reply));
  app.post('/appels/:slug/classement/:applicationId/laureat', async (request, reply) => {
    const slug = slugOf(request);
    const applicationId = parseInput(ZApplicationIdParams, { id: (request.params as Values).applicationId }).id;
    try {
      await results.setAward(deps, request.ctx.actor, { slug }, applicationId, amountFromForm(bodyOf(request)));
    } catch (e) {
      if (actionable(e) || (e instanceof AppError && e.code === 'VALIDATION_FAILED')) return rankingPage(request, reply, e.status, e);
      throw e;
    }
    return reply.redirect(`/appels/${slug}/classement?fait=laureat`, 303);
  });
  app.post('/appels/:slug/classement/:applicationId/retirer', async (request, reply) => {
    const slug = slugOf(request);
    const applicationId = parseInput(ZApplicationIdParams, { id: (request.params as Values).applicationId }).id;
    try {
      await results.removeAward(deps, request.ctx.actor, { slug }, applicationId);
    } catch (e) {
      if (actionable(e)) return rankingPage(request, reply, e.status, e);
      throw e;
    }
    return reply.redirect(`/appels/${slug}/classement?fait=retire`, 303);
  });

  async function votePage(request: FastifyRequest, reply: FastifyReply, status = 200, problem?: AppError) {
    const data = await votes.ballot(deps, request.ctx.actor, { slug: slugOf(request) });
    return sendPage(request, reply, <VotePage ctx={request.ctx} data={data} messages={messagesOf(request, problem)} />, { title: `${request.ctx.t('callReviews.vote.title')} — ${data.call.title}`, status, nav: 'calls' });
  }
  app.get('/appels/:slug/vote', async (request, reply) => votePage(request, reply));
  app.post('/appels/:slug/vote', async (request, reply) => {
    requireActor(request);
    const slug = slugOf(request);
    const body = bodyOf(request);
    const applicationId = parseInput(ZApplicationIdParams, { id: body.applicationId }).id;
    const withdraw = body.withdraw === '1';
    try {
      if (withdraw) await votes.withdrawVote(deps, request.ctx.actor, { slug }, applicationId);
      else await votes.castVote(deps, request.ctx.actor, { slug }, applicationId);
    } catch (e) {
      if (actionable(e)) return votePage(request, reply, e.status, e);
      throw e;
    }
    return reply.redirect(`/appels/${slug}/vote?fait=${withdraw ? 'retrait' : 'vote'}`, 303);
  });

  async function resultsPage(request: FastifyRequest, reply: FastifyReply, status = 200, problem?: AppError) {
    const slug = slugOf(request);
    const data = await results.results(deps, request.ctx.actor, { slug });
    const links = { ranking: await results.runsCall(deps, request.ctx.actor, { slug }) };
    return sendPage(request, reply, <ResultsPage ctx={request.ctx} data={data} messages={messagesOf(request, problem)} links={links} />, { title: `${request.ctx.t('callReviews.results.title')} — ${data.call.title}`, status, nav: 'calls' });
  }
  app.get('/appels/:slug/resultats', async (request, reply) => resultsPage(request, reply));
  app.post('/appels/:slug/resultats', async (request, reply) => {
    requireActor(request);
    const slug = slugOf(request);
    try {
      await results.publishResults(deps, request.ctx.actor, { slug });
    } catch (e) {
      if (actionable(e)) return rankingPage(request, reply, e.status, e);
      throw e;
    }
    return reply.redirect(`/appels/${slug}/resultats?fait=publie`, 303);
  });
};
