import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createTerritory, createUser, FORM, form, PASSWORD, signIn, uid } from '../helpers/factories.js';
import { apiTokens, sessions, users } from '../../src/modules/auth/auth.tables.js';
import { mailRepository } from '../../src/platform/mail/mail.repository.js';

let ctx: TestContext;
let territory: { id: string; slug: string };
let borough: { id: string; slug: string };
beforeAll(async () => {
  ctx = await createTestApp();
  borough = await createTerritory(ctx, { kind: 'borough' });
  territory = await createTerritory(ctx, { parentId: borough.id, nameFr: 'Petite-Patrie', nameEn: 'Little Patria' });
});
afterAll(() => ctx.close());

const XSS = { script: '<script>alert(1)</script>', attr: '"><img src=x onerror=alert(1)>' };
const rowOf = async (id: string) => (await ctx.database.db.select().from(users).where(eq(users.id, id)))[0]!;
/** A same-origin script call: the session cookie plus the Origin a browser sends. */
const api = (method: 'GET' | 'PATCH' | 'POST' | 'DELETE', url: string, cookie: string, payload?: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method, url, headers: { cookie, origin: 'http://localhost', host: 'localhost', ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A complete profile form as the browser posts it. */
function profileForm(csrf: string, over: Record<string, string> = {}): Record<string, string> {
  const base: Record<string, string> = { _csrf: csrf, displayName: 'Odile Form', handle: `odile-${uid()}`, locale: 'fr', bio: 'Bonjour', skills: 'soudure, couture', interests: 'vélo', territory: territory.slug };
  for (const f of ['photo', 'bio', 'skills', 'interests', 'territory', 'links']) base[`privacy.${f}`] = 'members';
  return { ...base, ...over };
}

describe('GET and PATCH /api/v1/me', () => {
  it('requires a signed-in person', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { bio: 'x'.repeat(5000) } })).statusCode).toBe(401);
  });

  it('updates the listed fields, merges privacy field by field and returns the new view', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const res = await api('PATCH', '/api/v1/me', s.cookie, {
      displayName: '  Noémie Roy ', bio: 'Je répare des vélos.', skills: ['vélo', 'Vélo', 'soudure'], interests: ['ruelles'], links: [{ label: 'Atelier', url: 'https://example.org/atelier' }],
      territory: territory.slug, locale: 'en', privacy: { bio: 'public', skills: 'members' }, indexable: true,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ displayName: 'Noémie Roy', skills: ['vélo', 'soudure'], territory: territory.slug, locale: 'en', indexable: true });
    expect(body).not.toHaveProperty('passwordHash');
    const row = await rowOf(user.id);
    expect(row.bio).toBe('Je répare des vélos.');
    expect(row.territoryId).toBe(territory.id);
    expect(row.links).toEqual([{ label: 'Atelier', url: 'https://example.org/atelier' }]);
    expect(row.privacy).toEqual({ photo: 'private', bio: 'public', skills: 'members', interests: 'private', territory: 'private', links: 'private' });
  });

  it('lists each invalid field with a message in the request language and writes nothing', async () => {
    const user = await createUser(ctx, { bio: 'Avant' });
    const s = await signIn(ctx, user.email);
    const bad = {
      bio: 'x'.repeat(2001), skills: Array.from({ length: 21 }, (_, i) => `s${i}`), interests: ['y'.repeat(61)],
      links: [{ label: 'Site', url: 'javascript:alert(1)' }], territory: borough.slug, privacy: { bio: 'friends' }, handle: 'No Way',
    };
    const fr = await api('PATCH', '/api/v1/me', s.cookie, bad);
    expect(fr.statusCode).toBe(400);
    const fields = fr.json().error.details.fields;
    expect(fields).toMatchObject({
      bio: 'Au plus 2000 caractères.', skills: 'Au plus 20 éléments.', 'interests.0': 'Au plus 60 caractères.',
      'links.0.url': 'Entrez une adresse web complète commençant par https://.', 'privacy.bio': 'Choisissez une option de la liste.',
      handle: 'Lettres minuscules, chiffres et traits d’union seulement (3 à 40).',
    });
    const row = await rowOf(user.id);
    expect(row.bio).toBe('Avant');
    expect(row.skills).toEqual([]);
    expect(row.territoryId).toBeNull();
  });

  it('translates the field messages into English for an English-speaking person', async () => {
    const user = await createUser(ctx, { locale: 'en' });
    const s = await signIn(ctx, user.email);
    const res = await api('PATCH', '/api/v1/me', s.cookie, { bio: 'x'.repeat(2001), territory: 'nowhere-at-all' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.bio).toBe('At most 2000 characters.');
    expect((await api('PATCH', '/api/v1/me', s.cookie, { territory: 'nowhere-at-all' })).json().error.details.fields.territory).toBe('Choose an option from the list.');
  });

  it('refuses fields that cannot be set this way (no mass assignment)', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const res = await api('PATCH', '/api/v1/me', s.cookie, { email: 'pirate@example.test', passwordHash: 'x', suspendedAt: null });
    expect(res.statusCode).toBe(400);
    expect((await rowOf(user.id)).email).toBe(user.email);
  });

  it('changes the handle when it is free, and answers HANDLE_TAKEN when it is not', async () => {
    const user = await createUser(ctx);
    const other = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const wanted = `nouveau-${uid()}`;
    const ok = await api('PATCH', '/api/v1/me', s.cookie, { handle: wanted });
    expect(ok.statusCode).toBe(200);
    expect((await rowOf(user.id)).handle).toBe(wanted);
    expect((await ctx.app.inject({ method: 'GET', url: `/membres/${wanted}` })).statusCode).toBe(200);
    const taken = await api('PATCH', '/api/v1/me', s.cookie, { handle: other.handle });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('HANDLE_TAKEN');
    expect((await rowOf(user.id)).handle).toBe(wanted);
  });
});

