import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, flushMail, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createTerritory, createUser, FORM, form, signIn, uid } from '../helpers/factories.js';
import { runOnTwoWorkers } from '../helpers/jobs.js';
import { startSmtpServer, decodeQuotedPrintable } from '../helpers/smtp.js';
import { territories, territoryWaitlist } from '../../src/modules/territories/territories.tables.js';
import { territoryRolloutChanges } from '../../src/modules/territories/territories.rollout.tables.js';
import { auditLog, mailOutbox } from '../../src/platform/platform.tables.js';
import { applyDueChanges, inviteWaitlists, loadBoundaryFiles } from '../../src/modules/territories/territories.rollout.service.js';
import { JOB_ROLLOUT, rolloutJobs } from '../../src/modules/territories/territories.rollout.jobs.js';
import { seedReferenceData } from '../../src/seed/seed.js';
import { seedDemoRollout } from '../../src/seed/demo-rollout.js';

type Session = { cookie: string; csrf: string };
let ctx: TestContext;
let admin: Session;
let citizen: Session;
let citizenEn: Session;
let adminId: string;
const s = uid();
const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 45.5], [x + 0.01, 45.5], [x + 0.01, 45.51], [x, 45.5]]] });

const api = (who: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const territoryRow = async (slug: string) => (await ctx.database.db.select().from(territories).where(eq(territories.slug, slug)))[0]!;
const mailsTo = (emails: string[]) => ctx.database.db.select().from(mailOutbox).where(and(inArray(mailOutbox.toAddress, emails), eq(mailOutbox.kind, 'territory_invite')));

beforeAll(async () => {
  ctx = await createTestApp();
  const a = await createUser(ctx, { role: { role: 'admin' }, displayName: `Admin ${s}` });
  adminId = a.id;
  admin = await signIn(ctx, a.email);
  citizen = await signIn(ctx, (await createUser(ctx)).email);
  citizenEn = await signIn(ctx, (await createUser(ctx, { locale: 'en' })).email);
});
afterAll(() => ctx.close());

describe('rollout state changes', () => {
  it('only admins change a state (visitors 401, others 403), and nothing changes', async () => {
    const t = await createTerritory(ctx, { state: 'waitlist' });
    expect((await api(null, 'POST', `/api/v1/territories/${t.slug}/rollout`, { state: 'pilot' })).statusCode).toBe(401);
    expect((await api(citizen, 'POST', `/api/v1/territories/${t.slug}/rollout`, { state: 'pilot' })).statusCode).toBe(403);
    expect((await api(citizen, 'PUT', `/api/v1/territories/${t.slug}/boundary`, square(-73))).statusCode).toBe(403);
    expect((await territoryRow(t.slug)).rolloutState).toBe('waitlist');
  });

  it('an immediate change is applied, kept in the history (from, to, at, by) and audited; the list shows since when', async () => {
    const t = await createTerritory(ctx, { state: 'waitlist' });
    const res = await api(admin, 'POST', `/api/v1/territories/${t.slug}/rollout`, { state: 'pilot' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ applied: boolean; territory: { rolloutState: string; rolloutSince: string | null }; change: { fromState: string; toState: string; createdBy: string; appliedAt: string } }>();
    expect(body.applied).toBe(true);
    expect(body.territory.rolloutState).toBe('pilot');
    expect(body.change).toMatchObject({ fromState: 'waitlist', toState: 'pilot', createdBy: adminId });
    expect(body.territory.rolloutSince).toBe(body.change.appliedAt);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, t.id), eq(auditLog.action, 'territory.rollout')));
    expect(audit.map((a) => [a.actorId, a.data])).toEqual([[adminId, { from: 'waitlist', to: 'pilot' }]]);
    const history = await api(admin, 'GET', `/api/v1/territories/${t.slug}/rollout`);
    expect(history.json<{ items: { toState: string }[] }>().items.map((i) => i.toState)).toEqual(['pilot']);
    expect((await api(citizen, 'GET', `/api/v1/territories/${t.slug}/rollout`)).statusCode).toBe(403);
  });

  it('a future date schedules the change; the job applies it once the date has come; a newer decision cancels it', async () => {
    const t = await createTerritory(ctx, { state: 'planned' });
    const when = new Date(Date.now() + 3 * 86_400_000);
    const same = await api(admin, 'POST', `/api/v1/territories/${t.slug}/rollout`, { state: 'planned', effectiveAt: when.toISOString() });
    expect([same.statusCode, same.json().error.details.fields.rolloutState]).toEqual([400, 'Le territoire est déjà dans cet état : choisissez un autre état pour une date future.']);
    const first = await api(admin, 'POST', `/api/v1/territories/${t.slug}/rollout`, { state: 'waitlist', effectiveAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(first.json()).toMatchObject({ applied: false, territory: { rolloutState: 'planned' } });
    const res = await api(admin, 'POST', `/api/v1/territories/${t.slug}/rollout`, { state: 'open', effectiveAt: when.toISOString() });
    expect(res.json()).toMatchObject({ applied: false, territory: { rolloutState: 'planned', nextRollout: { state: 'open', effectiveAt: when.toISOString() } } });
    const listed = (await api(null, 'GET', '/api/v1/territories')).json<{ items: { slug: string; nextRollout: unknown }[] }>().items.find((i) => i.slug === t.slug);
    expect(listed!.nextRollout).toEqual({ state: 'open', effectiveAt: when.toISOString() });

    await applyDueChanges(ctx.app.deps, new Date(when.getTime() - 60_000));
    expect((await territoryRow(t.slug)).rolloutState).toBe('planned');
    await applyDueChanges(ctx.app.deps, new Date(when.getTime() + 60_000));
    expect((await territoryRow(t.slug)).rolloutState).toBe('open');
    const rows = await ctx.database.db.select().from(territoryRolloutChanges).where(eq(territoryRolloutChanges.territoryId, t.id));
    expect(rows.map((r) => [r.toState, r.appliedAt !== null, r.cancelledAt !== null]).sort()).toEqual([['open', true, false], ['waitlist', false, true]]);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, t.id), eq(auditLog.action, 'territory.rollout')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toMatchObject({ from: 'planned', to: 'open', scheduled: true });
  });

  it('the admin form takes a date (Montréal midnight), refuses a bad one in the reader’s language, and shows the history', async () => {
    const t = await createTerritory(ctx, { state: 'waitlist', nameFr: `Quartier ${s}` });
    const ok = await ctx.app.inject({ method: 'POST', url: `/admin/territoires/${t.slug}/etat`, headers: { ...FORM, cookie: admin.cookie }, payload: form({ _csrf: admin.csrf, rolloutState: 'pilot', effectiveDate: '2099-03-01' }) });
    expect([ok.statusCode, ok.headers.location]).toEqual([303, `/admin/territoires/${t.slug}?fait=rollout`]);
    const [row] = await ctx.database.db.select().from(territoryRolloutChanges).where(eq(territoryRolloutChanges.territoryId, t.id));
    expect(row!.effectiveAt.toISOString()).toBe('2099-03-01T05:00:00.000Z');
    const bad = await ctx.app.inject({ method: 'POST', url: `/admin/territoires/${t.slug}/etat`, headers: { ...FORM, cookie: admin.cookie }, payload: form({ _csrf: admin.csrf, rolloutState: 'pilot', effectiveDate: 'demain' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Entrez une date au format AAAA-MM-JJ.');
    const page = await ctx.app.inject({ method: 'GET', url: `/admin/territoires/${t.slug}`, headers: { cookie: admin.cookie } });
    expect(page.body).toContain('Historique du déploiement');
    expect(page.body).toContain('Prévu');
    expect(page.body).toContain(`Admin ${s}`);
  });
});

describe('planned territories take no projects', () => {
  it('the projects service refuses a planned territory in the reader’s language, and the form does not offer it', async () => {
    const planned = await createTerritory(ctx, { state: 'planned', nameFr: `Prévu ${s}` });
    await createCaisse(ctx, { territoryIds: [planned.id] });
    const body = { title: `Projet ${uid()}`, summary: 'Un projet dans un quartier prévu.', description: 'x', category: 'food', territory: planned.slug, language: 'fr' };
    const fr = await api(citizen, 'POST', '/api/v1/projects', body);
    expect(fr.statusCode).toBe(400);
    expect(fr.json().error.details.fields.territory).toBe('Choisissez un quartier ouvert de la liste.');
    const en = await api(citizenEn, 'POST', '/api/v1/projects', body);
    expect(en.json().error.details.fields.territory).toBe('Choose an open neighbourhood from the list.');
    const formPage = await ctx.app.inject({ method: 'GET', url: '/projets/nouveau', headers: { cookie: citizen.cookie } });
    expect(formPage.statusCode).toBe(200);
    expect(formPage.body).not.toContain(`Prévu ${s}`);
    await api(admin, 'POST', `/api/v1/territories/${planned.slug}/rollout`, { state: 'pilot' });
    expect((await api(citizen, 'POST', '/api/v1/projects', body)).statusCode).toBe(201);
  });
});

describe('waitlist invitations', () => {
  it('joins through the API twin; an open territory refuses', async () => {
    const w = await createTerritory(ctx, { state: 'waitlist' });
    const p = await createTerritory(ctx, { state: 'pilot' });
    expect((await api(null, 'POST', `/api/v1/territories/${w.slug}/waitlist`, { email: `x-${s}@example.test` })).statusCode).toBe(202);
    const refused = await api(null, 'POST', `/api/v1/territories/${p.slug}/waitlist`, { email: `x-${s}@example.test` });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'TERRITORY_OPEN']);
  });

  it('opening mails each address once, in its language, even with parallel runs, through a real SMTP peer', async () => {
    const t = await createTerritory(ctx, { state: 'waitlist', nameFr: `Rosemont ${s}`, nameEn: `Rosemont EN ${s}` });
    const still = await createTerritory(ctx, { state: 'waitlist' });
    const emails = Array.from({ length: 12 }, (_, i) => `attente-${i}-${s}@example.test`);
    for (const [i, email] of emails.entries()) {
      const res = await api(null, 'POST', `/api/v1/territories/${t.slug}/waitlist?lang=${i % 3 === 0 ? 'en' : 'fr'}`, { email });
      expect(res.statusCode).toBe(202);
    }
    const waiting = `toujours-${s}@example.test`;
    await api(null, 'POST', `/api/v1/territories/${still.slug}/waitlist`, { email: waiting });

    // Before opening: nothing to send.
    await inviteWaitlists(ctx.app.deps);
    expect(await mailsTo(emails)).toHaveLength(0);

    expect((await api(admin, 'POST', `/api/v1/territories/${t.slug}/rollout`, { state: 'pilot' })).statusCode).toBe(200);
    await Promise.all(Array.from({ length: 6 }, () => inviteWaitlists(ctx.app.deps)));
    await inviteWaitlists(ctx.app.deps);
    const mails = await mailsTo(emails);
    expect(mails.map((m) => m.toAddress).sort()).toEqual([...emails].sort());
    expect(await mailsTo([waiting])).toHaveLength(0);
    const rows = await ctx.database.db.select().from(territoryWaitlist).where(eq(territoryWaitlist.territoryId, t.id));
    expect(rows.every((r) => r.notifiedAt !== null)).toBe(true);

    const smtp = await startSmtpServer();
    try {
      await flushMail(ctx, smtp.url);
      const mine = smtp.received.filter((m) => emails.includes(m.to[0]!));
      expect(mine.map((m) => m.to[0]).sort()).toEqual([...emails].sort());
      const english = mine.find((m) => m.to[0] === emails[0])!;
      expect(decodeQuotedPrintable(english.raw)).toContain(`Rosemont EN ${s}`);
      const french = decodeQuotedPrintable(mine.find((m) => m.to[0] === emails[1])!.raw);
      expect(french).toContain(`Rosemont ${s}`);
      expect(french).toContain('Créer mon compte');

      // The signed link leads to sign-up with the territory chosen; a tampered one does not.
      const link = new URL(/https?:\/\/\S+\/invitation\?\S+/.exec(french.replace(/&amp;/g, '&'))![0]);
      const follow = await ctx.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
      expect([follow.statusCode, follow.headers.location]).toEqual([303, `/inscription?territoire=${t.slug}`]);
      const signup = await ctx.app.inject({ method: 'GET', url: follow.headers.location! });
      expect(signup.body).toMatch(new RegExp(`<option[^>]*value="${t.slug}"[^>]*selected`));
      link.searchParams.set('w', 'autre');
      const tampered = await ctx.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
      expect(tampered.statusCode).toBe(400);
      expect(tampered.body).toContain('Ce lien d’invitation n’est plus valide');
    } finally {
      await smtp.close();
    }
  });

  it('through pg-boss: several workers running the rollout job at once apply a due change and mail the waitlist once each', async () => {
    const t = await createTerritory(ctx, { state: 'waitlist' });
    const emails = Array.from({ length: 5 }, (_, i) => `boss-${i}-${s}@example.test`);
    for (const email of emails) await api(null, 'POST', `/api/v1/territories/${t.slug}/waitlist`, { email });
    // Scheduled a second ago: the job is what opens it.
    await api(admin, 'POST', `/api/v1/territories/${t.slug}/rollout`, { state: 'open', effectiveAt: new Date(Date.now() + 1000).toISOString() });
    await new Promise((r) => setTimeout(r, 1100));
    await runOnTwoWorkers(ctx, rolloutJobs(ctx.app.deps), JOB_ROLLOUT, ['a', 'b', 'c', 'd']);
    expect((await territoryRow(t.slug)).rolloutState).toBe('open');
    expect((await mailsTo(emails)).map((m) => m.toAddress).sort()).toEqual([...emails].sort());
  });
});

describe('boundaries and the map', () => {
  it('an admin replaces a boundary with validated GeoJSON; the .geojson endpoint and the home map show it', async () => {
    const t = await createTerritory(ctx, { state: 'waitlist', nameFr: `Carte ${s}` });
    const bad = await api(admin, 'PUT', `/api/v1/territories/${t.slug}/boundary`, { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.boundary).toMatch(/^Le fichier doit être un GeoJSON valide/);
    const open = await api(null, 'PUT', `/api/v1/territories/${t.slug}/boundary`, square(-73.7));
    expect(open.statusCode).toBe(401);
    const ok = await api(admin, 'PUT', `/api/v1/territories/${t.slug}/boundary`, { type: 'Feature', properties: {}, geometry: square(-73.7) });
    expect([ok.statusCode, ok.json().hasBoundary]).toEqual([200, true]);
    const geo = await api(null, 'GET', '/api/v1/territories.geojson');
    expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
    const feature = geo.json<{ features: { id: string; geometry: unknown; properties: { rolloutState: string } }[] }>().features.find((f) => f.id === t.slug);
    expect(feature).toMatchObject({ geometry: square(-73.7), properties: { rolloutState: 'waitlist' } });
    const home = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain(`aria-label="Carte ${s} — Liste d’attente"`);
    expect(home.body).toContain('Quartiers, état du déploiement et dates');
  });

  it('the CLI loader validates each file and reports the bad ones', async () => {
    const t = await createTerritory(ctx, { state: 'planned' });
    const dir = await mkdtemp(join(tmpdir(), 'geo-'));
    try {
      await writeFile(join(dir, 'ok.geojson'), JSON.stringify({ type: 'Feature', properties: { slug: t.slug }, geometry: square(-73.8) }));
      await writeFile(join(dir, `inconnu-${s}.geojson`), JSON.stringify(square(-73.8)));
      await writeFile(join(dir, 'broken.geojson'), '{"type":"Polygon"');
      const results = await loadBoundaryFiles(ctx.app.deps, dir);
      expect(results.map((r) => [r.file, r.ok])).toEqual([['broken.geojson', false], [`inconnu-${s}.geojson`, false], ['ok.geojson', true]]);
      expect((await territoryRow(t.slug)).boundary).toEqual(square(-73.8));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('demo data', () => {
  it('ships boundaries for the pilot neighbourhoods, Rosemont in waitlist with addresses, La Petite-Patrie planned; idempotent', async () => {
    if (!(await ctx.database.db.select().from(territories).where(eq(territories.slug, 'plateau-mont-royal'))).length) {
      await seedReferenceData(ctx.app.deps).catch(() => undefined);
    }
    await seedDemoRollout(ctx.app.deps);
    await seedDemoRollout(ctx.app.deps);
    for (const slug of ['plateau-mont-royal', 'ahuntsic', 'villeray', 'parc-extension']) expect((await territoryRow(slug)).boundary, slug).not.toBeNull();
    expect((await territoryRow('la-petite-patrie')).rolloutState).toBe('planned');
    const rosemont = await territoryRow('rosemont');
    expect(rosemont.rolloutState).toBe('waitlist');
    const demo = ['lucie.gagnon@example.org', 'tom.obrien@example.org', 'nadia.benali@example.org'];
    const rows = await ctx.database.db.select().from(territoryWaitlist).where(and(eq(territoryWaitlist.territoryId, rosemont.id), inArray(territoryWaitlist.email, demo)));
    expect(rows.map((r) => [r.email, r.locale]).sort()).toEqual([['lucie.gagnon@example.org', 'fr'], ['nadia.benali@example.org', 'fr'], ['tom.obrien@example.org', 'en']]);
    const history = await ctx.database.db.select().from(territoryRolloutChanges).where(eq(territoryRolloutChanges.territoryId, rosemont.id));
    expect(history.map((h) => [h.fromState, h.toState])).toEqual([['planned', 'waitlist']]);
  });
});
