import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createNeed, createProject, createTerritory, createUser, FORM, form, PASSWORD, signIn } from '../helpers/factories.js';
import { crowdfundingCampaigns, crowdfundingSnapshots } from '../../src/modules/crowdfunding/crowdfunding.tables.js';
import { impactEntries } from '../../src/modules/pledges/pledges.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { settleDueCampaigns } from '../../src/modules/crowdfunding/crowdfunding.settle.service.js';
import { refreshPreview } from '../../src/modules/crowdfunding/crowdfunding.preview.service.js';

type Session = { cookie: string; csrf: string };
const api = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

let ctx: TestContext;
let territoryId: string;
let caisse: { id: string; slug: string; name: string };
let staffId: string;
let promoterId: string;
let promoter: Session;
let staff: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx, { state: 'pilot' })).id;
  caisse = await createCaisse(ctx, { territoryIds: [territoryId], name: 'Caisse du Test' });
  const s = await createUser(ctx, { role: { role: 'staff', caisseId: caisse.id } });
  const p = await createUser(ctx, { territoryId });
  staffId = s.id;
  promoterId = p.id;
  staff = await signIn(ctx, s.email);
  promoter = await signIn(ctx, p.email);
});
afterAll(async () => ctx.close());

async function projectWithFundingNeed(quantity = 500_000) {
  const project = await createProject(ctx, { promoterId, territoryId, caisseId: caisse.id });
  const need = await createNeed(ctx, { projectId: project.id, kind: 'funding', quantity, title: 'Réfrigérateur commercial' });
  return { project, need };
}

async function link(projectId: string, body: Record<string, unknown> = {}) {
  return ctx.app.inject({ method: 'PUT', url: `/api/v1/projects/${projectId}/campaign`, headers: api(promoter), payload: { url: 'https://laruchequebec.com/fr/projets/frigo-solidaire', platform: 'La Ruche', goalCents: 500_000, endsOn: inDays(20), model: 'all_or_nothing', ...body } });
}
async function report(projectId: string, raisedCents: number, who: Session = promoter) {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${projectId}/campaign/snapshots`, headers: api(who), payload: { raisedCents, note: 'Montant affiché ce matin' } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}
async function decide(projectId: string, snapshotId: string, decision: 'confirm' | 'reject', reason = '') {
  return ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${projectId}/campaign/snapshots/${snapshotId}/decision`, headers: api(staff), payload: { decision, reason } });
}
async function endCampaign(projectId: string) {
  await ctx.database.db.update(crowdfundingCampaigns).set({ endsAt: new Date(Date.now() - 60_000) }).where(eq(crowdfundingCampaigns.projectId, projectId));
}

