import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createProject, createTerritory, createUser, FORM, form, signIn, uid, visitor } from '../helpers/factories.js';
import { unsubscribeToken } from '../../src/modules/notifications/notifications.mail.render.js';
import sharp from 'sharp';

let ctx: TestContext;
let territoryId: string;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ec-security-'));
beforeAll(async () => {
  ctx = await createTestApp({ dataDir });
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ORIGIN = 'http://localhost:3000';
/** Where a browser would go with this Location header, seen from our site. */
const landsOn = (location: unknown) => new URL(String(location), ORIGIN);

const EVIL = [
  '/%09/evil.example', '/%0d%0a/evil.example', '/%0a/evil.example', '/%5Cevil.example', '/%5C/evil.example', '//evil.example',
  '/%2F/evil.example', '/.//evil.example', '/a/../..//evil.example', 'https://evil.example/', '%2F%2Fevil.example', '/%E2%80%A8/evil.example',
  '\\/evil.example', '%5C%5Cevil.example', '/\t/evil.example', 'javascript:alert(1)', '/%00/evil.example',
];

describe('open redirect: every return path stays on the site', () => {
  it('after sign-in (POST /connexion) and for a signed-in visitor (GET /connexion)', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user.email);
    for (const retour of EVIL) {
      const raw = retour.includes('%') ? retour : encodeURIComponent(retour);
      const get = await ctx.app.inject({ method: 'GET', url: `/connexion?retour=${raw}`, headers: { cookie: session.cookie } });
      if (get.statusCode === 303) {
        expect(landsOn(get.headers.location).origin, `GET ${retour} → ${String(get.headers.location)}`).toBe(ORIGIN);
        expect(String(get.headers.location)).not.toMatch(/^\/[/\\]/);
      } else {
        expect(get.statusCode, `GET ${retour}`).toBe(400); // a NUL byte is refused before anything else
      }
      const v = await visitor(ctx);
      const decoded = (() => { try { return decodeURIComponent(raw); } catch { return raw; } })();
      if (decoded.includes('\u0000')) continue;
      const post = await ctx.app.inject({ method: 'POST', url: '/connexion', headers: { ...FORM, cookie: v.cookie }, payload: form({ _csrf: v.csrf, email: user.email, password: 'correct horse battery', returnTo: decoded }) });
      expect(post.statusCode, `POST ${retour}`).toBe(303);
      expect(landsOn(post.headers.location).origin, `POST ${retour} → ${String(post.headers.location)}`).toBe(ORIGIN);
      expect(String(post.headers.location)).not.toMatch(/^\/[/\\]/);
    }
  });

  it('keeps a legitimate return path, query and anchor, and encodes non-ASCII instead of failing', async () => {
    const user = await createUser(ctx);
    const session = await signIn(ctx, user.email);
    const ok = await ctx.app.inject({ method: 'GET', url: `/connexion?retour=${encodeURIComponent('/projets?q=jardin#liste')}`, headers: { cookie: session.cookie } });
    expect(ok.headers.location).toBe('/projets?q=jardin#liste');
    const accented = await ctx.app.inject({ method: 'GET', url: `/connexion?retour=${encodeURIComponent('/membres/élodie?q=café')}`, headers: { cookie: session.cookie } });
    expect(accented.statusCode).toBe(303);
    expect(accented.headers.location).toBe('/membres/%C3%A9lodie?q=caf%C3%A9');
  });

  it('renders only a safe path in the sign-in form', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/connexion?retour=/%09/evil.example' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="returnTo" value="\/moi"/);
  });
});

