import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createNeed, createProject, createTerritory, createUser, signIn, uid } from '../helpers/factories.js';
import { offers } from '../../src/modules/offers/offers.tables.js';
import { boards } from '../../src/modules/boards/boards.tables.js';
import { pledges } from '../../src/modules/pledges/pledges.tables.js';
import { projects } from '../../src/modules/projects/projects.tables.js';
import { organisations } from '../../src/modules/organisations/organisations.tables.js';
import { activities, comments, reactions } from '../../src/modules/social/social.tables.js';
import { newId } from '../../src/db/ids.js';

let ctx: TestContext;
let villeray: Awaited<ReturnType<typeof createTerritory>>;
let elsewhere: Awaited<ReturnType<typeof createTerritory>>;
type Session = { cookie: string; csrf: string };

beforeAll(async () => {
  ctx = await createTestApp();
  villeray = await createTerritory(ctx, { nameFr: 'Villeray', nameEn: 'Villeray' });
  elsewhere = await createTerritory(ctx, { nameFr: 'Ailleurs', nameEn: 'Elsewhere' });
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;
const get = (s: Session | null, url: string) => ctx.app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
const post = (s: Session, url: string, payload: object) => ctx.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload });

async function offer(ownerId: string, o: { title: string; status?: 'active' | 'paused'; hidden?: boolean; language?: 'fr' | 'en' }) {
  const id = newId();
  await db().insert(offers).values({ id, ownerId, kind: 'volunteering', title: o.title, description: 'Quelques heures.', status: o.status ?? 'active', hiddenAt: o.hidden ? new Date() : null, language: o.language ?? 'fr' });
  return id;
}
async function board(ownerId: string, o: { title: string; visibility?: 'public' | 'private'; hidden?: boolean }) {
  const id = newId();
  await db().insert(boards).values({ id, ownerId, title: o.title, visibility: o.visibility ?? 'public', hiddenAt: o.hidden ? new Date() : null });
  return id;
}
async function fulfilled(supporterId: string, projectId: string, o: { needTitle: string; showName: boolean; status?: 'fulfilled' | 'proposed' }) {
  const need = await createNeed(ctx, { projectId, title: o.needTitle });
  const status = o.status ?? 'fulfilled';
  await db().insert(pledges).values({ id: newId(), needId: need.id, projectId, supporterId, quantity: 2, status, showName: o.showName, fulfilledAt: status === 'fulfilled' ? new Date(Date.now() - 86_400_000) : null });
}