describe('XSS payloads in the profile', () => {
  it('keeps them verbatim in JSON and escaped on every page; refuses javascript: links', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const res = await api('PATCH', '/api/v1/me', s.cookie, {
      displayName: XSS.script, bio: `${XSS.attr} ${XSS.script}`, skills: [XSS.attr], links: [{ label: XSS.attr, url: 'https://example.org/?q="><script>alert(1)</script>' }],
      privacy: { bio: 'public', skills: 'public', links: 'public' },
    });
    expect(res.statusCode).toBe(200);
    const json = (await ctx.app.inject({ method: 'GET', url: `/api/v1/people/${user.handle}` })).json();
    expect(json.displayName).toBe(XSS.script);
    expect(json.bio).toBe(`${XSS.attr} ${XSS.script}`);
    for (const url of [`/membres/${user.handle}`, '/moi', '/moi/profil']) {
      const page = await ctx.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<script>alert(1)</script>');
      expect(page.body).not.toContain('<img src=x');
      expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    }
    expect((await api('PATCH', '/api/v1/me', s.cookie, { links: [{ label: 'Piège', url: 'javascript:alert(1)' }] })).statusCode).toBe(400);
    const viaForm = await ctx.app.inject({ method: 'POST', url: '/moi/profil', headers: { ...FORM, cookie: s.cookie }, payload: form(profileForm(s.csrf, { 'links.0.label': 'Piège', 'links.0.url': ' JavaScript:alert(1)' })) });
    expect(viaForm.statusCode).toBe(400);
    expect((await rowOf(user.id)).links[0]!.url).toBe('https://example.org/?q="><script>alert(1)</script>');
  });
});

