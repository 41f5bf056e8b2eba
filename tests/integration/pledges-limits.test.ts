import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createProject, createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';

let ctx: TestContext;
let territoryId: string;
let promoter: Awaited<ReturnType<typeof createUser>>;
type Session = { cookie: string; csrf: string };

beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
  promoter = await createUser(ctx, { territoryId });
});
afterAll(() => ctx.close());

const tomorrow = (() => {
  const d = new Date(`${localToday(new Date())}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})();

const api = (c: TestContext, s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  c.app.inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(payload ? { payload } : {}) });

async function need(c: TestContext, owner = promoter, quantity = 10) {
  const project = await createProject(c, { promoterId: owner.id, territoryId: owner.territoryId ?? territoryId, status: 'published' });
  return createNeed(c, { projectId: project.id, kind: 'volunteering', quantity });
}

async function person(c: TestContext, locale: 'fr' | 'en' = 'fr', territory = territoryId) {
  const user = await createUser(c, { territoryId: territory, locale });
  return { user, s: await signIn(c, user.email) };
}

describe('one open pledge per person per need', () => {
  it('refuses a second proposal from the same person with a translated 409, and allows it again once the first is withdrawn', async () => {
    const n = await need(ctx);
    const { s } = await person(ctx, 'en');
    expect((await api(ctx, s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 2, startDate: tomorrow })).statusCode).toBe(201);
    const second = await api(ctx, s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 2, startDate: tomorrow });
    expect([second.statusCode, second.json().error.code]).toEqual([409, 'PLEDGE_ALREADY_OPEN']);
    expect(second.json().error.message).toContain('already have a pledge in progress');
    const rows = await ctx.database.db.select().from(pledges).where(eq(pledges.needId, n.id));
    expect(rows).toHaveLength(1);
    const withdrawn = await api(ctx, s, 'POST', `/api/v1/pledges/${rows[0]!.id}/transitions`, { to: 'withdrawn', reason: 'Empêchement' });
    expect(withdrawn.statusCode).toBe(200);
    expect((await api(ctx, s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 3, startDate: tomorrow })).statusCode).toBe(201);
  });

  it('counts an accepted pledge as open too, and lets other people still pledge what remains', async () => {
    const n = await need(ctx);
    const { s } = await person(ctx);
    const first = await api(ctx, s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 4, startDate: tomorrow });
    const p = await signIn(ctx, promoter.email);
    expect((await api(ctx, p, 'POST', `/api/v1/pledges/${first.json().id}/transitions`, { to: 'accepted' })).statusCode).toBe(200);
    expect((await api(ctx, s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 1, startDate: tomorrow })).json().error.code).toBe('PLEDGE_ALREADY_OPEN');
    const other = await person(ctx);
    expect((await api(ctx, other.s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 7, startDate: tomorrow })).json().error.code).toBe('NEED_OVERSUBSCRIBED');
    expect((await api(ctx, other.s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 6, startDate: tomorrow })).statusCode).toBe(201);
  });

  it('never lets one person reserve more than the need’s remaining quantity, even with parallel proposals', async () => {
    const n = await need(ctx, promoter, 5);
    const { s } = await person(ctx);
    expect((await api(ctx, s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 6, startDate: tomorrow })).json().error).toMatchObject({ code: 'NEED_OVERSUBSCRIBED', details: { remaining: 5 } });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => api(ctx, s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 1, startDate: tomorrow })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.json<{ error: { code: string } }>().error.code)).toEqual(['PLEDGE_ALREADY_OPEN', 'PLEDGE_ALREADY_OPEN', 'PLEDGE_ALREADY_OPEN', 'PLEDGE_ALREADY_OPEN']);
    const held = (await ctx.database.db.select().from(pledges).where(eq(pledges.needId, n.id))).reduce((sum, r) => sum + r.quantity, 0);
    expect(held).toBe(1);
  });

  it('shows the reason on the pledge page, in both languages, instead of the form', async () => {
    const n = await need(ctx);
    for (const [locale, text] of [['fr', 'Vous avez déjà un engagement en cours pour ce besoin'], ['en', 'You already have a pledge in progress for this need']] as const) {
      const { s } = await person(ctx, locale);
      expect((await api(ctx, s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 1, startDate: tomorrow })).statusCode).toBe(201);
      const page = await ctx.app.inject({ method: 'GET', url: `/besoins/${n.id}/engagement`, headers: { cookie: s.cookie } });
      expect(page.body).toContain(text);
      expect(page.body).toContain('href="/moi/contributions"');
      expect(page.body).not.toContain(`action="/besoins/${n.id}/engagement"`);
      const confirmed = await ctx.app.inject({ method: 'POST', url: `/besoins/${n.id}/engagement/confirmer`, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, step: 'confirm', quantity: '1', startDate: tomorrow }) });
      expect(confirmed.statusCode).toBe(409);
      expect(confirmed.body).toContain(text);
    }
  });
});

describe('pledge rate limit', () => {
  it('answers 429 with Retry-After after 10 proposals in an hour', async () => {
    const limited = await createTestApp({ rateLimits: true });
    try {
      const territory = (await createTerritory(limited)).id;
      const owner = await createUser(limited, { territoryId: territory });
      const { s } = await person(limited, 'en', territory);
      for (let i = 0; i < 10; i++) {
        const n = await need(limited, owner);
        expect((await api(limited, s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 1, startDate: tomorrow })).statusCode).toBe(201);
      }
      const n = await need(limited, owner);
      const refused = await api(limited, s, 'POST', `/api/v1/needs/${n.id}/pledges`, { quantity: 1, startDate: tomorrow });
      expect([refused.statusCode, refused.json().error.code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json().error.message).not.toBe('');
      expect(await limited.database.db.select().from(pledges).where(eq(pledges.needId, n.id))).toHaveLength(0);
    } finally {
      await limited.close();
    }
  }, 90_000);
});