describe('a personal page shows what the person did, within what each viewer may see', () => {
  it('lists public projects, active offers, public boards and named help; hides the rest from others but not from the owner', async () => {
    const me = await createUser(ctx, { territoryId: villeray.id });
    const other = await createUser(ctx, { territoryId: villeray.id });
    const tag = uid();
    const shown = await createProject(ctx, { promoterId: me.id, territoryId: villeray.id, title: `Projet public ${tag}` });
    await createProject(ctx, { promoterId: me.id, territoryId: villeray.id, title: `Brouillon ${tag}`, status: 'draft' });
    const hidden = await createProject(ctx, { promoterId: me.id, territoryId: villeray.id, title: `Projet masqué ${tag}` });
    await db().update(projects).set({ hiddenAt: new Date() }).where(eq(projects.id, hidden.id));
    await offer(me.id, { title: `Offre active ${tag}` });
    await offer(me.id, { title: `Offre en pause ${tag}`, status: 'paused' });
    await offer(me.id, { title: `Offre masquée ${tag}`, hidden: true });
    await board(me.id, { title: `Tableau public ${tag}` });
    await board(me.id, { title: `Tableau privé ${tag}`, visibility: 'private' });
    await board(me.id, { title: `Tableau masqué ${tag}`, hidden: true });
    const theirs = await createProject(ctx, { promoterId: other.id, territoryId: villeray.id, title: `Projet voisin ${tag}` });
    await fulfilled(me.id, theirs.id, { needTitle: `Aide nommée ${tag}`, showName: true });
    await fulfilled(me.id, theirs.id, { needTitle: `Aide discrète ${tag}`, showName: false });
    await fulfilled(me.id, theirs.id, { needTitle: `Aide promise ${tag}`, showName: true, status: 'proposed' });
    await fulfilled(me.id, hidden.id, { needTitle: `Aide projet masqué ${tag}`, showName: true });

    const visitor = (await get(null, `/api/v1/people/${me.handle}/activity`)).json();
    expect(visitor.projects.map((p: { title: string }) => p.title)).toEqual([`Projet public ${tag}`]);
    expect(visitor.projects[0]).toMatchObject({ id: shown.id, role: 'promoter', url: `/projets/${shown.id}` });
    expect(visitor.offers.map((o: { title: string }) => o.title)).toEqual([`Offre active ${tag}`]);
    expect(visitor.boards.map((b: { title: string }) => b.title)).toEqual([`Tableau public ${tag}`]);
    expect(visitor.contributions.map((c: { needTitle: string }) => c.needTitle)).toEqual([`Aide nommée ${tag}`]);

    const member = await signIn(ctx, other.email);
    const asMember = (await get(member, `/api/v1/people/${me.handle}/activity`)).json();
    expect(asMember.boards).toHaveLength(1);
    expect(asMember.contributions).toHaveLength(1);

    const owner = await signIn(ctx, me.email);
    const asOwner = (await get(owner, `/api/v1/people/${me.handle}/activity`)).json();
    expect(asOwner.boards.map((b: { title: string }) => b.title).sort()).toEqual([`Tableau privé ${tag}`, `Tableau public ${tag}`]);
    expect(asOwner.contributions.map((c: { needTitle: string; named: boolean }) => [c.needTitle, c.named]).sort()).toEqual([[`Aide discrète ${tag}`, false], [`Aide nommée ${tag}`, true]]);

    const page = await get(null, `/membres/${me.handle}`);
    expect(page.statusCode).toBe(200);
    for (const text of [`Projet public ${tag}`, `Offre active ${tag}`, `Tableau public ${tag}`, `Aide nommée ${tag}`]) expect(page.body).toContain(text);
    for (const text of [`Brouillon ${tag}`, `Projet masqué ${tag}`, `Offre en pause ${tag}`, `Offre masquée ${tag}`, `Tableau privé ${tag}`, `Tableau masqué ${tag}`, `Aide discrète ${tag}`, `Aide promise ${tag}`]) expect(page.body).not.toContain(text);
    const preview = await get(owner, `/membres/${me.handle}?apercu=visiteur`);
    expect(preview.body).not.toContain(`Tableau privé ${tag}`);
    expect(preview.body).not.toContain(`Aide discrète ${tag}`);
    const mine = await get(owner, `/membres/${me.handle}`);
    expect(mine.body).toContain(`Tableau privé ${tag}`);
    expect(mine.body).toContain(`Aide discrète ${tag}`);
  });

  it('says so when there is nothing to show', async () => {
    const quiet = await createUser(ctx, { territoryId: villeray.id });
    const page = await get(null, `/membres/${quiet.handle}`);
    expect(page.body).toContain('n’a encore rien de public à montrer ici');
  });
});

