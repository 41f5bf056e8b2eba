import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createUser, uid } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('HTTP platform', () => {
  it('sends security headers on every response', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/connexion' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const api = await ctx.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(api.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown pages with a 404 page in the visitor’s language', async () => {
    const fr = await ctx.app.inject({ method: 'GET', url: '/nulle-part' });
    expect(fr.statusCode).toBe(404);
    expect(fr.headers['content-type']).toContain('text/html');
    expect(fr.body).toContain('<html lang="fr-CA"');
    expect(fr.body).toContain('Page introuvable');
    const en = await ctx.app.inject({ method: 'GET', url: '/nowhere', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.body).toContain('<html lang="en-CA"');
    expect(en.body).toContain('Page not found');
  });

  it('answers unknown API routes with a JSON error, never a stack trace', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/nope?lang=en' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: 'This page does not exist or has moved.', details: {} } });
  });

  it('refuses oversized bodies with 413 and malformed JSON with 400', async () => {
    const big = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'a@b.ca', password: 'x'.repeat(2_000_000) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_JSON');
    expect(bad.body).not.toMatch(/at .*\.js:\d+/);
  });

  it('tells liveness apart from readiness', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
    ctx.app.draining.value = true;
    const draining = await ctx.app.inject({ method: 'GET', url: '/readyz' });
    ctx.app.draining.value = false;
    expect(draining.statusCode).toBe(503);
    expect(draining.headers['retry-after']).toBeDefined();
  });

  it('publishes an OpenAPI 3.1 document listing the public routes', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/token', '/api/v1/auth/password-reset']) expect(Object.keys(doc.paths)).toContain(path);
  });

  it('serves the stylesheet and htmx', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/assets/css/app.css' })).statusCode).toBe(200);
    const htmx = await ctx.app.inject({ method: 'GET', url: '/assets/vendor/htmx.min.js' });
    expect(htmx.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/assets/vendor/package.json' })).statusCode).toBe(404);
  });

  it('remembers the language switch in a cookie and on the account', async () => {
    const user = await createUser(ctx, { email: `langue-${uid()}@example.test` });
    const { signIn, FORM, form } = await import('../helpers/factories.js');
    const s = await signIn(ctx, user.email);
    const res = await ctx.app.inject({ method: 'POST', url: '/langue', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, lang: 'en', returnTo: '/connexion' }) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/connexion');
    expect(String(res.headers['set-cookie'])).toContain('ec_lang=en');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(me.json().locale).toBe('en');
    const evil = await ctx.app.inject({ method: 'POST', url: '/langue', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, lang: 'fr', returnTo: '//evil.example/' }) });
    expect(evil.headers.location).toBe('/');
  });
});
