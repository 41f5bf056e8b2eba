import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createTerritory, createUser, FORM, form, signIn } from '../helpers/factories.js';

let ctx: TestContext;
let territoryId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(() => ctx.close());

type Session = { cookie: string; csrf: string };
async function person(locale: 'fr' | 'en' = 'fr') {
  const user = await createUser(ctx, { territoryId, locale });
  return { user, s: await signIn(ctx, user.email) };
}
const api = (s: Session | null, method: 'GET' | 'PATCH', payload?: object) =>
  ctx.app.inject({ method, url: '/api/v1/me/notification-settings', headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });

describe('GET/PATCH /api/v1/me/notification-settings', () => {
  it('starts with the defaults, changes any subset, and replaces the opt-out list', async () => {
    const { s } = await person();
    const initial = await api(s, 'GET');
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toMatchObject({ digest: 'weekly', immediate: 'on', emailOptOuts: [], updatedAt: null });
    expect(initial.json().availableOptOuts).toContain('pledge.proposed');

    const changed = await api(s, 'PATCH', { digest: 'daily', emailOptOuts: ['comment.new', 'comment.new', 'pledge.thanks'] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ digest: 'daily', immediate: 'on', emailOptOuts: ['comment.new', 'pledge.thanks'] });
    expect(changed.json().updatedAt).not.toBeNull();
    const again = await api(s, 'PATCH', { immediate: 'off', emailOptOuts: [] });
    expect(again.json()).toMatchObject({ digest: 'daily', immediate: 'off', emailOptOuts: [] });
    expect((await api(s, 'GET')).json()).toMatchObject({ digest: 'daily', immediate: 'off', emailOptOuts: [] });
  });

  it('validates: unknown frequency, unknown kind, unknown field; needs a signed-in person', async () => {
    const { s } = await person('en');
    const badDigest = await api(s, 'PATCH', { digest: 'hourly' });
    expect(badDigest.statusCode).toBe(400);
    expect(badDigest.json().error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(badDigest.json().error.details.fields)).toEqual(['digest']);
    const badKind = await api(s, 'PATCH', { emailOptOuts: ['pledge.nope'] });
    expect(badKind.statusCode).toBe(400);
    expect(Object.keys(badKind.json().error.details.fields)[0]).toMatch(/^emailOptOuts/);
    expect((await api(s, 'PATCH', { digest: 'daily', extra: true })).statusCode).toBe(400);
    expect((await api(s, 'GET')).json().digest).toBe('weekly');
    expect((await api(null, 'GET')).statusCode).toBe(401);
    expect((await api(null, 'PATCH', { digest: 'off' })).statusCode).toBe(401);
  });
});

describe('/moi/notifications page', () => {
  it('shows the form (fieldsets, translated kinds), saves without JavaScript, and is linked from /moi', async () => {
    const { s } = await person('fr');
    const me = await ctx.app.inject({ method: 'GET', url: '/moi', headers: { cookie: s.cookie } });
    expect(me.body).toContain('href="/moi/notifications"');
    const page = await ctx.app.inject({ method: 'GET', url: '/moi/notifications', headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<legend>Résumé par courriel</legend>');
    expect(page.body).toContain('<legend>Ne jamais m’envoyer par courriel</legend>');
    expect(page.body).toContain('On me mentionne dans un commentaire');
    expect(page.body).toMatch(/id="digest" name="digest" value="weekly" checked/);

    const body = new URLSearchParams({ _csrf: s.csrf, digest: 'off', immediate: 'off' });
    body.append('emailOptOuts', 'comment.mention');
    body.append('emailOptOuts', 'pledge.thanks');
    const saved = await ctx.app.inject({ method: 'POST', url: '/moi/notifications', headers: { cookie: s.cookie, ...FORM }, payload: body.toString() });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/moi/notifications?enregistre=1');
    const after = await ctx.app.inject({ method: 'GET', url: '/moi/notifications?enregistre=1', headers: { cookie: s.cookie } });
    expect(after.body).toContain('Vos préférences sont enregistrées.');
    expect((await api(s, 'GET')).json()).toMatchObject({ digest: 'off', immediate: 'off', emailOptOuts: ['comment.mention', 'pledge.thanks'] });
    // No box ticked: the list is emptied.
    await ctx.app.inject({ method: 'POST', url: '/moi/notifications', headers: { cookie: s.cookie, ...FORM }, payload: form({ _csrf: s.csrf, digest: 'weekly', immediate: 'on' }) });
    expect((await api(s, 'GET')).json()).toMatchObject({ digest: 'weekly', emailOptOuts: [] });
  });

  it('re-renders with translated errors and the values kept', async () => {
    for (const [locale, message] of [['fr', 'Choisissez'], ['en', 'Choose']] as const) {
      const { s } = await person(locale);
      const res = await ctx.app.inject({ method: 'POST', url: '/moi/notifications', headers: { cookie: s.cookie, ...FORM }, payload: form({ _csrf: s.csrf, digest: 'hourly', immediate: 'off', emailOptOuts: 'comment.new' }) });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('error-summary');
      expect(res.body).toContain('id="digest-error"');
      expect(res.body).toContain(message);
      expect(res.body).toMatch(/value="comment.new" checked/);
      expect(res.body).toMatch(/id="immediate-off" name="immediate" value="off" checked/);
    }
  });

  it('sends visitors to sign in', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/moi/notifications' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/connexion');
  });
});
