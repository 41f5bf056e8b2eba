import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createTerritory, createUser, FORM, form, PASSWORD, signIn, uid, visitor, cookieHeader } from '../helpers/factories.js';
import { users, sessions, consents } from '../../src/modules/auth/auth.tables.js';
import { mailRepository } from '../../src/platform/mail/mail.repository.js';

let ctx: TestContext;
let territorySlug: string;
beforeAll(async () => {
  ctx = await createTestApp();
  territorySlug = (await createTerritory(ctx)).slug;
});
afterAll(() => ctx.close());

function tokenFrom(text: string): string {
  return /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
}

describe('sign-up', () => {
  it('creates an unverified account with most-private settings, logs consents and mails a link', async () => {
    const email = `nouveau-${uid()}@example.test`;
    const v = await visitor(ctx, '/inscription');
    const res = await ctx.app.inject({
      method: 'POST', url: '/inscription', headers: { ...FORM, cookie: v.cookie },
      payload: form({ _csrf: v.csrf, email, password: 'une phrase secrète', displayName: 'Léa Nouvelle', territory: territorySlug, locale: 'fr', ageConfirmed: 'on', acceptTerms: 'on' }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Vérifiez vos courriels');
    const [user] = await ctx.database.db.select().from(users).where(eq(users.email, email));
    expect(user!.emailVerifiedAt).toBeNull();
    expect(Object.values(user!.privacy)).toEqual(Array(6).fill('private'));
    const logged = await ctx.database.db.select().from(consents).where(eq(consents.userId, user!.id));
    expect(logged.map((c) => [c.purpose, c.granted]).sort()).toEqual([['newsletter', false], ['terms', true]]);
    const mail = await mailRepository.findLatestTo(ctx.database.db, email, 'verify_email');
    expect(mail?.subject).toContain('Confirmez');
  });

  it('answers a duplicate e-mail exactly like a new one and warns the owner', async () => {
    const existing = await createUser(ctx);
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/v1/auth/register',
      payload: { email: existing.email.toUpperCase(), password: 'une autre phrase', displayName: 'Imposteur', territory: territorySlug, ageConfirmed: true, acceptTerms: true },
    });
    const fresh = await ctx.app.inject({
      method: 'POST', url: '/api/v1/auth/register',
      payload: { email: `frais-${uid()}@example.test`, password: 'une autre phrase', displayName: 'Vraiment nouveau', territory: territorySlug, ageConfirmed: true, acceptTerms: true },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual(fresh.json());
    const mail = await mailRepository.findLatestTo(ctx.database.db, existing.email, 'already_registered');
    expect(mail).toBeDefined();
  });

  it('lists each invalid field with a translated message and writes nothing', async () => {
    const email = `invalide-${uid()}@example.test`;
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/register?lang=en', headers: { 'accept-language': 'en' }, payload: { email, password: 'court', displayName: 'X', territory: territorySlug, ageConfirmed: false, acceptTerms: false } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.fields.password).toBe('At least 10 characters.');
    expect(Object.keys(body.error.details.fields).sort()).toEqual(['acceptTerms', 'ageConfirmed', 'displayName', 'password']);
    expect(await ctx.database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('re-renders the HTML form with errors, keeps the values but never the password', async () => {
    const v = await visitor(ctx, '/inscription');
    const res = await ctx.app.inject({ method: 'POST', url: '/inscription', headers: { ...FORM, cookie: v.cookie }, payload: form({ _csrf: v.csrf, email: 'pas-un-courriel', password: 'secret-secret-secret', displayName: 'Gardé Ici', territory: territorySlug }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Gardé Ici');
    expect(res.body).not.toContain('secret-secret-secret');
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('Entrez une adresse courriel valide');
  });

  it('offers and accepts only neighbourhoods open to sign-ups (pilot or open)', async () => {
    const waiting = await createTerritory(ctx, { state: 'waitlist' });
    const page = await ctx.app.inject({ method: 'GET', url: '/inscription' });
    expect(page.body).toContain(`value="${territorySlug}"`);
    expect(page.body).not.toContain(`value="${waiting.slug}"`);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: `attente-${uid()}@example.test`, password: 'une phrase secrète', displayName: 'Patiente', territory: waiting.slug, ageConfirmed: true, acceptTerms: true } });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.details.fields)).toEqual(['territory']);
  });

  it('refuses birth years under 14', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: `jeune-${uid()}@example.test`, password: 'une phrase secrète', displayName: 'Jeune', territory: territorySlug, birthYear: new Date().getFullYear() - 10, ageConfirmed: true, acceptTerms: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.birthYear).toContain('14');
  });
});

describe('verification, sign-in, sign-out', () => {
  it('verifies with the mailed link, signs in, and the link works only once', async () => {
    const email = `verif-${uid()}@example.test`;
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: 'une phrase secrète', displayName: 'Vérifiée', territory: territorySlug, ageConfirmed: true, acceptTerms: true } });
    const mail = await mailRepository.findLatestTo(ctx.database.db, email, 'verify_email');
    const token = tokenFrom(mail!.textBody);
    const page = await ctx.app.inject({ method: 'GET', url: `/verifier-courriel?token=${token}` });
    expect(page.statusCode).toBe(200);
    const [before] = await ctx.database.db.select().from(users).where(eq(users.email, email));
    expect(before!.emailVerifiedAt).toBeNull(); // GET changes nothing
    const cookie = cookieHeader(page.headers['set-cookie']);
    const csrf = /name="csrf-token" content="([^"]+)"/.exec(page.body)![1]!;
    const res = await ctx.app.inject({ method: 'POST', url: '/verifier-courriel', headers: { ...FORM, cookie }, payload: form({ _csrf: csrf, token }) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/moi');
    const [after] = await ctx.database.db.select().from(users).where(eq(users.email, email));
    expect(after!.emailVerifiedAt).not.toBeNull();
    const again = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('TOKEN_INVALID');
  });

  it('gives the same answer for an unknown address and a wrong password', async () => {
    const user = await createUser(ctx);
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'pas le bon mot de passe' } });
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: `inconnu-${uid()}@example.test`, password: 'pas le bon mot de passe' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('rotates the session id at sign-in and ends it at sign-out', async () => {
    const user = await createUser(ctx);
    const first = await signIn(ctx, user.email);
    const second = await signIn(ctx, user.email);
    expect(first.cookie).not.toEqual(second.cookie);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: second.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(user.email);
    expect(me.json()).not.toHaveProperty('passwordHash');
    const out = await ctx.app.inject({ method: 'POST', url: '/deconnexion', headers: { ...FORM, cookie: second.cookie }, payload: form({ _csrf: second.csrf }) });
    expect(out.statusCode).toBe(303);
    const after = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: second.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a form post without the CSRF token', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const res = await ctx.app.inject({ method: 'POST', url: '/deconnexion', headers: { ...FORM, cookie: s.cookie }, payload: form({}) });
    expect(res.statusCode).toBe(403);
    const cross = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, origin: 'https://evil.example' } });
    expect(cross.statusCode).toBe(403);
  });
});

describe('password reset', () => {
  it('mails a one-hour link, sets the new password and kills every session', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const ask = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: `personne-${uid()}@example.test` } });
    expect(ask.statusCode).toBe(202);
    expect(ask.json()).toEqual(unknown.json());
    const mail = await mailRepository.findLatestTo(ctx.database.db, user.email, 'password_reset');
    const token = tokenFrom(mail!.textBody);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'un tout nouveau mot de passe' } });
    expect(res.statusCode).toBe(200);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    const old = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: PASSWORD } });
    expect(old.statusCode).toBe(401);
    const fresh = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'un tout nouveau mot de passe' } });
    expect(fresh.statusCode).toBe(200);
  });
});

describe('personal access tokens', () => {
  it('exchanges credentials for a bearer token that authenticates API calls', async () => {
    const user = await createUser(ctx);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: user.email, password: PASSWORD, name: 'script' } });
    expect(res.statusCode).toBe(201);
    const { token } = res.json();
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().handle).toBe(user.handle);
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer ec_nope' } });
    expect(bad.statusCode).toBe(401);
  });
});
