import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createUser, FORM, form, PASSWORD, signIn } from '../helpers/factories.js';
import { apiTokens } from '../../src/modules/auth/auth.tables.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const DAY = 86_400_000;
const mint = async (email: string, payload: Record<string, unknown> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password: PASSWORD, ...payload } });
const meWith = (token: string) => ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

describe('personal access tokens expire', () => {
  it('last 90 days by default, or 30 or 365 when asked; other lifetimes are refused', async () => {
    const user = await createUser(ctx);
    const byDefault = (await mint(user.email)).json<{ expiresAt: string }>();
    expect(Math.round((Date.parse(byDefault.expiresAt) - Date.now()) / DAY)).toBe(90);
    const short = (await mint(user.email, { expiresInDays: 30 })).json<{ expiresAt: string; id: string }>();
    expect(Math.round((Date.parse(short.expiresAt) - Date.now()) / DAY)).toBe(30);
    const [row] = await ctx.database.db.select().from(apiTokens).where(eq(apiTokens.id, short.id));
    expect(Math.round((row!.expiresAt!.getTime() - Date.now()) / DAY)).toBe(30);
    const long = (await mint(user.email, { expiresInDays: 365 })).json<{ expiresAt: string }>();
    expect(Math.round((Date.parse(long.expiresAt) - Date.now()) / DAY)).toBe(365);
    const odd = await mint(user.email, { expiresInDays: 1000 });
    expect([odd.statusCode, odd.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses an expired token with 401 TOKEN_EXPIRED and a translated message', async () => {
    const user = await createUser(ctx);
    const { token, id } = (await mint(user.email)).json<{ token: string; id: string }>();
    expect((await meWith(token)).statusCode).toBe(200);
    await ctx.database.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, id));
    const res = await meWith(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('TOKEN_EXPIRED');
    expect(res.json().error.message).toMatch(/expiré/);
    const en = await ctx.app.inject({ method: 'GET', url: '/api/v1/me?lang=en', headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
    expect(en.json().error.message).toMatch(/expired/);
    // A made-up token stays a plain "sign in".
    expect((await meWith('ec_not-a-real-token')).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('lets the security page choose the lifetime and shows the expiry', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const page = await ctx.app.inject({ method: 'GET', url: '/moi/securite', headers: { cookie: s.cookie } });
    expect(page.body).toContain('name="expiresInDays"');
    const res = await ctx.app.inject({ method: 'POST', url: '/moi/securite/jetons', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, name: 'Court', expiresInDays: '30' }) });
    expect(res.statusCode).toBe(200);
    const [row] = await ctx.database.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    expect(Math.round((row!.expiresAt!.getTime() - Date.now()) / DAY)).toBe(30);
    expect(res.body).toContain('Expire le');
  });
});

describe('a password change ends every personal access token', () => {
  it('from the API: the old tokens answer 401 and are marked revoked', async () => {
    const user = await createUser(ctx);
    const { token } = (await mint(user.email)).json<{ token: string }>();
    const s = await signIn(ctx, user.email);
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/v1/me/password', headers: { cookie: s.cookie, origin: 'http://localhost', host: 'localhost' },
      payload: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await meWith(token)).statusCode).toBe(401);
    const rows = await ctx.database.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
  });

  it('from a reset link too', async () => {
    const user = await createUser(ctx);
    const { token } = (await mint(user.email)).json<{ token: string }>();
    const { confirmPasswordReset } = await import('../../src/modules/auth/auth.service.js');
    const { oneTimeTokensRepository } = await import('../../src/modules/auth/sessions.repository.js');
    const { sha256 } = await import('../../src/platform/crypto.js');
    const raw = `reset-${user.id}-xxxxxxxxxxxx`;
    await oneTimeTokensRepository.insert(ctx.database.db, { tokenHash: sha256(raw), userId: user.id, purpose: 'password_reset', expiresAt: new Date(Date.now() + 600_000) });
    await confirmPasswordReset({ db: ctx.database.db, config: ctx.config } as never, raw, 'another new passphrase');
    expect((await meWith(token)).statusCode).toBe(401);
  });
});
