/**
 * Authorisation matrix of a call's jury, reviews, public vote and results (ADR 0021): each kind of
 * actor × each action, with the outcome the rules in call-reviews.policy.ts and access.scope.ts give.
 * Rows build a fresh target when they change state, so they never depend on order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createProject, createUser, signIn, visitor } from '../helpers/factories.js';
import { callWorld, createCall, createDelegate, setPhase, type Session } from './call-reviews.fixtures.js';

const WHO = ['anonymous', 'citizen', 'otherPromoter', 'jurorConflicted', 'juror', 'delegateOffJury', 'staffHere', 'staffElsewhere', 'platformAdmin'] as const;
type Who = (typeof WHO)[number];
type Outcome = 'ok' | 'signIn' | 'forbidden' | 'notFound' | 'refused';
type Req = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; body?: Record<string, unknown> };
type Row = { action: string; expect: Record<Who, Outcome>; request: (who: Who) => Promise<Req> | Req };

function only(ok: Who[], others: Outcome = 'forbidden', anonymous: Outcome = 'signIn', except: Partial<Record<Who, Outcome>> = {}): Record<Who, Outcome> {
  return Object.fromEntries(WHO.map((w) => [w, except[w] ?? (ok.includes(w) ? 'ok' : w === 'anonymous' ? anonymous : others)])) as Record<Who, Outcome>;
}
const STAFF = only(['staffHere', 'platformAdmin']);

let ctx: TestContext;
let world: Awaited<ReturnType<typeof callWorld>>;
let sessions: Record<Who, Session>;
let review: Awaited<ReturnType<typeof createCall>>;
let vote: Awaited<ReturnType<typeof createCall>>;
let results: Awaited<ReturnType<typeof createCall>>;
let published: Awaited<ReturnType<typeof createCall>>;

const put = (url: string, body: Record<string, unknown>): Req => ({ method: 'PUT', url, body });
const post = (url: string, body: Record<string, unknown> = {}): Req => ({ method: 'POST', url, body });
const get = (url: string): Req => ({ method: 'GET', url });
const staffApi = (method: Req['method'], url: string, body?: object) => ctx.app.inject({ method, url, headers: { cookie: world.staffSession.cookie, 'x-csrf-token': world.staffSession.csrf }, ...(body ? { payload: body } : {}) });

/** A fresh call in the results phase with one award, ready to publish. */
async function publishable(): Promise<string> {
  const call = await createCall(ctx, world, { phase: 'results', applications: 1 });
  expect((await staffApi('PUT', `/api/v1/calls/${call.id}/awards/${call.applications[0]!.id}`, { amountCents: 1000 })).statusCode).toBe(200);
  return call.id;
}

const ROWS: Row[] = [
  { action: 'add a juror', expect: STAFF, request: async () => post(`/api/v1/calls/${review.id}/jurors`, { handle: (await createDelegate(ctx, world.caisse.id, world.territory.id)).handle }) },
  { action: 'see the jury', expect: only(['staffHere', 'platformAdmin', 'juror', 'jurorConflicted'], 'forbidden', 'signIn', { citizen: 'forbidden' }), request: () => get(`/api/v1/calls/${review.id}/jurors`) },
  {
    action: 'score an application', expect: only(['juror'], 'forbidden', 'signIn', { jurorConflicted: 'refused' }),
    request: () => post(`/api/v1/applications/${review.applications[0]!.id}/reviews`, { scores: review.criteria.map((c) => ({ criterionId: c.id, score: 6 })) }),
  },
  { action: 'open the scoring form (page)', expect: only(['juror'], 'forbidden', 'signIn', { jurorConflicted: 'refused' }), request: () => get(`/candidatures/${review.applications[0]!.id}/evaluation`) },
  { action: 'see the ranking', expect: STAFF, request: () => get(`/api/v1/calls/${review.id}/ranking`) },
  { action: 'see the ranking (page)', expect: STAFF, request: () => get(`/appels/${review.slug}/classement`) },
  {
    action: 'vote', expect: only(['citizen', 'otherPromoter', 'juror', 'jurorConflicted', 'delegateOffJury'], 'forbidden'),
    request: () => post(`/api/v1/calls/${vote.id}/votes`, { applicationId: vote.applications[0]!.id }),
  },
  { action: 'award', expect: STAFF, request: () => put(`/api/v1/calls/${results.id}/awards/${results.applications[0]!.id}`, { amountCents: 1000 }) },
  { action: 'publish the results', expect: STAFF, request: async (who) => post(`/api/v1/calls/${who === 'staffHere' || who === 'platformAdmin' ? await publishable() : results.id}/results`) },
  { action: 'read results before publication', expect: only(['staffHere', 'platformAdmin'], 'notFound', 'notFound'), request: () => get(`/api/v1/calls/${results.id}/results`) },
  { action: 'read results after publication', expect: only([...WHO]), request: () => get(`/api/v1/calls/${published.id}/results`) },
  { action: 'read results after publication (page)', expect: only([...WHO]), request: () => get(`/appels/${published.slug}/resultats`) },
];

