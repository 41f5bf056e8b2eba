import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createTerritory, createUser, signIn } from '../helpers/factories.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { type ProfilePrivacy } from '../../src/modules/auth/auth.domain.js';

let ctx: TestContext;
let territoryId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx, { nameFr: 'Villeray-Sud', nameEn: 'South Villeray' })).id;
});
afterAll(() => ctx.close());

const MIXED: ProfilePrivacy = { photo: 'private', bio: 'public', skills: 'members', interests: 'private', territory: 'public', links: 'members' };

/** A person whose every field says who it is for, so a page shows plainly what leaked. */
async function mixedPerson(o: { indexable?: boolean } = {}) {
  const user = await createUser(ctx, { territoryId, privacy: MIXED, bio: 'Bio pour tout le monde', skills: ['compétence-des-membres'] });
  await ctx.database.db.update(users).set({
    interests: ['intérêt-privé'], links: [{ label: 'Lien des membres', url: 'https://example.org/membres' }], photoKey: 'PhotoPriveePhotoPrivee.webp', indexable: o.indexable ?? false,
  }).where(eq(users.id, user.id));
  return user;
}

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

describe('privacy of a personal page, per field and per viewer', () => {
  it('shows a visitor only the public fields, in the API and on the page', async () => {
    const person = await mixedPerson();
    const api = await get(`/api/v1/people/${person.handle}`);
    expect(api.statusCode).toBe(200);
    expect(api.json()).toEqual({
      handle: person.handle, displayName: person.displayName, photoUrl: null, bio: 'Bio pour tout le monde', skills: null, interests: null,
      territory: { slug: expect.any(String), name: 'Villeray-Sud' }, links: null, badges: [],
    });
    const page = await get(`/membres/${person.handle}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(person.displayName);
    expect(page.body).toContain('Bio pour tout le monde');
    expect(page.body).toContain('Villeray-Sud');
    expect(page.body).not.toContain('compétence-des-membres');
    expect(page.body).not.toContain('intérêt-privé');
    expect(page.body).not.toContain('Lien des membres');
    expect(page.body).not.toContain('PhotoPrivee');
  });

  it('shows another signed-in member the public and members fields, never the private ones', async () => {
    const person = await mixedPerson();
    const other = await createUser(ctx);
    const s = await signIn(ctx, other.email);
    const api = (await get(`/api/v1/people/${person.handle}`, { cookie: s.cookie })).json();
    expect(api.skills).toEqual(['compétence-des-membres']);
    expect(api.links).toEqual([{ label: 'Lien des membres', url: 'https://example.org/membres' }]);
    expect(api.interests).toBeNull();
    expect(api.photoUrl).toBeNull();
    const page = await get(`/membres/${person.handle}`, { cookie: s.cookie });
    expect(page.body).toContain('compétence-des-membres');
    expect(page.body).toContain('Lien des membres');
    expect(page.body).not.toContain('intérêt-privé');
    expect(page.body).not.toContain('PhotoPrivee');
  });

  it('shows the owner everything, and lets them preview their page as a visitor', async () => {
    const person = await mixedPerson();
    const s = await signIn(ctx, person.email);
    const api = (await get(`/api/v1/people/${person.handle}`, { cookie: s.cookie })).json();
    expect(api.interests).toEqual(['intérêt-privé']);
    expect(api.photoUrl).toBe('/media/PhotoPriveePhotoPrivee.webp');
    const page = await get(`/membres/${person.handle}`, { cookie: s.cookie });
    expect(page.body).toContain('intérêt-privé');
    expect(page.body).toContain('src="/media/PhotoPriveePhotoPrivee.webp"');
    const preview = await get(`/membres/${person.handle}?apercu=visiteur`, { cookie: s.cookie });
    expect(preview.body).toContain('Aperçu');
    expect(preview.body).not.toContain('compétence-des-membres');
    expect(preview.body).not.toContain('intérêt-privé');
  });

  it('never lets a preview widen what a visitor sees', async () => {
    const person = await mixedPerson();
    const page = await get(`/membres/${person.handle}?apercu=membre`);
    expect(page.body).not.toContain('compétence-des-membres');
  });

  it('never shows the e-mail address, to anyone', async () => {
    const person = await mixedPerson();
    const s = await signIn(ctx, person.email);
    for (const headers of [{}, { cookie: s.cookie }] as Record<string, string>[]) {
      expect((await get(`/api/v1/people/${person.handle}`, headers)).body).not.toContain(person.email);
      expect((await get(`/membres/${person.handle}`, headers)).body).not.toContain(person.email);
    }
  });
});

describe('the personal page', () => {
  it('is reachable in English as /members/:handle, with inert outbound links', async () => {
    const person = await mixedPerson();
    await ctx.database.db.update(users).set({ privacy: { ...MIXED, links: 'public', skills: 'public' } }).where(eq(users.id, person.id));
    const page = await get(`/members/${person.handle}?lang=en`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Skills offered');
    expect(page.body).toContain('<li class="tag">compétence-des-membres</li>');
    expect(page.body).toMatch(/<a href="https:\/\/example.org\/membres" rel="nofollow ugc noopener"[^>]*>Lien des membres<\/a>/);
  });

  it('asks search engines not to index it unless the person allowed it', async () => {
    const hidden = await mixedPerson({ indexable: false });
    const listed = await mixedPerson({ indexable: true });
    expect((await get(`/membres/${hidden.handle}`)).body).toContain('<meta name="robots" content="noindex"/>');
    expect((await get(`/membres/${listed.handle}`)).body).not.toContain('name="robots"');
  });

  it('shows initials when there is no photo', async () => {
    const person = await createUser(ctx, { displayName: 'Rosalie Tanguay' });
    const page = await get(`/membres/${person.handle}`);
    expect(page.body).toContain('<span class="avatar" aria-hidden="true">RT</span>');
  });

  it('answers "person not found" in the reader’s language for unknown, suspended and deleted people', async () => {
    const suspended = await createUser(ctx);
    const deleted = await createUser(ctx);
    await ctx.database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspended.id));
    await ctx.database.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, deleted.id));
    for (const handle of ['personne-inconnue', suspended.handle, deleted.handle, '..%2F..%2Fetc']) {
      const fr = await get(`/api/v1/people/${handle}`);
      expect(fr.statusCode).toBe(404);
      expect(fr.json().error).toMatchObject({ code: 'PERSON_NOT_FOUND', message: 'Cette personne est introuvable.' });
      const en = await get(`/api/v1/people/${handle}`, { 'accept-language': 'en' });
      expect(en.json().error.message).toBe('This person cannot be found.');
      const page = await get(`/members/${handle}?lang=en`);
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('This person cannot be found.');
      expect(page.body).toContain('lang="en-CA"');
    }
    const frPage = await get('/membres/personne-inconnue');
    expect(frPage.body).toContain('Cette personne est introuvable.');
  });
});