describe('crowdfunding links', () => {
  it('links a campaign and shows it prominently with a clearly external, noopener link', async () => {
    const { project } = await projectWithFundingNeed();
    const res = await link(project.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'running', raisedCents: 0, goalCents: 500_000, model: 'all_or_nothing', counts: true, preview: { status: 'pending' } });
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toContain('Contribuer sur La Ruche');
    expect(page.body).toMatch(/href="https:\/\/laruchequebec.com\/fr\/projets\/frigo-solidaire" target="_blank" rel="noopener noreferrer external" aria-label="Contribuer sur La Ruche \(site externe, nouvel onglet\)"/);
    expect(page.body).toContain('Aucun montant confirmé par la caisse pour l’instant.');
    const again = await link(project.id, { goalCents: 600_000 });
    expect(again.json()).toMatchObject({ id: res.json<{ id: string }>().id, goalCents: 600_000 });
  });

  it('refuses a bad address, a zero goal and a past end date with translated messages, keeping what was typed', async () => {
    const { project } = await projectWithFundingNeed();
    const bad = await link(project.id, { url: 'javascript:alert(1)', goalCents: 0, endsOn: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json<{ error: { details: { fields: object } } }>().error.details.fields).sort()).toEqual(['endsOn', 'goalCents', 'url']);
    const page = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/campagne`, headers: { cookie: promoter.cookie, ...FORM }, payload: form({ _csrf: promoter.csrf, url: 'ftp://example.org/x', platform: 'La Ruche', goalCents: '0', endsOn: '2020-01-01', model: 'keep_it_all' }) });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Entrez l’adresse complète de la campagne');
    expect(page.body).toContain('L’objectif doit être supérieur à 0 $.');
    expect(page.body).toContain('La date de fin doit être dans le futur.');
    expect(page.body).toContain('value="ftp://example.org/x"');
    const en = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/campagne?lang=en`, headers: { cookie: promoter.cookie, ...FORM, 'accept-language': 'en' }, payload: form({ _csrf: promoter.csrf, url: 'https://laruchequebec.com/x', platform: 'La Ruche', goalCents: '-5', endsOn: inDays(10), model: 'keep_it_all' }) });
    expect(en.statusCode).toBe(400);
    expect(await ctx.database.db.select().from(crowdfundingCampaigns).where(eq(crowdfundingCampaigns.projectId, project.id))).toHaveLength(0);
  });

  it('counts a reported amount only once staff confirm it, the latest by time winning', async () => {
    const { project } = await projectWithFundingNeed();
    await link(project.id);
    const older = await report(project.id, 100_000);
    const newer = await report(project.id, 150_000);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/campaign` })).json()).toMatchObject({ campaign: { raisedCents: 0, confirmedAt: null } });
    expect((await decide(project.id, newer, 'confirm')).json()).toMatchObject({ raisedCents: 150_000, percent: 30 });
    expect((await decide(project.id, older, 'confirm')).json()).toMatchObject({ raisedCents: 150_000 });
    expect((await decide(project.id, older, 'confirm')).statusCode).toBe(409);
    const wrong = await report(project.id, 900_000);
    expect((await decide(project.id, wrong, 'reject')).statusCode).toBe(400);
    expect((await decide(project.id, wrong, 'reject', 'Le montant ne correspond pas à la page.')).json()).toMatchObject({ raisedCents: 150_000 });
    const history = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/campaign/snapshots`, headers: api(promoter) });
    expect(history.json<{ items: { status: string; submittedBy: unknown }[] }>().items.map((s) => s.status)).toEqual(['rejected', 'confirmed', 'confirmed']);
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}/campagne/montants`, headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Le montant ne correspond pas à la page.');
    const space = await ctx.app.inject({ method: 'GET', url: `/api/v1/caisses/${caisse.slug}/space`, headers: api(staff) });
    expect(space.json<{ pendingAmounts: unknown[] }>().pendingAmounts).toEqual([]);
  });

  it('shows reported amounts waiting in the caisse space', async () => {
    const { project } = await projectWithFundingNeed();
    await link(project.id);
    const id = await report(project.id, 42_000);
    const space = await ctx.app.inject({ method: 'GET', url: `/caisses/${caisse.slug}/espace`, headers: { cookie: staff.cookie } });
    expect(space.body).toContain('Montants à confirmer');
    expect(space.body).toContain(`/projets/${project.id}/campagne/montants`);
    const json = await ctx.app.inject({ method: 'GET', url: `/api/v1/caisses/${caisse.slug}/space`, headers: api(staff) });
    expect(json.json<{ pendingAmounts: { id: string }[] }>().pendingAmounts.map((s) => s.id)).toContain(id);
  });

  it('matchfunding follows the confirmed amount up to its cap, on the card and on the funding need', async () => {
    const { project, need } = await projectWithFundingNeed(500_000);
    await link(project.id);
    const match = await ctx.app.inject({ method: 'PUT', url: `/api/v1/projects/${project.id}/campaign/matchfunding`, headers: api(staff), payload: { ratioPercent: 100, capCents: 250_000 } });
    expect(match.json()).toMatchObject({ matchfunding: { caisse: { slug: caisse.slug }, matchedCents: 0 } });
    await decide(project.id, await report(project.id, 120_000), 'confirm');
    const mid = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/campaign` });
    expect(mid.json()).toMatchObject({ campaign: { matchfunding: { matchedCents: 120_000 } }, needShares: [{ needId: need.id, cents: 240_000 }] });
    await decide(project.id, await report(project.id, 300_000), 'confirm');
    const high = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/campaign` });
    expect(high.json()).toMatchObject({ campaign: { matchfunding: { matchedCents: 250_000 } }, needShares: [{ needId: need.id, cents: 500_000 }] });
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toContain('Caisse du Test ajoute 1 $ par dollar recueilli');
    expect(page.body).toContain('Apport de la caisse');
    expect(page.body).toMatch(/recueillis sur La Ruche \(confirmé le/);
    // The pledges' own progress is untouched: the campaign is a line of its own, never a pledge.
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/needs/${need.id}` })).json()).toMatchObject({ progress: { accepted: 0 } });
  });

  it('fails an all-or-nothing campaign below its goal at the end date: nothing counts, the page says so, team and matching staff are told', async () => {
    const { project } = await projectWithFundingNeed();
    await link(project.id);
    await ctx.app.inject({ method: 'PUT', url: `/api/v1/projects/${project.id}/campaign/matchfunding`, headers: api(staff), payload: { ratioPercent: 100, capCents: 250_000 } });
    await decide(project.id, await report(project.id, 100_000), 'confirm');
    await endCampaign(project.id);
    expect(await settleDueCampaigns(ctx.app.deps)).toBeGreaterThanOrEqual(1);
    const json = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/campaign` });
    expect(json.json()).toMatchObject({ campaign: { status: 'failed', counts: false, matchfunding: { matchedCents: 0 } }, needShares: [] });
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toContain('La campagne n’a pas atteint son objectif ; les montants annoncés ne sont pas comptés.');
    expect(page.body).not.toContain('recueillis sur La Ruche (confirmé');
    const told = await ctx.database.db.select().from(notifications).where(and(eq(notifications.kind, 'crowdfunding.failed'), eq(notifications.subjectId, project.id)));
    expect(told.map((n) => n.userId).sort()).toEqual([promoterId, staffId].sort());
    expect(await ctx.database.db.select().from(impactEntries).where(eq(impactEntries.projectId, project.id))).toEqual([]);
    expect((await ctx.app.inject({ method: 'PUT', url: `/api/v1/projects/${project.id}/campaign/matchfunding`, headers: api(staff), payload: { ratioPercent: 100, capCents: 1 } })).statusCode).toBe(409);
  });

  it('a late confirmation saves a failed campaign, and its money enters the impact ledger once (raised, then the caisse’s share)', async () => {
    const { project } = await projectWithFundingNeed();
    await link(project.id, { goalCents: 200_000 });
    await ctx.app.inject({ method: 'PUT', url: `/api/v1/projects/${project.id}/campaign/matchfunding`, headers: api(staff), payload: { ratioPercent: 50, capCents: 100_000 } });
    const late = await report(project.id, 260_000);
    await endCampaign(project.id);
    await settleDueCampaigns(ctx.app.deps);
    expect((await decide(project.id, late, 'confirm')).json()).toMatchObject({ status: 'succeeded', raisedCents: 260_000, matchfunding: { matchedCents: 100_000 } });
    await settleDueCampaigns(ctx.app.deps);
    const entries = await ctx.database.db.select().from(impactEntries).where(eq(impactEntries.projectId, project.id));
    expect(entries.map((e) => [e.caisseId, e.fundedCents]).sort()).toEqual([[caisse.id, 100_000], [caisse.id, 260_000]].sort());
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toContain('La campagne a atteint son objectif.');
    expect((await ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/campaign/snapshots`, headers: api(promoter), payload: { raisedCents: 1 } })).statusCode).toBe(409);
  });

  it('ends a keep-it-all campaign at its end date and keeps the money', async () => {
    const { project } = await projectWithFundingNeed();
    await link(project.id, { model: 'keep_it_all' });
    await decide(project.id, await report(project.id, 80_000), 'confirm');
    await endCampaign(project.id);
    await settleDueCampaigns(ctx.app.deps);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/campaign` })).json()).toMatchObject({ campaign: { status: 'ended', counts: true } });
    expect((await ctx.database.db.select().from(impactEntries).where(eq(impactEntries.projectId, project.id))).map((e) => e.fundedCents)).toEqual([80_000]);
  });

  it('exports the amounts a person reported, and keeps them without the person after deletion', async () => {
    const member = await createUser(ctx, { territoryId });
    const session = await signIn(ctx, member.email);
    const project = await createProject(ctx, { promoterId: member.id, territoryId, caisseId: caisse.id });
    await ctx.app.inject({ method: 'PUT', url: `/api/v1/projects/${project.id}/campaign`, headers: api(session), payload: { url: 'https://laruchequebec.com/fr/projets/ruelle', goalCents: 100_000, endsOn: inDays(5), model: 'keep_it_all' } });
    const id = await report(project.id, 12_300, session);
    const exported = await ctx.app.inject({ method: 'GET', url: '/api/v1/me/export', headers: api(session) });
    expect(exported.json<{ data: { crowdfundingSnapshots: { id: string; raisedCents: number }[] } }>().data.crowdfundingSnapshots).toMatchObject([{ id, raisedCents: 12_300 }]);
    const gone = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: api(session), payload: { password: PASSWORD, confirm: true } });
    expect(gone.statusCode).toBe(200);
    const [row] = await ctx.database.db.select().from(crowdfundingSnapshots).where(eq(crowdfundingSnapshots.id, id));
    expect(row).toMatchObject({ raisedCents: 12_300, submittedBy: null });
  });
});

describe('the campaign page preview', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 11, g: 93, b: 75 } } }).png().toBuffer();
    server = http.createServer((req, res) => {
      if (req.url === '/cover.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><meta property="og:title" content="Frigo solidaire — La Ruche"><meta property="og:image" content="/cover.png"></head></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise((resolve) => server.close(resolve)));

  it('is refused on loopback by default, and read and stored (never hot-linked) with the test switch', async () => {
    const { project } = await projectWithFundingNeed();
    const linked = await link(project.id, { url: `${base}/campagne` });
    const id = linked.json<{ id: string }>().id;
    expect(await refreshPreview(ctx.app.deps, id)).toBe('failed');
    const testDeps = { ...ctx.app.deps, config: { ...ctx.app.deps.config, outboundAllowPrivate: true } };
    expect(await refreshPreview(testDeps, id)).toBe('ready');
    const json = (await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/campaign` })).json<{ campaign: { preview: { title: string; image: { src: string } } } }>();
    expect(json.campaign.preview.title).toBe('Frigo solidaire — La Ruche');
    expect(json.campaign.preview.image.src).toMatch(/^\/media\/[A-Za-z0-9_-]+-640\.webp$/);
    const media = await ctx.app.inject({ method: 'GET', url: json.campaign.preview.image.src });
    expect(media.statusCode).toBe(200);
    expect(media.headers['content-type']).toBe('image/webp');
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toContain(json.campaign.preview.image.src);
    expect(page.body).not.toContain(`${base}/cover.png`);
    const refresh = await ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${project.id}/campaign/preview`, headers: api(promoter) });
    expect(refresh.statusCode).toBe(202);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}/campaign` })).json()).toMatchObject({ campaign: { preview: { status: 'pending', title: 'Frigo solidaire — La Ruche' } } });
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('parallel confirmations (PostgreSQL)', () => {
  it('keep the latest confirmed amount by time, whatever order they commit in', async () => {
    const { project } = await projectWithFundingNeed();
    await link(project.id);
    const ids: string[] = [];
    for (let i = 1; i <= 12; i++) ids.push(await report(project.id, i * 10_000));
    const results = await Promise.all([...ids].reverse().map((id) => decide(project.id, id, 'confirm')));
    expect(results.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const [campaign] = await ctx.database.db.select().from(crowdfundingCampaigns).where(eq(crowdfundingCampaigns.projectId, project.id));
    expect(campaign!.raisedCents).toBe(120_000);
    const doubles = await Promise.all([0, 1, 2, 3].map(async () => decide(project.id, await report(project.id, 1), 'confirm')));
    expect(doubles.every((r) => r.statusCode === 200)).toBe(true);
    const again = await report(project.id, 5);
    const racing = await Promise.all([decide(project.id, again, 'confirm'), decide(project.id, again, 'confirm'), decide(project.id, again, 'reject', 'non')]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });
});