function outcomeOf(res: LightMyRequestResponse): Outcome {
  if (res.statusCode === 401 || (res.statusCode === 303 && String(res.headers.location).startsWith('/connexion'))) return 'signIn';
  if (res.statusCode === 403) return 'forbidden';
  if (res.statusCode === 404) return 'notFound';
  if ([400, 409, 422].includes(res.statusCode)) return 'refused';
  if (res.statusCode >= 200 && res.statusCode < 400) return 'ok';
  throw new Error(`unexpected ${res.statusCode}: ${res.body.slice(0, 300)}`);
}

beforeAll(async () => {
  ctx = await createTestApp();
  world = await callWorld(ctx);
  const elsewhere = await callWorld(ctx);
  review = await createCall(ctx, world, { phase: 'review', applications: 2 });
  vote = await createCall(ctx, world, { phase: 'vote', vote: { votesPerMember: 5, juryWeightPercent: 70 }, applications: 2 });
  results = await createCall(ctx, world, { phase: 'results', applications: 2 });
  published = await createCall(ctx, world, { phase: 'results', applications: 1 });

  const juror = await createDelegate(ctx, world.caisse.id, world.territory.id);
  const jurorConflicted = await createDelegate(ctx, world.caisse.id, world.territory.id);
  const delegateOffJury = await createDelegate(ctx, world.caisse.id, world.territory.id);
  const otherPromoter = await createUser(ctx, { territoryId: world.territory.id });
  await createProject(ctx, { promoterId: otherPromoter.id, territoryId: world.territory.id });
  const admin = await createUser(ctx, { role: { role: 'admin' } });
  const citizen = await createUser(ctx, { territoryId: world.territory.id });
  sessions = {
    anonymous: await visitor(ctx), citizen: await signIn(ctx, citizen.email), otherPromoter: await signIn(ctx, otherPromoter.email),
    jurorConflicted: await signIn(ctx, jurorConflicted.email), juror: await signIn(ctx, juror.email), delegateOffJury: await signIn(ctx, delegateOffJury.email),
    staffHere: world.staffSession, staffElsewhere: elsewhere.staffSession, platformAdmin: await signIn(ctx, admin.email),
  };
  await setPhase(ctx, review.id, 'open');
  for (const p of [juror, jurorConflicted]) expect((await staffApi('POST', `/api/v1/calls/${review.id}/jurors`, { handle: p.handle })).statusCode).toBe(201);
  const declared = await ctx.app.inject({ method: 'PUT', url: `/api/v1/calls/${review.id}/conflicts`, headers: { cookie: sessions.jurorConflicted.cookie, 'x-csrf-token': sessions.jurorConflicted.csrf }, payload: { items: [{ applicationId: review.applications[0]!.id, reason: 'Ma voisine.' }] } });
  expect(declared.statusCode).toBe(200);
  await setPhase(ctx, review.id, 'review');
  expect((await staffApi('PUT', `/api/v1/calls/${published.id}/awards/${published.applications[0]!.id}`, { amountCents: 5000 })).statusCode).toBe(200);
  expect((await staffApi('POST', `/api/v1/calls/${published.id}/results`)).statusCode).toBe(201);
});
afterAll(() => ctx.close());

describe('authorisation matrix: calls for projects — jury, reviews, vote, results', () => {
  for (const row of ROWS) {
    it(row.action, async () => {
      const got: Partial<Record<Who, Outcome>> = {};
      for (const who of WHO) {
        const req = await row.request(who);
        const s = sessions[who];
        const res = await ctx.app.inject({ method: req.method, url: req.url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(req.body ? { payload: req.body } : {}) });
        got[who] = outcomeOf(res);
      }
      expect(got).toEqual(row.expect);
    });
  }
});
