import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createNeed, createProject, createTerritory } from '../helpers/factories.js';
import { activities, follows } from '../../src/modules/social/social.tables.js';
import { projects } from '../../src/modules/projects/projects.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { activity, api, borough, ctx, feed, follow, inDays, person, territory, useFeedApp } from './feed.fixtures.js';

useFeedApp();

describe('activities are recorded by the events themselves', () => {
  it('publishing, an update, a need met, a pledge fulfilled and an offer each leave one activity', async () => {
    const promoter = await person({ territoryId: territory.id });
    const supporter = await person({ territoryId: territory.id });
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, status: 'draft', title: 'Frigo partagé Jarry' });
    expect((await api(promoter.s, 'POST', `/api/v1/projects/${project.id}/transitions`, { to: 'published' })).statusCode).toBe(200);
    expect((await api(promoter.s, 'POST', `/api/v1/projects/${project.id}/updates`, { title: 'Le frigo est branché', body: 'Merci à tous!' })).statusCode).toBe(201);
    const need = await createNeed(ctx, { projectId: project.id, quantity: 4, title: 'Bénévoles du samedi' });
    const pledge = await api(supporter.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 4, startDate: inDays(2), showName: true });
    expect(pledge.statusCode).toBe(201);
    const pledgeId = pledge.json().id as string;
    expect((await api(promoter.s, 'POST', `/api/v1/pledges/${pledgeId}/transitions`, { to: 'accepted' })).statusCode).toBe(200);
    expect((await api(supporter.s, 'POST', `/api/v1/pledges/${pledgeId}/transitions`, { to: 'fulfilled' })).statusCode).toBe(200);
    expect((await api(promoter.s, 'POST', `/api/v1/pledges/${pledgeId}/transitions`, { to: 'fulfilled' })).statusCode).toBe(200);
    const rows = await ctx.database.db.select().from(activities).where(eq(activities.projectId, project.id));
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]));
    expect(rows.map((r) => r.kind).sort()).toEqual(['need_met', 'pledge_fulfilled', 'project_published', 'project_update']);
    expect(byKind.project_published).toMatchObject({ actorId: promoter.user.id, subjectType: 'project', territoryId: territory.id, data: { projectTitle: 'Frigo partagé Jarry' } });
    expect(byKind.project_update).toMatchObject({ subjectType: 'update', data: { projectTitle: 'Frigo partagé Jarry', title: 'Le frigo est branché' } });
    expect(byKind.need_met).toMatchObject({ subjectType: 'need', subjectId: need.id, data: { needTitle: 'Bénévoles du samedi' } });
    expect(byKind.pledge_fulfilled).toMatchObject({ actorId: supporter.user.id, subjectType: 'pledge', subjectId: pledgeId });
    const offer = await api(supporter.s, 'POST', '/api/v1/offers', { kind: 'expertise', title: 'Deux heures de comptabilité', territories: [territory.slug] });
    expect(offer.statusCode, offer.body).toBe(201);
    const [offerActivity] = await ctx.database.db.select().from(activities).where(and(eq(activities.subjectType, 'offer'), eq(activities.subjectId, offer.json().id)));
    expect(offerActivity).toMatchObject({ kind: 'offer_published', actorId: supporter.user.id, territoryId: territory.id, data: { title: 'Deux heures de comptabilité' } });
  });

  it('does not name a supporter who chose to stay anonymous', async () => {
    const promoter = await person();
    const supporter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id });
    const need = await createNeed(ctx, { projectId: project.id, quantity: 10 });
    const pledgeId = (await api(supporter.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 2, startDate: inDays(2) })).json().id as string;
    await api(promoter.s, 'POST', `/api/v1/pledges/${pledgeId}/transitions`, { to: 'accepted' });
    await api(supporter.s, 'POST', `/api/v1/pledges/${pledgeId}/transitions`, { to: 'fulfilled' });
    await api(promoter.s, 'POST', `/api/v1/pledges/${pledgeId}/transitions`, { to: 'fulfilled' });
    const rows = await ctx.database.db.select().from(activities).where(eq(activities.projectId, project.id));
    expect(rows.map((r) => [r.kind, r.actorId])).toEqual([['pledge_fulfilled', null]]);
  });
});

