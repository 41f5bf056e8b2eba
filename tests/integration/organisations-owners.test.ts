/** Organisations with an owner: creation, ownership, the logo, signing up for one (the rest: organisations-*.test.ts). */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { FORM, form } from '../helpers/factories.js';
import { organisationMembers } from '../../src/modules/organisations/organisations.tables.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import sharp from 'sharp';
import { api, ctx, newOrganisation, orgRow, person, type Session, territory, useOrganisationsApp } from './organisations.fixtures.js';

useOrganisationsApp();

describe('organisations with an owner', () => {
  it('makes the creator its owner and checks the NEQ is 10 digits, in each language', async () => {
    const owner = await person();
    const created = await newOrganisation(owner, { neq: '1234 567 890' });
    expect(created.members).toEqual([expect.objectContaining({ role: 'owner' })]);
    expect(created.neq).toBe('1234567890');
    const bad = await api(owner.s, 'POST', '/api/v1/organisations', { name: 'Mauvais NEQ', kind: 'business', neq: '12345' });
    expect(bad.json().error.details.fields).toEqual({ neq: 'Le NEQ compte exactement 10 chiffres.' });
    const english = await person({ locale: 'en' });
    const en = await api(english.s, 'POST', '/api/v1/organisations', { name: 'Bad NEQ', kind: 'business', neq: 'abcdefghij' });
    expect(en.json().error.details.fields).toEqual({ neq: 'The NEQ has exactly 10 digits.' });
  });

  it('never leaves an organisation without an owner: the owner transfers first, then may leave', async () => {
    const owner = await person();
    const { slug } = await newOrganisation(owner);
    const next = await person();
    const org = await orgRow(slug);
    await ctx.database.db.insert(organisationMembers).values({ organisationId: org.id, userId: next.user.id, role: 'member' });
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/leave`)).json().error.code).toBe('OWNER_REQUIRED');
    expect((await api(next.s, 'POST', `/api/v1/organisations/${slug}/transfer`, { handle: owner.user.handle, confirm: true })).json().error.code).toBe('NOT_OWNER');
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/transfer`, { handle: next.user.handle })).json().error.details.fields).toEqual({ confirm: 'Cochez la case pour confirmer le transfert.' });
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/transfer`, { handle: next.user.handle, confirm: true })).statusCode).toBe(204);
    expect((await api(owner.s, 'POST', `/api/v1/organisations/${slug}/leave`)).statusCode).toBe(204);
    const roles = await ctx.database.db.select().from(organisationMembers).where(eq(organisationMembers.organisationId, org.id));
    expect(roles.map((r) => [r.userId, r.role])).toEqual([[next.user.id, 'owner']]);
    expect((await api(next.s, 'POST', `/api/v1/organisations/${slug}/members`, { handle: next.user.handle, role: 'member' })).json().error.code).toBe('NOT_OWNER');
  });
});

describe('the logo', () => {
  it('goes through the media pipeline (re-encoded WebP) for owners and representatives only', async () => {
    const owner = await person();
    const { slug } = await newOrganisation(owner);
    const image = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#5b2a86' } }).png().toBuffer();
    const boundary = '----ec-logo';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n`), image, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const put = (s: Session) => ctx.app.inject({ method: 'PUT', url: `/api/v1/organisations/${slug}/logo`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    const stranger = await person();
    expect((await put(stranger.s)).statusCode).toBe(403);
    expect((await put(owner.s)).statusCode).toBe(204);
    const logoUrl = (await api(null, 'GET', `/api/v1/organisations/${slug}`)).json<{ logoUrl: string }>().logoUrl;
    expect(logoUrl).toMatch(/^\/media\/[\w-]+\.webp$/);
    const file = await ctx.app.inject({ method: 'GET', url: logoUrl, headers: { cookie: owner.s.cookie } });
    expect(file.headers['content-type']).toBe('image/webp');
    expect((await sharp(file.rawPayload).metadata()).width).toBe((await sharp(file.rawPayload).metadata()).height);
  });
});

describe('signing up for an organisation', () => {
  it('asks "for yourself or for an organisation?" and leads to creating it once the address is verified', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/inscription?pour=organisme' });
    expect(page.body).toContain('Vous vous inscrivez…');
    expect(page.body).toMatch(/value="organisation"[^>]*checked/);
    const anon = await ctx.app.inject({ method: 'GET', url: '/connexion' });
    const cookie = [anon.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(anon.body)![1]!;
    const email = `org-${Date.now()}@example.test`;
    const res = await ctx.app.inject({ method: 'POST', url: '/inscription', headers: { ...FORM, cookie }, payload: form({ _csrf: csrf, displayName: 'Nadia Roy', email, password: 'correct horse battery', territory: territory.slug, locale: 'fr', ageConfirmed: 'on', acceptTerms: 'on', joiningAs: 'organisation' }) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('vous pourrez inscrire votre organisme');
    const next = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('ec_signup_org='));
    expect(next).toBeDefined();
    const [mail] = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
    const token = /token=([\w-]+)/.exec(mail!.textBody)![1]!;
    const verified = await ctx.app.inject({ method: 'POST', url: '/verifier-courriel', headers: { ...FORM, cookie: `${cookie}; ec_signup_org=1` }, payload: form({ _csrf: csrf, token }) });
    expect(verified.statusCode).toBe(303);
    expect(verified.headers.location).toBe('/organisations/nouvelle?bienvenue=1');
  });
});
