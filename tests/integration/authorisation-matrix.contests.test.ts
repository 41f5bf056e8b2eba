/**
 * Authorisation matrix of contests (ADR 0022): create, edit, publish, draw, see entries and claim
 * someone else's prize, asked by every kind of actor of the shared matrix world. Staff of the
 * organising caisse run the contest but are excluded from winning (last test).
 * Expectations come from contests.policy.ts (over access.scope.ts), never from what the code answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { outcomeOf, sendAs, type Outcome, type Req, type Via } from './authorisation-matrix.http.js';
import { signIn } from '../helpers/factories.js';
import { ACTORS, buildWorld, type World, type Who } from './authorisation-matrix.fixtures.js';
import { adultMember, contestBody, endContest, fulfilledPledge } from './contests.fixtures.js';
import { users } from '../../src/modules/auth/auth.tables.js';

type Expect = Record<Who, Outcome>;
type Row = { route: string; via: Via; expect: Expect; request: (w: World, who: Who) => Req | Promise<Req> };

function only(ok: Who[], others: Outcome = 'forbidden', anonymous: Outcome = 'signIn'): Expect {
  return Object.fromEntries(ACTORS.map((w) => [w, ok.includes(w) ? 'ok' : w === 'anonymous' ? anonymous : others])) as Expect;
}
const ORGANISERS = ['staffHere', 'platformAdmin'] as Who[];
const EVERYONE_SIGNED_IN = ACTORS.filter((w) => w !== 'anonymous');

let ctx: TestContext;
let world: World;
let drawnWithWinner: { id: string; slug: string };

const api = (w: World) => ({ cookie: w.sessions.staffHere.cookie, 'x-csrf-token': w.sessions.staffHere.csrf });
async function draft(w: World): Promise<{ id: string; slug: string }> {
  const res = await w.ctx.app.inject({ method: 'POST', url: '/api/v1/contests', headers: api(w), payload: contestBody(w.caisseHere.slug, [w.here.slug]) });
  if (res.statusCode !== 201) throw new Error(`contest: ${res.statusCode} ${res.body}`);
  return res.json();
}
async function published(w: World) {
  const c = await draft(w);
  const res = await w.ctx.app.inject({ method: 'POST', url: `/api/v1/contests/${c.id}/publish`, headers: api(w) });
  if (res.statusCode !== 200) throw new Error(`publish: ${res.statusCode} ${res.body}`);
  return c;
}
async function ended(w: World) {
  const c = await published(w);
  await endContest(w.ctx, c.id);
  return c;
}

const ROUTES: Row[] = [
  { route: 'POST /api/v1/contests (for caisse here)', via: 'api', expect: only(ORGANISERS), request: (w) => ({ method: 'POST', url: '/api/v1/contests', body: contestBody(w.caisseHere.slug, [w.here.slug]) }) },
  { route: 'GET /concours/nouveau', via: 'page', expect: only(['staffHere', 'staffElsewhere', 'platformAdmin']), request: () => ({ method: 'GET', url: '/concours/nouveau' }) },
  { route: 'PATCH /api/v1/contests/:id (draft)', via: 'api', expect: only(ORGANISERS, 'notFound'), request: async (w) => ({ method: 'PATCH', url: `/api/v1/contests/${(await draft(w)).id}`, body: contestBody(w.caisseHere.slug, [w.here.slug]) }) },
  { route: 'GET /concours/:slug/modifier (draft)', via: 'page', expect: only(ORGANISERS, 'notFound'), request: async (w) => ({ method: 'GET', url: `/concours/${(await draft(w)).slug}/modifier` }) },
  { route: 'POST /api/v1/contests/:id/publish', via: 'api', expect: only(ORGANISERS, 'notFound'), request: async (w) => ({ method: 'POST', url: `/api/v1/contests/${(await draft(w)).id}/publish` }) },
  { route: 'PATCH /api/v1/contests/:id (published: rules fixed)', via: 'api', expect: { ...only([], 'forbidden'), staffHere: 'refused', platformAdmin: 'refused' }, request: async (w) => ({ method: 'PATCH', url: `/api/v1/contests/${(await published(w)).id}`, body: contestBody(w.caisseHere.slug, [w.here.slug]) }) },
  { route: 'POST /api/v1/contests/:id/draw', via: 'api', expect: only(ORGANISERS), request: async (w) => ({ method: 'POST', url: `/api/v1/contests/${(await ended(w)).id}/draw` }) },
  { route: 'POST /concours/:slug/tirage', via: 'page', expect: only(ORGANISERS), request: async (w) => ({ method: 'POST', url: `/concours/${(await ended(w)).slug}/tirage`, body: {} }) },
  { route: 'POST /api/v1/contests/:id/draw (period running)', via: 'api', expect: { ...only([]), staffHere: 'refused', platformAdmin: 'refused' }, request: async (w) => ({ method: 'POST', url: `/api/v1/contests/${(await published(w)).id}/draw` }) },
  { route: 'GET /api/v1/contests/:id/entries (own)', via: 'api', expect: only(EVERYONE_SIGNED_IN), request: async (w) => ({ method: 'GET', url: `/api/v1/contests/${(await published(w)).id}/entries` }) },
  { route: 'GET /api/v1/contests/:id/draw (public)', via: 'api', expect: only(ACTORS as unknown as Who[]), request: () => ({ method: 'GET', url: `/api/v1/contests/${drawnWithWinner.id}/draw` }) },
  { route: 'POST /api/v1/contests/:id/claims (someone else’s prize)', via: 'api', expect: only([]), request: () => ({ method: 'POST', url: `/api/v1/contests/${drawnWithWinner.id}/claims`, body: { answer: 44, attest: true } }) },
  { route: 'POST /concours/:slug/reclamer (someone else’s prize)', via: 'page', expect: only([]), request: () => ({ method: 'POST', url: `/concours/${drawnWithWinner.slug}/reclamer`, body: { answer: '44', attest: 'on' } }) },
];

const send = (who: Who, req: Req, via: Via) => sendAs(ctx, world.sessions[who], req, via);

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx);
  const c = await published(world);
  const winner = await adultMember(ctx, world.here.id);
  await fulfilledPledge(ctx, { supporterId: winner.id, promoterId: world.promoterId, territoryId: world.here.id, at: new Date(Date.now() - 3 * 86_400_000) });
  await endContest(ctx, c.id);
  const drawn = await ctx.app.inject({ method: 'POST', url: `/api/v1/contests/${c.id}/draw`, headers: api(world) });
  if (drawn.statusCode !== 201) throw new Error(`draw: ${drawn.statusCode} ${drawn.body}`);
  drawnWithWinner = c;
});
afterAll(() => ctx.close());

describe('contests authorisation matrix', () => {
  it('covers every kind of actor in every row', () => {
    for (const row of ROUTES) expect(Object.keys(row.expect).sort(), row.route).toEqual([...ACTORS].sort());
  });

  it.each(ROUTES.map((r) => [r.route, r] as const))('%s', async (_route, row) => {
    const got: Record<string, string> = {};
    for (const who of ACTORS) got[who] = outcomeOf(await send(who, await row.request(world, who), row.via));
    expect(got).toEqual(row.expect);
  });

  it('never lets staff of the organising caisse win, even with fulfilled pledges and a birth year', async () => {
    const c = await published(world);
    const staffHereId = world.userIds.staffHere;
    await ctx.database.db.update(users).set({ birthYear: 1980, territoryId: world.here.id }).where(eq(users.id, staffHereId));
    await fulfilledPledge(ctx, { supporterId: staffHereId, promoterId: world.promoterId, territoryId: world.here.id, at: new Date(Date.now() - 2 * 86_400_000) });
    const outsider = await adultMember(ctx, world.here.id);
    await fulfilledPledge(ctx, { supporterId: outsider.id, promoterId: world.promoterId, territoryId: world.here.id, at: new Date(Date.now() - 2 * 86_400_000) });
    const mine = await send('staffHere', { method: 'GET', url: `/api/v1/contests/${c.id}/entries` }, 'api');
    expect(mine.json()).toMatchObject({ eligible: false, reasons: ['organiser_staff'], entries: 0 });
    await endContest(ctx, c.id);
    expect((await send('staffHere', { method: 'POST', url: `/api/v1/contests/${c.id}/draw` }, 'api')).statusCode).toBe(201);
    const draw = (await send('anonymous', { method: 'GET', url: `/api/v1/contests/${c.id}/draw` }, 'api')).json<{ entryList: { entries: { pseudonym: string }[] } }>();
    const staffPseudonym = (await send('staffHere', { method: 'GET', url: `/api/v1/contests/${c.id}/entries` }, 'api')).json<{ pseudonym: string | null }>().pseudonym;
    expect(draw.entryList.entries.map((e) => e.pseudonym)).not.toContain(staffPseudonym);
    const outsiderEntries = await ctx.app.inject({ method: 'GET', url: `/api/v1/contests/${c.id}/entries`, headers: { cookie: (await signIn(ctx, outsider.email)).cookie } });
    expect(draw.entryList.entries.map((e) => e.pseudonym)).toContain(outsiderEntries.json<{ pseudonym: string }>().pseudonym);
  });
});