describe('NUL bytes are refused in one place', () => {
  it('in a query string, for the API and for pages', async () => {
    const api = await ctx.app.inject({ method: 'GET', url: '/api/v1/projects?q=jar%00din&lang=en' });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: { fields: { q: 'This field contains a character that is not allowed (null character).' } } } });
    const page = await ctx.app.inject({ method: 'GET', url: '/projets?q=%00' });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toBeDefined();
    expect(page.body).toContain('caractère non permis');
  });

  it('in a path parameter', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/people/abc%00def' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const page = await ctx.app.inject({ method: 'GET', url: '/membres/abc%00' });
    expect(page.statusCode).toBe(400);
  });

  it('in JSON and form bodies (bio, comments, messages), with nothing written', async () => {
    const user = await createUser(ctx, { bio: 'Avant' });
    const s = await signIn(ctx, user.email);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const bio = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: { bio: 'bonjour\u0000' } });
    expect(bio.statusCode).toBe(400);
    expect(bio.json().error.details.fields).toHaveProperty('bio');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.json().bio).toBe('Avant');
    const project = await createProject(ctx, { promoterId: user.id, territoryId });
    const comment = await ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/comments`, headers, payload: { body: 'a\u0000b' } });
    expect(comment.statusCode).toBe(400);
    const message = await ctx.app.inject({ method: 'POST', url: '/api/v1/conversations', headers, payload: { to: 'quelquun', body: '\u0000' } });
    expect(message.statusCode).toBe(400);
    const key = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: { ['bio\u0000']: 'x' } });
    expect(key.statusCode).toBe(400);
    const page = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/commentaires`, headers: { ...FORM, cookie: s.cookie }, payload: `_csrf=${s.csrf}&body=allo%00` });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('in multipart text fields (an image’s alt text), for the API and the page, with nothing written', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const project = await createProject(ctx, { promoterId: user.id, territoryId });
    const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a865b' } }).png().toBuffer();
    const boundary = '----ec-nul';
    const multipart = (alt: string) => ({
      'content-type': `multipart/form-data; boundary=${boundary}`,
      body: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${alt}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n`), image, Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    const { body, ...type } = multipart('Le potager\u0000');
    const api = await ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/images`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...type }, payload: body });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: { fields: { alt: 'Ce champ contient un caractère non permis (caractère nul).' } } } });
    const page = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/images?_csrf=${encodeURIComponent(s.csrf)}`, headers: { cookie: s.cookie, ...type }, payload: body });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('caractère non permis');
    const view = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}`, headers: { cookie: s.cookie } });
    expect(view.json().images).toEqual([]);
    // The same upload without the NUL byte goes through.
    const ok = multipart('Le potager');
    const fine = await ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/images`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': ok['content-type'] }, payload: ok.body });
    expect(fine.statusCode, fine.body).toBe(201);
  });
});

describe('display text normalisation', () => {
  it('strips bidi override and isolate characters from text fields, not from passwords', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const res = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: { bio: 'Jardin\u202E txt.exe\u202C \u2066isolé\u2069 \u202A\u202B\u202D\u2067\u2068fin' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().bio).toBe('Jardin txt.exe isolé fin');
  });
});

describe('CSRF', () => {
  it('does not let `Origin: null` through', async () => {
    const user = await createUser(ctx, { bio: 'Avant' });
    const s = await signIn(ctx, user.email);
    const res = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: s.cookie, origin: 'null', 'content-type': 'application/json' }, payload: { bio: 'Après' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const same = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: s.cookie, origin: ORIGIN, host: 'localhost:3000', 'content-type': 'application/json' }, payload: { bio: 'Après' } });
    expect(same.statusCode).toBe(200);
  });

  it('unsubscribe opts out by route config: a signed token is enough, wherever it is carried', async () => {
    const user = await createUser(ctx);
    const token = unsubscribeToken(ctx.config.sessionSecret, { userId: user.id, what: 'digest' });
    const oneClick = await ctx.app.inject({ method: 'POST', url: `/desabonnement?token=${token}`, headers: FORM, payload: 'List-Unsubscribe=One-Click' });
    expect(oneClick.statusCode).toBe(200);
    // The confirmation form posts the token in its body; a mail app may open it without our cookies.
    const confirm = await ctx.app.inject({ method: 'POST', url: '/desabonnement', headers: FORM, payload: form({ token }) });
    expect(confirm.statusCode).toBe(200);
    const forged = await ctx.app.inject({ method: 'POST', url: '/desabonnement', headers: FORM, payload: form({ token: `${token}x` }) });
    expect(forged.statusCode).toBe(400);
    // Other routes still require the token.
    const other = await ctx.app.inject({ method: 'POST', url: '/langue', headers: FORM, payload: form({ lang: 'en' }) });
    expect(other.statusCode).toBe(403);
  });
});

describe('malformed requests get the error envelope, never a 500', () => {
  it('a truncated multipart upload is a 400', async () => {
    const user = await createUser(ctx);
    const project = await createProject(ctx, { promoterId: user.id, territoryId });
    const s = await signIn(ctx, user.email);
    const boundary = `----ec-${uid()}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nUne photo\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      Buffer.alloc(2048, 0xff),
    ]);
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/images`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_REQUEST');
  });

  it('a malformed % escape in the path: 400 with the envelope and security headers', async () => {
    const api = await ctx.app.inject({ method: 'GET', url: '/api/v1/projects/%E0%A4%A' });
    expect(api.statusCode).toBe(400);
    expect(api.json().error.code).toBe('MALFORMED_REQUEST');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    const page = await ctx.app.inject({ method: 'GET', url: '/projets/%E0%A4%A', headers: { 'accept-language': 'en' } });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="en-CA"');
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('a path parameter over the length limit: 414 with the envelope', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${'a'.repeat(500)}` });
    expect(res.statusCode).toBe(414);
    expect(res.json().error.code).toBe('URI_TOO_LONG');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a malformed % escape in the query or bad JSON: 400, not 500', async () => {
    const q = await ctx.app.inject({ method: 'GET', url: '/api/v1/projects?q=%E0%A4%A' });
    expect(q.statusCode).toBeLessThan(500);
    const json = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":"a@b.c",' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('INVALID_JSON');
  });
});
