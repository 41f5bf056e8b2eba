import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createTerritory, createUser, signIn } from '../helpers/factories.js';
import { createCallFixture } from './calls.fixtures.js';
import { calls } from '../../src/modules/calls/calls.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { activities, follows } from '../../src/modules/social/social.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { newId } from '../../src/db/ids.js';
import { runPhaseTick } from '../../src/modules/calls/calls.service.js';
import { notificationMailRepository } from '../../src/modules/notifications/notifications.mail.repository.js';

let ctx: TestContext;
let borough: { id: string };
let here: { id: string; slug: string };
let street: { id: string };
let there: { id: string; slug: string };
let caisse: { id: string; name: string };
type Session = { cookie: string; csrf: string };
type Person = { id: string; email: string };
let resident: Person;
let streetResident: Person;
let elsewhere: Person;
let follower: Person;
let suspended: Person;
const DAY = 86_400_000;

const api = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: object, lang: 'fr' | 'en' = 'fr') =>
  ctx.app.inject({ method, url, headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), 'accept-language': lang }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  ctx = await createTestApp();
  borough = await createTerritory(ctx, { kind: 'borough' });
  here = await createTerritory(ctx, { parentId: borough.id, nameFr: 'Quartier Ici', nameEn: 'Here Neighbourhood' });
  street = await createTerritory(ctx, { parentId: here.id });
  there = await createTerritory(ctx, { parentId: borough.id });
  caisse = await createCaisse(ctx, { territoryIds: [here.id] });
  resident = await createUser(ctx, { territoryId: here.id });
  streetResident = await createUser(ctx, { territoryId: street.id, locale: 'en' });
  elsewhere = await createUser(ctx, { territoryId: there.id });
  follower = await createUser(ctx, { territoryId: there.id });
  await ctx.database.db.insert(follows).values({ followerId: follower.id, targetType: 'territory', targetId: here.id });
  suspended = await createUser(ctx, { territoryId: here.id });
  await ctx.database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspended.id));
});
afterAll(() => ctx.close());

/** A call of the caisse for `here`, published and due to open (the job opens it). */
async function scheduledCall() {
  const call = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id], phase: 'draft' });
  await ctx.database.db.update(calls).set({ publishedAt: new Date(Date.now() - DAY) }).where(eq(calls.id, call.id));
  return call;
}
const activitiesOf = (callId: string) => ctx.database.db.select().from(activities).where(and(eq(activities.subjectType, 'call'), eq(activities.subjectId, callId)));
const notesOf = (callId: string) => ctx.database.db.select().from(notifications).where(and(eq(notifications.kind, 'call.opened'), eq(notifications.subjectId, callId)));
type FeedItem = { kind: string; url: string; text: string; why: { type: string; text: string }; card: { summary: string | null } };
const feedOf = async (p: Person, lang: 'fr' | 'en' = 'fr'): Promise<FeedItem[]> => (await api(await signIn(ctx, p.email), 'GET', '/api/v1/feed?limit=50', undefined, lang)).json<{ items: FeedItem[] }>().items;