describe('the following feed', () => {
  it('shows what I follow and my neighbourhood, each with its reason, in French and English', async () => {
    const reader = await person({ territoryId: territory.id });
    const promoter = await person({ displayName: 'Amina Promotrice' });
    const far = await createTerritory(ctx);
    const followed = await createProject(ctx, { promoterId: promoter.user.id, territoryId: far.id, title: 'Atelier vélo Jarry' });
    const elsewhere = await createProject(ctx, { promoterId: promoter.user.id, territoryId: far.id, title: 'Projet ailleurs' });
    await follow(reader.s, 'project', followed.id);
    const a1 = await activity({ kind: 'project_published', projectId: followed.id, actorId: promoter.user.id, territoryId: far.id, subjectType: 'project', subjectId: followed.id, data: { projectTitle: 'Atelier vélo Jarry' } });
    const a2 = await activity({ kind: 'offer_published', actorId: promoter.user.id, territoryId: territory.id, subjectType: 'offer', subjectId: 'no-such-offer', data: { title: 'Prêt de remorque' } });
    const a3 = await activity({ kind: 'need_met', projectId: elsewhere.id, territoryId: far.id, subjectType: 'need', data: { projectTitle: 'Projet ailleurs', needTitle: 'X' } });
    const mine = (await feed(reader.s, 'scope=following')).items;
    const ids = mine.flatMap((i) => i.activityIds);
    expect(ids).toContain(a1);
    expect(ids).not.toContain(a2); // its offer does not exist (deleted offers vanish)
    expect(ids).not.toContain(a3); // not followed, not in my neighbourhood
    const item = mine.find((i) => i.id === a1)!;
    expect(item).toMatchObject({ kind: 'project_published', count: 1, url: `/projets/${followed.id}`, text: 'Amina Promotrice a publié le projet Atelier vélo Jarry', why: { type: 'project', text: 'Parce que vous suivez le projet Atelier vélo Jarry' } });
    const en = (await feed(reader.s, 'scope=following', { 'accept-language': 'en', cookie: `${reader.s.cookie}` })).items;
    expect(en.find((i) => i.id === a1)?.why.text).toBeDefined();
    const home = await activity({ kind: 'project_update', projectId: (await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, title: 'Jardin Villeray' })).id, territoryId: territory.id, subjectType: 'update', data: { projectTitle: 'Jardin Villeray', title: 'Récolte' } });
    const withHome = (await feed(reader.s, 'scope=following')).items.find((i) => i.id === home)!;
    expect(withHome.why).toMatchObject({ type: 'home', text: `Dans votre quartier, ${territory.nameFr}` });
    expect(withHome.text).toBe('Nouvelles de Jardin Villeray : Récolte');
  });

  it('speaks the reader’s language', async () => {
    const reader = await person({ locale: 'en' });
    const promoter = await person({ displayName: 'Amina P' });
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, title: 'Bike workshop' });
    await follow(reader.s, 'project', project.id);
    const id = await activity({ kind: 'project_published', projectId: project.id, actorId: promoter.user.id, territoryId: territory.id, subjectType: 'project', subjectId: project.id, data: { projectTitle: 'Bike workshop' } });
    const item = (await feed(reader.s, 'scope=following')).items.find((i) => i.id === id)!;
    expect([item.text, item.why.text]).toEqual(['Amina P published the project Bike workshop', 'Because you follow the project Bike workshop']);
  });

  it('covers the territories below a followed one, and people', async () => {
    const reader = await person();
    const neighbour = await person({ displayName: 'Marc Voisin' });
    await follow(reader.s, 'territory', borough.id);
    await follow(reader.s, 'user', neighbour.user.id);
    const inChild = await activity({ kind: 'offer_published', actorId: null, territoryId: territory.id, subjectType: 'offer', data: { title: 'x' } });
    const byPerson = await activity({ kind: 'project_published', actorId: neighbour.user.id, subjectType: 'project', data: { projectTitle: 'y' } });
    // an offer activity needs its offer: give this one a subject that stays visible
    await ctx.database.db.update(activities).set({ subjectType: 'need' }).where(eq(activities.id, inChild));
    const items = (await feed(reader.s, 'scope=following&limit=50')).items;
    expect(items.find((i) => i.id === inChild)?.why).toMatchObject({ type: 'territory', name: 'Arrondissement test' });
    expect(items.find((i) => i.id === byPerson)?.why).toMatchObject({ type: 'user', text: 'Parce que vous suivez Marc Voisin' });
  });

  it('never shows hidden activities, nor those of hidden, draft or archived projects', async () => {
    const reader = await person();
    const promoter = await person();
    const [pub, hidden, draft, archived] = await Promise.all(['published', 'published', 'draft', 'archived'].map((status) => createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, status: status as 'published' })));
    for (const p of [pub, hidden, draft, archived]) await ctx.database.db.insert(follows).values({ followerId: reader.user.id, targetType: 'project', targetId: p!.id });
    await ctx.database.db.update(projects).set({ hiddenAt: new Date(), hiddenReason: 'x' }).where(eq(projects.id, hidden!.id));
    const here = { territoryId: territory.id };
    const visible = await activity({ projectId: pub!.id, data: { projectTitle: 'ok' }, ...here });
    const hiddenRow = await activity({ projectId: pub!.id, hidden: true, ...here });
    const ofHidden = await activity({ projectId: hidden!.id, ...here });
    const ofDraft = await activity({ projectId: draft!.id, ...here });
    const ofArchived = await activity({ projectId: archived!.id, ...here });
    const ids = (await feed(reader.s, 'scope=following&limit=100')).items.flatMap((i) => i.activityIds);
    expect(ids).toContain(visible);
    for (const id of [hiddenRow, ofHidden, ofDraft, ofArchived]) expect(ids).not.toContain(id);
    const public_ = (await feed(null, `territory=${territory.slug}&limit=100`)).items.flatMap((i) => i.activityIds);
    expect(public_).toContain(visible);
    for (const id of [hiddenRow, ofHidden, ofDraft, ofArchived]) expect(public_).not.toContain(id);
  });

  it('hides the activities of a suspended person, and shows them again on unsuspension', async () => {
    const reader = await person();
    const actor = await person();
    const project = await createProject(ctx, { promoterId: actor.user.id, territoryId: territory.id });
    await follow(reader.s, 'project', project.id);
    await follow(reader.s, 'user', actor.user.id);
    const byActor = await activity({ kind: 'project_update', projectId: project.id, actorId: actor.user.id, territoryId: territory.id, subjectType: 'update', data: { projectTitle: 'P', title: 't' } });
    const ids = async () => [...(await feed(reader.s, 'scope=following&limit=100')).items, ...(await feed(null, `territory=${territory.slug}&limit=100`)).items].flatMap((i) => i.activityIds);
    expect(await ids()).toContain(byActor);
    await ctx.database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, actor.user.id));
    expect(await ids()).not.toContain(byActor);
    await ctx.database.db.update(users).set({ suspendedAt: null }).where(eq(users.id, actor.user.id));
    expect(await ids()).toContain(byActor);
  });

  it('needs a signed-in person', async () => {
    expect((await api(null, 'GET', '/api/v1/feed?scope=following')).statusCode).toBe(401);
  });
});