describe('the home page of a signed-in person is their neighbourhood', () => {
  it('shows the feed of their territory, pledges to answer and projects near them; never drafts or other people’s pledges', async () => {
    const tag = uid();
    const me = await createUser(ctx, { territoryId: villeray.id });
    const neighbour = await createUser(ctx, { territoryId: villeray.id });
    const mineProject = await createProject(ctx, { promoterId: me.id, territoryId: villeray.id, title: `Mon projet ${tag}` });
    const near = await createProject(ctx, { promoterId: neighbour.id, territoryId: villeray.id, title: `Projet du voisin ${tag}` });
    await createProject(ctx, { promoterId: neighbour.id, territoryId: villeray.id, title: `Brouillon du voisin ${tag}`, status: 'draft' });
    await createProject(ctx, { promoterId: neighbour.id, territoryId: elsewhere.id, title: `Projet d’ailleurs ${tag}` });
    await fulfilled(neighbour.id, mineProject.id, { needTitle: `À répondre ${tag}`, showName: false, status: 'proposed' });
    await fulfilled(me.id, near.id, { needTitle: `Pas pour moi ${tag}`, showName: false, status: 'proposed' });
    await db().insert(activities).values({ id: newId(), kind: 'project_published', actorId: neighbour.id, subjectType: 'project', subjectId: near.id, projectId: near.id, territoryId: villeray.id, data: { projectTitle: `Projet du voisin ${tag}` } });

    const s = await signIn(ctx, me.email);
    const home = await get(s, '/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`Bonjour ${me.displayName}`);
    expect(home.body).toContain(`a publié le projet Projet du voisin ${tag}`);
    expect(home.body).toContain(`À répondre ${tag}`);
    expect(home.body).not.toContain(`Pas pour moi ${tag}`);
    expect(home.body).toContain(`Projet du voisin ${tag}`);
    expect(home.body).not.toContain(`Brouillon du voisin ${tag}`);
    expect(home.body).not.toContain(`Projet d’ailleurs ${tag}`);
    expect(home.body).toMatch(/<meta name="robots" content="noindex"/);

    const visitorHome = await get(null, '/');
    expect(visitorHome.body).not.toContain('Bonjour');
    expect(visitorHome.body).not.toContain(`À répondre ${tag}`);
  });
});

describe('feed cards', () => {
  it('carry the excerpt, reaction and comment counts, the viewer’s reactions and the content language', async () => {
    const tag = uid();
    const author = await createUser(ctx, { territoryId: villeray.id });
    const reader = await createUser(ctx, { territoryId: villeray.id, locale: 'fr' });
    const project = await createProject(ctx, { promoterId: author.id, territoryId: villeray.id, title: `Cartes ${tag}`, summary: `Résumé **en gras** ${tag}` });
    await db().update(projects).set({ language: 'en' }).where(eq(projects.id, project.id));
    await db().insert(activities).values({ id: newId(), kind: 'project_published', actorId: author.id, subjectType: 'project', subjectId: project.id, projectId: project.id, territoryId: villeray.id, data: { projectTitle: `Cartes ${tag}` } });
    await db().insert(reactions).values([{ targetType: 'project', targetId: project.id, userId: reader.id, kind: 'bravo' }, { targetType: 'project', targetId: project.id, userId: author.id, kind: 'bravo' }]);
    await db().insert(comments).values({ id: newId(), targetType: 'project', targetId: project.id, projectId: project.id, authorId: reader.id, body: 'Bravo !' });
    await db().insert(comments).values({ id: newId(), targetType: 'project', targetId: project.id, projectId: project.id, authorId: reader.id, body: 'masqué', hiddenAt: new Date() });
    const s = await signIn(ctx, reader.email);
    const feed = (await get(s, `/api/v1/feed?territory=${villeray.slug}`)).json();
    const item = feed.items.find((i: { project: { id: string } | null }) => i.project?.id === project.id);
    expect(item.card).toMatchObject({ summary: `Résumé en gras ${tag}`, lang: 'en', image: null, comments: { count: 1, projectId: project.id, updateId: null } });
    expect(item.card.reactions).toMatchObject({ targetType: 'project', targetId: project.id, counts: { like: 0, bravo: 2, want_to_help: 0 }, mine: ['bravo'] });
    const page = await get(s, `/fil?territoire=${villeray.slug}`);
    expect(page.body).toContain('class="feed-item feed-card');
    expect(page.body).toMatch(new RegExp(`<p class="feed-summary" lang="en-CA">Résumé en gras ${tag}</p>`));
    expect(page.body).toContain(`action="/projets/${project.id}/commentaires"`);
    expect(page.body).toMatch(/aria-pressed="true"/);
  });
});

describe('content language of offers and organisations', () => {
  it('defaults to the author’s language, can be chosen, and is rendered as lang when it differs from the page', async () => {
    const english = await createUser(ctx, { territoryId: villeray.id, locale: 'en' });
    const s = await signIn(ctx, english.email);
    const byDefault = await post(s, '/api/v1/offers', { kind: 'volunteering', title: 'Garden help', territories: [villeray.slug] });
    expect(byDefault.statusCode).toBe(201);
    expect(byDefault.json().language).toBe('en');
    const chosen = await post(s, '/api/v1/offers', { kind: 'volunteering', title: 'Aide au jardin', language: 'fr', territories: [villeray.slug] });
    expect(chosen.json().language).toBe('fr');
    const wrong = await post(s, '/api/v1/offers', { kind: 'volunteering', title: 'Aide', language: 'de' });
    expect(wrong.statusCode).toBe(400);
    const frPage = await ctx.app.inject({ method: 'GET', url: `/offres/${byDefault.json().id}`, headers: { 'accept-language': 'fr-CA' } });
    expect(frPage.body).toMatch(/<h1 lang="en-CA">Garden help<\/h1>/);
    const org = await post(s, '/api/v1/organisations', { name: `Garden club ${uid()}`, kind: 'community', description: 'We garden.' });
    expect(org.statusCode).toBe(201);
    expect(org.json().language).toBe('en');
    const row = (await db().select().from(organisations).where(eq(organisations.slug, org.json().slug)))[0];
    expect(row?.language).toBe('en');

    // A message carries its author's language: an English message on a French page has lang="en-CA".
    const french = await createUser(ctx, { territoryId: villeray.id, locale: 'fr' });
    const started = await post(s, '/api/v1/conversations', { to: french.handle, subject: 'Garden', body: 'Hello neighbour, shall we plant together?' });
    expect(started.statusCode).toBe(201);
    const fs = await signIn(ctx, french.email);
    const thread = await get(fs, `/messages/${started.json().id}`);
    expect(thread.body).toContain('<p class="message-body" lang="en-CA">Hello neighbour, shall we plant together?</p>');
    const mine = await get(s, `/messages/${started.json().id}`);
    expect(mine.body).toContain('<p class="message-body">Hello neighbour, shall we plant together?</p>');
  });
});