describe('a call that opens reaches the people of its territories', () => {
  it('the phases job records one activity and one notification per resident, even when ticks race or repeat', async () => {
    const call = await scheduledCall();
    const [a, b] = await Promise.all([runPhaseTick({ db: ctx.database.db }), runPhaseTick({ db: ctx.database.db })]);
    expect([...a, ...b].filter((m) => m.id === call.id)).toEqual([{ id: call.id, phase: 'open' }]);
    await runPhaseTick({ db: ctx.database.db });

    const recorded = await activitiesOf(call.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: 'call_opened', actorId: null, territoryId: here.id, data: { title: `Appel ${call.slug}`, slug: call.slug, caisseName: caisse.name } });
    const notes = await notesOf(call.id);
    // Residents of the call's neighbourhood and of the places below it; not elsewhere, not a mere follower, not a suspended account.
    expect(notes.map((n) => n.userId).sort()).toEqual([resident.id, streetResident.id].sort());
    expect(notes[0]).toMatchObject({ url: `/appels/${call.slug}`, subjectType: 'call', readAt: null });
  });

  it('shows in the feeds of residents and followers, with a reason and a link, in both languages; not elsewhere', async () => {
    const call = await scheduledCall();
    await runPhaseTick({ db: ctx.database.db });
    const mine = (await feedOf(resident)).find((i) => i.kind === 'call_opened' && i.url === `/appels/${call.slug}`);
    expect(mine).toMatchObject({ text: `Nouvel appel à projets : Appel ${call.slug}`, why: { type: 'home', text: expect.stringContaining('Quartier Ici') }, card: { summary: 'Un appel de test.' } });
    const below = (await feedOf(streetResident, 'en')).find((i) => i.url === `/appels/${call.slug}`);
    expect(below).toMatchObject({ text: `New call for projects: Appel ${call.slug}`, why: { type: 'home' } });
    expect((await feedOf(follower)).find((i) => i.url === `/appels/${call.slug}`)).toMatchObject({ why: { type: 'territory', text: expect.stringContaining('Quartier Ici') } });
    expect((await feedOf(elsewhere)).some((i) => i.url === `/appels/${call.slug}`)).toBe(false);
    // The territory's public feed shows it too, and the bell has it.
    expect((await api(null, 'GET', `/api/v1/feed?territory=${here.slug}`)).json().items.some((i: FeedItem) => i.url === `/appels/${call.slug}`)).toBe(true);
    const bell = (await api(await signIn(ctx, streetResident.email), 'GET', '/api/v1/notifications')).json();
    expect(bell.items.find((n: { url: string }) => n.url === `/appels/${call.slug}`)).toMatchObject({ kind: 'call.opened', text: `A call for projects is open in your neighbourhood: “Appel ${call.slug}” (${caisse.name}).` });

    // Moderation still rules: a hidden activity leaves every feed.
    await ctx.database.db.update(activities).set({ hiddenAt: new Date() }).where(eq(activities.subjectId, call.id));
    expect((await feedOf(resident)).some((i) => i.url === `/appels/${call.slug}`)).toBe(false);
  });

  it('tells a large neighbourhood in one set-based insert, once', async () => {
    const big = await createTerritory(ctx, { parentId: borough.id });
    const bigCaisse = await createCaisse(ctx, { territoryIds: [big.id] });
    const people = Array.from({ length: 2000 }, (_, i) => ({ id: newId(), email: `big-${i}-${big.id}@example.test`, passwordHash: 'x', displayName: `Voisin ${i}`, handle: `big-${i}-${big.id.slice(0, 6).toLowerCase()}`, territoryId: big.id, privacy: {} as never }));
    for (let i = 0; i < people.length; i += 500) await ctx.database.db.insert(users).values(people.slice(i, i + 500));
    const call = await createCallFixture(ctx, { caisseId: bigCaisse.id, territoryIds: [big.id], phase: 'draft' });
    await ctx.database.db.update(calls).set({ publishedAt: new Date(Date.now() - DAY) }).where(eq(calls.id, call.id));
    await Promise.all([runPhaseTick({ db: ctx.database.db }), runPhaseTick({ db: ctx.database.db })]);
    await runPhaseTick({ db: ctx.database.db });
    const notes = await notesOf(call.id);
    expect(notes).toHaveLength(2000);
    expect(new Set(notes.map((n) => n.userId)).size).toBe(2000);
  });

  it('a staff opening announces once too, and the digest carries it unless the person opted out', async () => {
    const staff = await signIn(ctx, (await createUser(ctx, { role: { role: 'staff', caisseId: caisse.id } })).email);
    const call = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [here.id], phase: 'draft' });
    const opened = await api(staff, 'POST', `/api/v1/calls/${call.id}/transitions`, { to: 'open' });
    expect([opened.statusCode, opened.json().phase]).toEqual([200, 'open']);
    expect(await runPhaseTick({ db: ctx.database.db })).not.toContainEqual(expect.objectContaining({ id: call.id }));
    expect(await activitiesOf(call.id)).toHaveLength(1);
    expect((await notesOf(call.id)).map((n) => n.userId).sort()).toEqual([resident.id, streetResident.id].sort());

    const digest = await ctx.database.db.transaction((tx) => notificationMailRepository.digestItems(tx, resident.id, 50));
    expect(digest.some((n) => n.kind === 'call.opened')).toBe(true);
    await notificationMailRepository.saveSettings(ctx.database.db, resident.id, { digest: 'weekly', immediate: 'on', emailOptOuts: ['call.opened'] });
    const after = await ctx.database.db.transaction((tx) => notificationMailRepository.digestItems(tx, resident.id, 50));
    expect(after.some((n) => n.kind === 'call.opened')).toBe(false);
  });
});