describe('the territory feed', () => {
  it('is public, covers the territories below, and says where each item happened', async () => {
    const id = await activity({ kind: 'need_met', territoryId: territory.id, subjectType: 'need', data: { projectTitle: 'Q', needTitle: 'N' } });
    const fromBorough = (await feed(null, `territory=${borough.slug}&limit=100`)).items.find((i) => i.id === id)!;
    expect(fromBorough.why).toMatchObject({ type: 'place', text: `Dans ${territory.nameFr}` });
    const en = (await feed(null, `territory=${territory.slug}&limit=100&lang=en`)).items.find((i) => i.id === id)!;
    expect(en.why.text).toBe(`In ${territory.nameEn}`);
    expect((await api(null, 'GET', '/api/v1/feed?territory=nulle-part')).statusCode).toBe(404);
  });
});

describe('the /fil page', () => {
  it('shows the following feed with reasons, a More link and an htmx sentinel', async () => {
    const reader = await person();
    const promoter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, title: 'Serre communautaire' });
    await follow(reader.s, 'project', project.id);
    for (let i = 0; i < 25; i++) await activity({ kind: i % 2 ? 'need_met' : 'project_update', projectId: project.id, subjectType: i % 2 ? 'need' : 'update', data: { projectTitle: 'Serre communautaire', title: `Nouvelle ${i}`, needTitle: `Besoin ${i}` } });
    const page = await ctx.app.inject({ method: 'GET', url: '/fil', headers: { cookie: reader.s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Parce que vous suivez le projet Serre communautaire');
    expect(page.body).toContain('Nouvelles de Serre communautaire : Nouvelle 24');
    expect(page.body).toContain('hx-trigger="revealed"');
    const more = /<a class="button button-secondary" href="([^"]+)">Plus<\/a>/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
    expect(more).toMatch(/^\/fil\?cursor=/);
    const next = await ctx.app.inject({ method: 'GET', url: more!, headers: { cookie: reader.s.cookie } });
    expect(next.body).toContain('Nouvelle 4');
    expect(next.body).toContain('<html');
    const fragment = await ctx.app.inject({ method: 'GET', url: more!, headers: { cookie: reader.s.cookie, 'hx-request': 'true' } });
    expect(fragment.body).not.toContain('<html');
    expect(fragment.body).toMatch(/^<li class="feed-item/);
    expect(fragment.body).toContain('Nouvelle 4');
  });

  it('gives each card its own reaction bar id when one project appears twice, and htmx swaps the right one', async () => {
    const reader = await person();
    const promoter = await person();
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, title: 'Deux cartes' });
    const other = await createProject(ctx, { promoterId: promoter.user.id, territoryId: territory.id, title: 'Entre-deux' });
    await follow(reader.s, 'project', project.id);
    await follow(reader.s, 'project', other.id);
    const first = await activity({ kind: 'need_met', projectId: project.id, subjectType: 'need', data: { projectTitle: 'Deux cartes', needTitle: 'a' } });
    await activity({ kind: 'need_met', projectId: other.id, subjectType: 'need', data: { projectTitle: 'Entre-deux', needTitle: 'b' } });
    const second = await activity({ kind: 'need_met', projectId: project.id, subjectType: 'need', data: { projectTitle: 'Deux cartes', needTitle: 'c' } });
    const page = await ctx.app.inject({ method: 'GET', url: '/fil', headers: { cookie: reader.s.cookie } });
    const barIds = [...page.body.matchAll(/<div class="reactions[^"]*" id="(reactions-project-[^"]+)"/g)].map((m) => m[1]!).filter((id) => id.includes(project.id));
    expect(barIds).toEqual([`reactions-project-${project.id}-in-a-${second}`, `reactions-project-${project.id}-in-a-${first}`]);
    expect(new Set([...page.body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])).size).toBe([...page.body.matchAll(/ id="([^"]+)"/g)].length);
    const res = await ctx.app.inject({ method: 'POST', url: '/reactions', headers: { cookie: reader.s.cookie, 'x-csrf-token': reader.s.csrf, 'hx-request': 'true' }, payload: { targetType: 'project', targetId: project.id, kind: 'like', on: '1', returnTo: '/fil', compact: '1', scope: `a-${first}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`id="reactions-project-${project.id}-in-a-${first}"`);
    expect(res.body).toContain(`hx-target="#reactions-project-${project.id}-in-a-${first}"`);
  });

  it('suggests what to follow when the feed is empty', async () => {
    const reader = await person();
    const page = await ctx.app.inject({ method: 'GET', url: '/fil', headers: { cookie: reader.s.cookie } });
    expect(page.body).toContain('Votre fil est vide pour l’instant');
    expect(page.body).toContain('href="/projets"');
  });

  it('offers visitors a territory picker and the territory feed', async () => {
    const picker = await ctx.app.inject({ method: 'GET', url: '/fil' });
    expect(picker.statusCode).toBe(200);
    expect(picker.body).toContain(`value="${territory.slug}"`);
    const id = await activity({ kind: 'need_met', territoryId: territory.id, subjectType: 'need', data: { projectTitle: 'Q', needTitle: 'Compost' }, at: new Date(Date.now() + 60_000) });
    const page = await ctx.app.inject({ method: 'GET', url: `/fil?territoire=${territory.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`id="a-${id}"`);
    expect(page.body).toContain('Besoin comblé pour Q : Compost');
    const section = await ctx.app.inject({ method: 'GET', url: `/territoires/${territory.slug}` });
    expect(section.body).toContain(`Dernièrement dans ${territory.nameFr}`);
    expect(section.body).toContain(`id="a-${id}"`);
  });
});