describe('the profile form', () => {
  it('saves every field and redirects to my page', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const values = profileForm(s.csrf, { 'links.2.label': 'Blogue', 'links.2.url': 'https://example.org/blogue', 'privacy.bio': 'public', indexable: 'on' });
    const res = await ctx.app.inject({ method: 'POST', url: '/moi/profil', headers: { ...FORM, cookie: s.cookie }, payload: form(values) });
    expect([res.statusCode, res.headers.location]).toEqual([303, '/moi?enregistre=1']);
    const row = await rowOf(user.id);
    expect(row).toMatchObject({ displayName: 'Odile Form', handle: values.handle, skills: ['soudure', 'couture'], interests: ['vélo'], territoryId: territory.id, indexable: true });
    expect(row.links).toEqual([{ label: 'Blogue', url: 'https://example.org/blogue' }]);
    expect(row.privacy.bio).toBe('public');
    const page = await ctx.app.inject({ method: 'GET', url: '/moi?enregistre=1', headers: { cookie: s.cookie } });
    expect(page.body).toContain('Modifications enregistrées.');
  });

  it('shows the form with the search-engine box unticked by default', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const page = await ctx.app.inject({ method: 'GET', url: '/moi/profil', headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<input id="indexable" name="indexable" type="checkbox" value="on"\/>/);
    expect(page.body).toContain('<option value="members">Personnes connectées</option>');
    expect(page.body).toContain('aria-current="page"');
  });

  it('re-renders with each error beside its field, keeps the values and writes nothing', async () => {
    const user = await createUser(ctx);
    const other = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const values = profileForm(s.csrf, { handle: other.handle, skills: `ok, ${'z'.repeat(61)}`, 'links.1.label': 'Sans adresse', 'links.3.url': 'ftp://example.org' });
    const res = await ctx.app.inject({ method: 'POST', url: '/moi/profil', headers: { ...FORM, cookie: s.cookie }, payload: form(values) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Sans adresse');
    expect(res.body).toMatch(/id="skills-error">[^<]*Au plus 60 caractères/);
    expect(res.body).toMatch(/id="links.1.url-error">[^<]*Ce champ est obligatoire/);
    expect(res.body).toMatch(/id="links.3.url-error">[^<]*https:\/\//);
    expect(res.body).not.toContain('id="handle-error"'); // the handle is checked once the rest is valid
    expect((await rowOf(user.id)).displayName).toBe(user.displayName);
    const taken = await ctx.app.inject({ method: 'POST', url: '/moi/profil', headers: { ...FORM, cookie: s.cookie }, payload: form(profileForm(s.csrf, { handle: other.handle })) });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toMatch(/id="handle-error">[^<]*Cet identifiant est déjà pris/);
    expect((await rowOf(user.id)).handle).toBe(user.handle);
  });
});

describe('my page', () => {
  it('sends visitors to sign in', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/moi/profil' });
    expect([res.statusCode, res.headers.location]).toEqual([303, '/connexion?retour=%2Fmoi%2Fprofil']);
  });

  it('welcomes a newcomer and offers to resend the verification link', async () => {
    const user = await createUser(ctx, { verified: false });
    const s = await signIn(ctx, user.email);
    const page = await ctx.app.inject({ method: 'GET', url: '/moi?bienvenue=1', headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Bienvenue dans Espace Collectif!');
    expect(page.body).toContain('action="/moi/courriel/renvoyer"');
    const res = await ctx.app.inject({ method: 'POST', url: '/moi/courriel/renvoyer', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf }) });
    expect(res.statusCode).toBe(303);
    expect(await mailRepository.findLatestTo(ctx.database.db, user.email, 'verify_email')).toBeDefined();
    const after = await ctx.app.inject({ method: 'GET', url: res.headers.location as string, headers: { cookie: s.cookie } });
    expect(after.body).toContain('un nouveau lien vient de vous être envoyé');
  });

  it('shows no verification banner once the address is confirmed, and says who sees each field', async () => {
    const user = await createUser(ctx, { bio: 'Ma bio' });
    const s = await signIn(ctx, user.email);
    const page = await ctx.app.inject({ method: 'GET', url: '/moi', headers: { cookie: s.cookie } });
    expect(page.body).not.toContain('/moi/courriel/renvoyer');
    expect(page.body).toContain('Ma bio');
    expect(page.body).toContain('visible par : Moi seulement');
  });
});

describe('password change', () => {
  it('ends every other session, keeps me signed in with a fresh one', async () => {
    const user = await createUser(ctx);
    const other = await signIn(ctx, user.email);
    const s = await signIn(ctx, user.email);
    const res = await api('POST', '/api/v1/me/password', s.cookie, { currentPassword: PASSWORD, newPassword: 'une nouvelle phrase secrète' });
    expect(res.statusCode).toBe(200);
    const fresh = String(res.headers['set-cookie']).split(';')[0]!;
    expect(fresh).toMatch(/^ec_session=/);
    expect((await api('GET', '/api/v1/me', other.cookie)).statusCode).toBe(401);
    expect((await api('GET', '/api/v1/me', s.cookie)).statusCode).toBe(401);
    expect((await api('GET', '/api/v1/me', fresh)).statusCode).toBe(200);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it('refuses a wrong current password with a message on that field', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const res = await api('POST', '/api/v1/me/password', s.cookie, { currentPassword: 'pas le bon', newPassword: 'une nouvelle phrase secrète' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.currentPassword).toBe('Le mot de passe actuel est incorrect.');
    const page = await ctx.app.inject({ method: 'POST', url: '/moi/securite/mot-de-passe', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, currentPassword: 'pas le bon', newPassword: 'une nouvelle phrase secrète' }) });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Le mot de passe actuel est incorrect.');
    expect(page.body).not.toContain('une nouvelle phrase secrète');
  });

  it('works from the security page without JavaScript', async () => {
    const user = await createUser(ctx);
    const other = await signIn(ctx, user.email);
    const s = await signIn(ctx, user.email);
    const res = await ctx.app.inject({ method: 'POST', url: '/moi/securite/mot-de-passe', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, currentPassword: PASSWORD, newPassword: 'encore une autre phrase' }) });
    expect(res.statusCode).toBe(303);
    const fresh = String(res.headers['set-cookie']).split(';')[0]!;
    const page = await ctx.app.inject({ method: 'GET', url: res.headers.location as string, headers: { cookie: fresh } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('vos autres sessions ont été fermées');
    expect((await api('GET', '/api/v1/me', other.cookie)).statusCode).toBe(401);
  });
});

describe('personal access tokens', () => {
  it('lists my tokens without their secret, and a revoked token stops working', async () => {
    const user = await createUser(ctx);
    const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: user.email, password: PASSWORD, name: 'rapport' } });
    const { token, id } = created.json();
    const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: { authorization: `Bearer ${token}` } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([{ id, name: 'rapport', prefix: token.slice(0, 7), createdAt: expect.any(String), lastUsedAt: expect.any(String), expiresAt: expect.any(String) }]);
    const [row] = await ctx.database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(list.body).not.toContain(row!.tokenHash);
    expect(list.body).not.toContain(token);
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('cannot revoke someone else’s token', async () => {
    const owner = await createUser(ctx);
    const intruder = await createUser(ctx);
    const { id } = (await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: owner.email, password: PASSWORD } })).json();
    const s = await signIn(ctx, intruder.email);
    const res = await api('DELETE', `/api/v1/me/tokens/${id}`, s.cookie);
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'TOKEN_NOT_FOUND']);
    const [row] = await ctx.database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.revokedAt).toBeNull();
  });

  it('creates a token from the security page, shows it once, and revokes it with a button', async () => {
    const user = await createUser(ctx);
    const s = await signIn(ctx, user.email);
    const res = await ctx.app.inject({ method: 'POST', url: '/moi/securite/jetons', headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, name: 'Mon script' }) });
    expect(res.statusCode).toBe(200);
    const token = /class="token-value">(ec_[A-Za-z0-9_-]+)</.exec(res.body)?.[1];
    expect(token).toBeDefined();
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    const again = await ctx.app.inject({ method: 'GET', url: '/moi/securite', headers: { cookie: s.cookie } });
    expect(again.body).toContain('Mon script');
    expect(again.body).not.toContain(token!);
    const [row] = await ctx.database.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    const revoke = await ctx.app.inject({ method: 'POST', url: `/moi/securite/jetons/${row!.id}/revoquer`, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf }) });
    expect(revoke.statusCode).toBe(303);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('does not let a token mint more tokens', async () => {
    const user = await createUser(ctx);
    const { token } = (await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email: user.email, password: PASSWORD } })).json();
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: 'enfant' } })).statusCode).toBe(403);
  });
});
