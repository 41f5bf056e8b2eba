import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { idempotent } from '../../platform/idempotency.js';
import * as contests from './contests.service.js';
import * as draws from './contests.draw.service.js';
import { ZClaimResult, ZContest, ZContestList, ZMyEntries, ZPublicDraw } from './contests.presenter.js';
import { ZClaimBody, ZContestBody, ZContestListQuery, ZContestParams } from './contests.schemas.js';
import { contestsPages } from './contests.pages.js';
import { AppError } from '../../platform/errors.js';

const tags = ['contests'];
const params = ZContestParams;
const ZEntryListFile = z.object({ algorithm: z.string(), contest: z.string(), entries: z.array(z.object({ pseudonym: z.string(), entries: z.number().int() })) });

/** CSV of the frozen list (same lines as the canonical file). */
function entryListCsv(file: string): string {
  const parsed = JSON.parse(file) as z.output<typeof ZEntryListFile>;
  return ['pseudonym,entries', ...parsed.entries.map((e) => `${e.pseudonym},${e.entries}`)].join('\r\n') + '\r\n';
}

/** JSON API of contests (api.md names), then the HTML pages. `:id` takes the contest's id or slug. */
export const contestsRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/contests', { schema: { tags, description: 'Published contests (and drafts of the caller’s caisses): `when=current` (default), `upcoming` or `past`.', querystring: ZContestListQuery, response: { 200: ZContestList } } }, async (request) =>
    contests.listContests(deps, request.ctx.actor, request.query, request.ctx.locale),
  );

  r.post('/api/v1/contests', { schema: { tags, description: 'Staff of the caisse (or a platform admin) create a contest as a draft. Honours `Idempotency-Key`.', body: ZContestBody, response: { 201: ZContest } } }, async (request, reply) =>
    idempotent(deps.db, request, reply, async () => ({ status: 201, body: await contests.createContest(deps, request.ctx.actor, request.body, request.ctx.locale) })),
  );

  r.get('/api/v1/contests/:id', { schema: { tags, description: 'A contest with everything its published rules carry, and the commitment once published.', params, response: { 200: ZContest } } }, async (request) =>
    contests.getContest(deps, request.ctx.actor, request.params.id, request.ctx.locale),
  );

  r.patch('/api/v1/contests/:id', { schema: { tags, description: 'Organisers replace a draft’s rules (published rules never change).', params, body: ZContestBody, response: { 200: ZContest } } }, async (request) =>
    contests.updateContest(deps, request.ctx.actor, request.params.id, request.body, request.ctx.locale),
  );

  r.post('/api/v1/contests/:id/publish', { schema: { tags, description: 'Organisers publish a draft before its period ends: a secret seed is drawn and its sha256 (the commitment) published.', params, response: { 200: ZContest } } }, async (request) =>
    contests.publishContest(deps, request.ctx.actor, request.params.id, request.ctx.locale),
  );

  r.get('/api/v1/contests/:id/entries', { schema: { tags, description: 'The caller’s own entries, with the recorded actions that earned them, their pseudonym and eligibility. Reads only: the pseudonym is computed while the period runs and stored when the list is frozen (ADR 0026).', params, response: { 200: ZMyEntries } } }, async (request) =>
    contests.myEntries(deps, request.ctx.actor, request.params.id, request.ctx.locale),
  );

  r.post('/api/v1/contests/:id/draw', { schema: { tags, description: 'Organisers draw the winners once the period has ended (once: a second draw answers 409).', params, response: { 201: ZPublicDraw } } }, async (request, reply) => {
    await draws.drawContest(deps, request.ctx.actor, request.params.id);
    return reply.code(201).send(await draws.publicDraw(deps, request.ctx.actor, request.params.id, request.ctx.locale));
  });

  r.get('/api/v1/contests/:id/draw', { schema: { tags, description: 'Public verification data: commitment, revealed seed, anonymised entry list, algorithm, winners and redraws.', params, response: { 200: ZPublicDraw } } }, async (request) =>
    draws.publicDraw(deps, request.ctx.actor, request.params.id, request.ctx.locale),
  );

  r.get('/api/v1/contests/:id/entry-list', { schema: { tags, description: 'The frozen entry list as its canonical file: these exact bytes are what the published sha256 covers.', params, response: { 200: ZEntryListFile } } }, async (request, reply) => {
    const list = await draws.entryListFile(deps, request.ctx.actor, request.params.id);
    if (!list) throw new AppError('CONTEST_NOT_ENDED');
    // Sent as stored (a string is never re-serialised): these bytes are what the published sha256 covers.
    return reply.type('application/json; charset=utf-8').header('Content-Disposition', `attachment; filename="${list.slug}-participations.json"`).send(list.file as unknown as z.output<typeof ZEntryListFile>);
  });

  r.get('/api/v1/contests/:id/entry-list.csv', { config: { openapi: { produces: { status: 200, contentType: 'text/csv', description: 'pseudonym,entries — one line per person in the frozen list.' } } }, schema: { tags, params, response: { 200: z.string().describe('text/csv, one line per pseudonym') } } }, async (request, reply) => {
    const list = await draws.entryListFile(deps, request.ctx.actor, request.params.id);
    if (!list) throw new AppError('CONTEST_NOT_ENDED');
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${list.slug}-participations.csv"`).send(entryListCsv(list.file));
  });

  r.post('/api/v1/contests/:id/claims', { schema: { tags, description: 'A winner claims their prize by answering the skill-testing question (wrong answers are counted; after 3 the prize is redrawn).', params, body: ZClaimBody, response: { 201: ZClaimResult } } }, async (request, reply) =>
    reply.code(201).send(await draws.claimPrize(deps, request.ctx.actor, request.params.id, request.body, request.ctx.locale)),
  );

  await app.register(contestsPages, opts);
};
