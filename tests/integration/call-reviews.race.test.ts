import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createUser, signIn } from '../helpers/factories.js';
import { callWorld, createCall } from './call-reviews.fixtures.js';
import { callAwards, callVotes } from '../../src/modules/call-reviews/call-reviews.tables.js';

/** Real PostgreSQL loses updates where PGlite (one session) cannot: these run only there. */
describe.skipIf(!process.env.TEST_DATABASE_URL)('parallel votes and awards (PostgreSQL)', () => {
  let ctx: TestContext;
  let world: Awaited<ReturnType<typeof callWorld>>;
  beforeAll(async () => {
    ctx = await createTestApp();
    world = await callWorld(ctx);
  });
  afterAll(() => ctx.close());

  it('20 parallel votes of one member with 3 votes each make exactly 3', async () => {
    const call = await createCall(ctx, world, { phase: 'vote', vote: { votesPerMember: 3, juryWeightPercent: 50 }, applications: 10 });
    const member = await signIn(ctx, (await createUser(ctx, { territoryId: world.territory.id })).email);
    const targets = Array.from({ length: 20 }, (_, i) => call.applications[i % 10]!.id);
    const answers = await Promise.all(targets.map((applicationId) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/votes`, headers: { cookie: member.cookie, 'x-csrf-token': member.csrf }, payload: { applicationId } })));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().error.code === 'VOTE_LIMIT_REACHED')).toBe(true);
    const rows = await ctx.database.db.select().from(callVotes).where(eq(callVotes.callId, call.id));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.applicationId)).size).toBe(3);
    const ballot = (await ctx.app.inject({ method: 'GET', url: `/api/v1/calls/${call.id}/votes`, headers: { cookie: member.cookie } })).json();
    expect([ballot.used, ballot.remaining]).toEqual([3, 0]);
  });

  it('parallel awards never exceed the envelope', async () => {
    const call = await createCall(ctx, world, { phase: 'results', budgetCents: 1_000_000, maxPerProjectCents: 300_000, applications: 8 });
    const answers = await Promise.all(call.applications.map((a) =>
      ctx.app.inject({ method: 'PUT', url: `/api/v1/calls/${call.id}/awards/${a.id}`, headers: { cookie: world.staffSession.cookie, 'x-csrf-token': world.staffSession.csrf }, payload: { amountCents: 300_000 } })));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json<{ error: { code: string } }>().error.code)).toEqual(Array(5).fill('AWARD_OVER_BUDGET'));
    const rows = await ctx.database.db.select().from(callAwards).where(eq(callAwards.callId, call.id));
    expect(rows.reduce((s, r) => s + r.amountCents, 0)).toBe(900_000);
  });
});
