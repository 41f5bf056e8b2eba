import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import * as jury from './call-reviews.service.js';
import * as votes from './call-reviews.votes.service.js';
import * as results from './call-reviews.results.service.js';
import { ZBallot, ZJury, ZRanking, ZResults, ZReviewForm, ZReviewQueue } from './call-reviews.presenter.js';
import { ZAddJurorBody, ZApplicationIdParams, ZAwardBody, ZCallIdParams, ZConflictsBody, ZJurorParams, ZReviewBody, ZVoteBody, ZCallApplicationParams } from './call-reviews.schemas.js';
import { callReviewsPages } from './call-reviews.pages.js';

const tags = ['calls'];

/** JSON API of a call's jury, reviews, public vote and results (api.md names), then the HTML pages. */
export const callReviewsRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = ZCallIdParams;

  r.get('/api/v1/calls/:id/jurors', { schema: { tags, description: 'Staff of the call’s caisse and its jurors: the jury; staff also get the people they may add (the caisse’s staff and delegates in their term).', params, response: { 200: ZJury } } }, async (request) =>
    jury.jury(deps, request.ctx.actor, { id: request.params.id }),
  );
  r.post('/api/v1/calls/:id/jurors', { schema: { tags, description: 'Staff of the call’s caisse add one of its staff or delegates (`JUROR_NOT_ELIGIBLE` otherwise) until the review ends.', params, body: ZAddJurorBody, response: { 201: ZJury } } }, async (request, reply) => {
    reply.code(201);
    return jury.addJuror(deps, request.ctx.actor, { id: request.params.id }, request.body.handle);
  });
  r.delete('/api/v1/calls/:id/jurors/:handle', { schema: { tags, description: 'Staff remove a juror, with their scores, notes and declarations, until the review ends.', params: ZJurorParams, response: { 200: ZJury } } }, async (request) =>
    jury.removeJuror(deps, request.ctx.actor, { id: request.params.id }, request.params.handle),
  );

  r.get('/api/v1/calls/:id/reviews', { schema: { tags, description: 'A juror’s applications to review, their progress and their declared conflicts of interest.', params, response: { 200: ZReviewQueue } } }, async (request) =>
    jury.reviewQueue(deps, request.ctx.actor, { id: request.params.id }),
  );
  r.put('/api/v1/calls/:id/conflicts', { schema: { tags, description: 'A juror replaces their declarations (application + reason). Declared applications are excluded from their review: their scores and note on them are deleted.', params, body: ZConflictsBody, response: { 200: ZReviewQueue } } }, async (request) =>
    jury.declareConflicts(deps, request.ctx.actor, { id: request.params.id }, request.body),
  );
  r.get('/api/v1/applications/:id/reviews', { schema: { tags, description: 'A juror’s scoring form: criteria with weights, the application’s answers, their scores and private note. `REVIEW_CONFLICT` when they declared a conflict.', params: ZApplicationIdParams, response: { 200: ZReviewForm } } }, async (request) =>
    jury.reviewForm(deps, request.ctx.actor, request.params.id),
  );
  r.post('/api/v1/applications/:id/reviews', { schema: { tags, description: 'A juror upserts scores (0..10, one per criterion) and a private note, in the review phase only (`CALL_PHASE_CLOSED`), never on a declared conflict (`REVIEW_CONFLICT`).', params: ZApplicationIdParams, body: ZReviewBody, response: { 200: ZReviewForm } } }, async (request) =>
    jury.saveReview(deps, request.ctx.actor, request.params.id, request.body),
  );

  r.get('/api/v1/calls/:id/ranking', { schema: { tags, description: 'Staff of the call’s caisse: weighted jury score (0..100), spread between jurors (standard deviation, min, max), votes and combined score, missing reviews, private notes and awards.', params, response: { 200: ZRanking } } }, async (request) =>
    results.ranking(deps, request.ctx.actor, { id: request.params.id }),
  );

  r.get('/api/v1/calls/:id/votes', { schema: { tags, description: 'Applications in the running, the caller’s votes and how many remain, or why they cannot vote.', params, response: { 200: ZBallot } } }, async (request) =>
    votes.ballot(deps, request.ctx.actor, { id: request.params.id }),
  );
  r.post('/api/v1/calls/:id/votes', { schema: { tags, description: 'A verified member of the call’s territories casts one of their `votesPerMember` votes (one per application; `VOTE_LIMIT_REACHED` beyond). Voting again for the same application changes nothing.', params, body: ZVoteBody, response: { 200: ZBallot } } }, async (request) =>
    votes.castVote(deps, request.ctx.actor, { id: request.params.id }, request.body.applicationId),
  );
  r.delete('/api/v1/calls/:id/votes/:applicationId', { schema: { tags, description: 'Gives the vote back, until the vote closes.', params: ZCallApplicationParams, response: { 200: ZBallot } } }, async (request) =>
    votes.withdrawVote(deps, request.ctx.actor, { id: request.params.id }, request.params.applicationId),
  );

  r.put('/api/v1/calls/:id/awards/:applicationId', { schema: { tags, description: 'Staff, results phase, before publication: never over the maximum per project (`AWARD_OVER_MAX`) nor the envelope (`AWARD_OVER_BUDGET`), checked with the call locked.', params: ZCallApplicationParams, body: ZAwardBody, response: { 200: ZRanking } } }, async (request) =>
    results.setAward(deps, request.ctx.actor, { id: request.params.id }, request.params.applicationId, request.body.amountCents),
  );
  r.delete('/api/v1/calls/:id/awards/:applicationId', { schema: { tags, description: 'Staff, results phase, before publication.', params: ZCallApplicationParams, response: { 200: ZRanking } } }, async (request) =>
    results.removeAward(deps, request.ctx.actor, { id: request.params.id }, request.params.applicationId),
  );
  r.post('/api/v1/calls/:id/results', { schema: { tags, description: 'Staff publish once: winners selected, others not selected, awards recorded in the impact ledger, every applicant told in the app and by e-mail.', params, response: { 201: ZResults } } }, async (request, reply) => {
    reply.code(201);
    return results.publishResults(deps, request.ctx.actor, { id: request.params.id });
  });
  r.get('/api/v1/calls/:id/results', { schema: { tags, description: 'Public once published: winners, amounts and combined scores (never private notes nor individual juror scores). Before publication staff see a preview; others get `RESULTS_NOT_PUBLISHED`.', params, response: { 200: ZResults } } }, async (request) =>
    results.results(deps, request.ctx.actor, { id: request.params.id }),
  );

  await app.register(callReviewsPages, opts);
};
