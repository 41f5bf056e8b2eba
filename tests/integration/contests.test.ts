import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createTerritory, createUser, FORM, form, PASSWORD, signIn } from '../helpers/factories.js';
import { adultMember, contestBody, endContest, fulfilledPledge } from './contests.fixtures.js';
import { contestParticipants, contests, contestWinners } from '../../src/modules/contests/contests.tables.js';
import { caisseTerritories } from '../../src/modules/caisses/caisses.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import { canonicalEntryList, sha256Hex, verifyDraw, type PublishedDraw } from '../../src/modules/contests/contests.draw.js';
import { contestsTick } from '../../src/modules/contests/contests.draw.service.js';

const run = promisify(execFile);
const onPostgres = !!process.env.TEST_DATABASE_URL;
type Session = { cookie: string; csrf: string };
let ctx: TestContext;
let here: { id: string; slug: string };
let caisse: { id: string; slug: string };
let staff: Session;
let staffId: string;
let promoterId: string;

const call = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const deps = () => ({ config: ctx.config, database: ctx.database, db: ctx.database.db, log: ctx.app.log });

/** A published contest with people holding 1, 2 and 3 fulfilled pledges, its period ended. */
async function endedContest(o: { people?: number[] } = {}) {
  // A territory of its own, so people of other tests never enter this contest.
  const area = await createTerritory(ctx);
  await ctx.database.db.insert(caisseTerritories).values({ caisseId: caisse.id, territoryId: area.id });
  const created = await call(staff, 'POST', '/api/v1/contests', contestBody(caisse.slug, [area.slug]));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  expect((await call(staff, 'POST', `/api/v1/contests/${id}/publish`)).statusCode).toBe(200);
  const people = [];
  for (const n of o.people ?? [1, 2, 3]) {
    const person = await adultMember(ctx, area.id);
    for (let i = 0; i < n; i++) await fulfilledPledge(ctx, { supporterId: person.id, promoterId, territoryId: area.id, at: daysAgo(5 + i) });
    people.push({ ...person, session: await signIn(ctx, person.email) });
  }
  await endContest(ctx, id);
  return { id, slug: created.json<{ slug: string }>().slug, people };
}

beforeAll(async () => {
  ctx = await createTestApp();
  here = await createTerritory(ctx, { nameFr: 'Quartier du concours', nameEn: 'Contest neighbourhood' });
  caisse = await createCaisse(ctx, { territoryIds: [here.id] });
  const s = await createUser(ctx, { role: { role: 'staff', caisseId: caisse.id }, territoryId: here.id });
  staffId = s.id;
  staff = await signIn(ctx, s.email);
  promoterId = (await createUser(ctx, { territoryId: here.id })).id;
});
afterAll(() => ctx.close());

describe('creating and publishing a contest', () => {
  it('keeps a draft private, publishes the commitment and never the seed, then fixes the rules', async () => {
    const created = await call(staff, 'POST', '/api/v1/contests', contestBody(caisse.slug, [here.slug]));
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<{ id: string; slug: string; status: string; commitment: string | null }>();
    expect(draft).toMatchObject({ status: 'draft', commitment: null });
    expect((await call(null, 'GET', `/api/v1/contests/${draft.id}`)).statusCode).toBe(404);

    const published = await call(staff, 'POST', `/api/v1/contests/${draft.id}/publish`);
    expect(published.statusCode).toBe(200);
    const commitment = published.json<{ commitment: string }>().commitment;
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await ctx.database.db.select().from(contests).where(eq(contests.id, draft.id));
    expect(row!.seedSealed).toBeTruthy();
    expect(row!.seedRevealed).toBeNull();

    const publicView = await call(null, 'GET', `/api/v1/contests/${draft.slug}`);
    expect(publicView.statusCode).toBe(200);
    const draw = await call(null, 'GET', `/api/v1/contests/${draft.id}/draw`);
    expect(draw.json()).toMatchObject({ commitment, seed: null, entryList: null, rounds: [] });
    expect(publicView.body + draw.body).not.toContain(row!.seedSealed!);

    const edit = await call(staff, 'PATCH', `/api/v1/contests/${draft.id}`, contestBody(caisse.slug, [here.slug]));
    expect(edit.json<{ error: { code: string } }>().error.code).toBe('CONTEST_NOT_EDITABLE');
    expect((await call(staff, 'POST', `/api/v1/contests/${draft.id}/draw`)).json<{ error: { code: string } }>().error.code).toBe('CONTEST_NOT_ENDED');
  });

  it('shows every published rule on the contest page in French and in English', async () => {
    const { slug } = await endedContest({ people: [] });
    const fr = await ctx.app.inject({ method: 'GET', url: `/concours/${slug}` });
    expect(fr.statusCode).toBe(200);
    for (const text of ['Question d’habileté mathématique', '(12 × 4) + 6 − 10 = ?', 'Régie des alcools, des courses et des jeux', 'employé·es', 'Panier du marché', '150,00', 'Au siège de la caisse', '30 jours', 'Engagement cryptographique']) expect(fr.body).toContain(text);
    const en = await ctx.app.inject({ method: 'GET', url: `/concours/${slug}?lang=en` });
    for (const text of ['Skill-testing question', 'Régie des alcools, des courses et des jeux', 'Excluded: employees', 'Market basket', '$150.00', 'At the caisse’s head office', '30 days']) expect(en.body).toContain(text);
  });

  it('refuses bad forms with translated field errors and keeps what was typed', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/concours/nouveau', headers: { cookie: staff.cookie, ...FORM }, payload: form({ _csrf: staff.csrf, caisse: caisse.slug, titleFr: 'Mon concours à moi', titleEn: '', territories: here.slug, 'prizes.0.nameFr': 'Vélo', 'entryRules.pledge_fulfilled': '0' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="Mon concours à moi"');
    expect(res.body).toContain('value="Vélo"');
    expect(res.body).toContain('id="titleEn-error"');
  });

  it('creates a draft from the form (an unticked "members only" means open to residents) and edits it', async () => {
    const body = contestBody(caisse.slug, [here.slug]);
    const flat: Record<string, string> = { _csrf: staff.csrf, territories: here.slug, 'entryRules.pledge_fulfilled': '1', 'prizes.0.nameFr': 'Vélo', 'prizes.0.nameEn': 'Bike', 'prizes.0.quantity': '1', 'prizes.0.valueDollars': '300' };
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' || typeof v === 'number') flat[k] = String(v);
    const res = await ctx.app.inject({ method: 'POST', url: '/concours/nouveau', headers: { cookie: staff.cookie, ...FORM }, payload: form(flat) });
    expect(res.statusCode, res.body).toBe(303);
    const slug = String(res.headers.location).split('/concours/')[1]!.split('?')[0]!;
    expect((await call(staff, 'GET', `/api/v1/contests/${slug}`)).json()).toMatchObject({ eligibility: { membersOnly: false }, prizes: [{ name: 'Vélo', quantity: 1, valueCents: 30_000 }] });
    const edit = await ctx.app.inject({ method: 'GET', url: `/concours/${slug}/modifier`, headers: { cookie: staff.cookie } });
    expect(edit.body).toContain('value="Vélo"');
    const saved = await ctx.app.inject({ method: 'POST', url: `/concours/${slug}/modifier`, headers: { cookie: staff.cookie, ...FORM }, payload: form({ ...flat, membersOnly: 'on', 'prizes.0.nameFr': 'Vélo-cargo' }) });
    expect(saved.statusCode).toBe(303);
    expect((await call(staff, 'GET', `/api/v1/contests/${slug}`)).json()).toMatchObject({ eligibility: { membersOnly: true }, prizes: [{ name: 'Vélo-cargo' }] });
  });

  it('lets staff of another caisse neither create for this caisse nor see its drafts', async () => {
    const elsewhere = await createCaisse(ctx, { territoryIds: [(await createTerritory(ctx)).id] });
    const stranger = await signIn(ctx, (await createUser(ctx, { role: { role: 'staff', caisseId: elsewhere.id } })).email);
    expect((await call(stranger, 'POST', '/api/v1/contests', contestBody(caisse.slug, [here.slug]))).statusCode).toBe(403);
    const draft = await call(staff, 'POST', '/api/v1/contests', contestBody(caisse.slug, [here.slug]));
    expect((await call(stranger, 'GET', `/api/v1/contests/${draft.json<{ id: string }>().id}`)).statusCode).toBe(404);
  });
});

describe('entries', () => {
  it('counts one entry per pledge fulfilled in the period, shows which actions earned them, and excludes the caisse’s staff', async () => {
    const created = await call(staff, 'POST', '/api/v1/contests', contestBody(caisse.slug, [here.slug], { capPerPerson: 2 }));
    const id = created.json<{ id: string }>().id;
    await call(staff, 'POST', `/api/v1/contests/${id}/publish`);
    const person = await adultMember(ctx, here.id);
    for (const at of [daysAgo(2), daysAgo(3), daysAgo(4), daysAgo(40)]) await fulfilledPledge(ctx, { supporterId: person.id, promoterId, territoryId: here.id, at });
    const mine = await call(await signIn(ctx, person.email), 'GET', `/api/v1/contests/${id}/entries`);
    expect(mine.json()).toMatchObject({ entries: 2, uncapped: 3, cap: 2, eligible: true, earnedBy: [{ action: 'pledge_fulfilled', actions: 3, entries: 3 }] });
    expect(mine.json<{ pseudonym: string }>().pseudonym).toMatch(/^[A-Z2-9]{8}$/);

    await fulfilledPledge(ctx, { supporterId: staffId, promoterId, territoryId: here.id, at: daysAgo(2) });
    const staffEntries = await call(staff, 'GET', `/api/v1/contests/${id}/entries`);
    expect(staffEntries.json()).toMatchObject({ eligible: false, reasons: expect.arrayContaining(['organiser_staff']) });
    expect((await call(null, 'GET', `/api/v1/contests/${id}/entries`)).statusCode).toBe(401);
  });

  it('gives the complete-page entry only for a page first completed in the period', async () => {
    const created = await call(staff, 'POST', '/api/v1/contests', contestBody(caisse.slug, [here.slug], { entryRules: { profile_completed: 1 } }));
    const id = created.json<{ id: string }>().id;
    await call(staff, 'POST', `/api/v1/contests/${id}/publish`);
    const now = await adultMember(ctx, here.id);
    await ctx.database.db.update(users).set({ photoKey: 'avatars/now.webp' }).where(eq(users.id, now.id));
    const nowSession = await signIn(ctx, now.email);
    expect((await call(nowSession, 'GET', `/api/v1/contests/${id}/entries`)).json()).toMatchObject({ entries: 0 });
    expect((await call(nowSession, 'PATCH', '/api/v1/me', { bio: 'Bénévole du quartier.', skills: ['cuisine'] })).statusCode).toBe(200);
    const [stamped] = await ctx.database.db.select({ at: users.profileCompletedAt }).from(users).where(eq(users.id, now.id));
    expect(stamped!.at).toBeInstanceOf(Date);
    await call(nowSession, 'PATCH', '/api/v1/me', { bio: 'Toujours bénévole.' });
    expect((await ctx.database.db.select({ at: users.profileCompletedAt }).from(users).where(eq(users.id, now.id)))[0]!.at).toEqual(stamped!.at);
    expect((await call(nowSession, 'GET', `/api/v1/contests/${id}/entries`)).json()).toMatchObject({ entries: 1, earnedBy: [{ action: 'profile_completed', actions: 1, entries: 1 }] });

    const before = await adultMember(ctx, here.id);
    await ctx.database.db.update(users).set({ photoKey: 'avatars/before.webp', bio: 'Déjà là.', skills: ['menuiserie'], profileCompletedAt: daysAgo(40) }).where(eq(users.id, before.id));
    const beforeSession = await signIn(ctx, before.email);
    await call(beforeSession, 'PATCH', '/api/v1/me', { skills: ['menuiserie', 'vélo'] });
    expect((await call(beforeSession, 'GET', `/api/v1/contests/${id}/entries`)).json()).toMatchObject({ entries: 0, earnedBy: [] });
  });

  it('reading one’s entries writes nothing: the pseudonym shown during the period is computed, and the freeze stores that same one', async () => {
    const { id, slug, people } = await endedContest({ people: [2] });
    await ctx.database.db.update(contests).set({ endsAt: new Date(Date.now() + 86_400_000) }).where(eq(contests.id, id));
    const person = people[0]!;
    const rows = () => ctx.database.db.select().from(contestParticipants).where(eq(contestParticipants.contestId, id));
    const shown = [];
    for (let i = 0; i < 2; i++) {
      shown.push((await call(person.session, 'GET', `/api/v1/contests/${id}/entries`)).json<{ pseudonym: string | null; entries: number }>());
      expect((await ctx.app.inject({ method: 'GET', url: `/concours/${slug}`, headers: { cookie: person.session.cookie } })).statusCode).toBe(200);
    }
    expect(await rows()).toEqual([]);
    expect(shown[0]).toMatchObject({ entries: 2, pseudonym: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    expect(shown[1]!.pseudonym).toBe(shown[0]!.pseudonym);

    await endContest(ctx, id);
    await call(staff, 'POST', `/api/v1/contests/${id}/draw`);
    const draw = (await call(null, 'GET', `/api/v1/contests/${id}/draw`)).json<PublishedDraw>();
    expect(draw.entryList!.entries).toEqual([{ pseudonym: shown[0]!.pseudonym, entries: 2 }]);
    expect(await rows()).toHaveLength(1);
    expect((await call(person.session, 'GET', `/api/v1/contests/${id}/entries`)).json()).toMatchObject({ pseudonym: shown[0]!.pseudonym, entries: 2, frozen: true });
  });
});

describe('the auditable draw', () => {
  it('freezes the list, reveals the seed, draws weighted winners once, notifies them, and anyone can verify it', async () => {
    const { id, slug, people } = await endedContest();
    const drawn = await call(staff, 'POST', `/api/v1/contests/${id}/draw`);
    expect(drawn.statusCode, drawn.body).toBe(201);
    expect((await call(staff, 'POST', `/api/v1/contests/${id}/draw`)).json<{ error: { code: string } }>().error.code).toBe('CONTEST_ALREADY_DRAWN');

    const draw = (await call(null, 'GET', `/api/v1/contests/${slug}/draw`)).json<PublishedDraw & { entryList: { totalEntries: number } }>();
    expect(draw.entryList.entries.map((e) => e.entries).sort()).toEqual([1, 2, 3]);
    expect(draw.entryList.totalEntries).toBe(6);
    expect(draw.rounds[0]!.winners.filter((w) => w.pseudonym)).toHaveLength(3);
    expect(verifyDraw(draw)).toEqual({ ok: true, problems: [] });
    const file = await ctx.app.inject({ method: 'GET', url: `/api/v1/contests/${id}/entry-list` });
    expect(sha256Hex(file.body)).toBe(draw.entryList.sha256);
    expect(file.body).toBe(canonicalEntryList(slug, draw.entryList.entries));
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/contests/${id}/entry-list.csv` })).body).toMatch(/^pseudonym,entries\r\n[A-Z2-9]{8},\d/);

    const userIds = people.map((p) => p.id);
    const told = await ctx.database.db.select().from(notifications).where(eq(notifications.subjectId, id));
    expect(told.map((n) => n.userId).sort()).toEqual([...userIds].sort());
    const mails = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'contest_won'));
    expect(mails.filter((m) => people.some((p) => p.email === m.toAddress))).toHaveLength(3);

    const page = await ctx.app.inject({ method: 'GET', url: `/concours/${slug}/tirage?lang=en` });
    expect(page.body).toContain(draw.seed!);
    expect(page.body).toContain('HMAC-SHA256');
  });

  it('the verification script prints OK on a real published draw and MISMATCH on a tampered one', async () => {
    const { id, slug } = await endedContest({ people: [2, 1] });
    await call(staff, 'POST', `/api/v1/contests/${id}/draw`);
    const download = await ctx.app.inject({ method: 'GET', url: `/concours/${slug}/tirage.json` });
    expect(download.headers['content-disposition']).toContain('attachment');
    const dir = await mkdtemp(join(tmpdir(), 'draw-'));
    const genuine = join(dir, 'draw.json');
    await writeFile(genuine, download.body);
    const ok = await run(process.execPath, ['--import', 'tsx', 'scripts/verify-draw.ts', genuine]);
    expect(ok.stdout).toMatch(/^OK /);

    const tampered = JSON.parse(download.body) as PublishedDraw;
    tampered.entryList!.entries[0]!.entries += 5;
    const bad = join(dir, 'tampered.json');
    await writeFile(bad, JSON.stringify(tampered));
    const failed = await run(process.execPath, ['--import', 'tsx', 'scripts/verify-draw.ts', bad]).then(() => null, (err: { code: number; stdout: string }) => err);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/^MISMATCH/);
  }, 60_000);

  it.runIf(onPostgres)('two parallel draws make one draw', async () => {
    const { id } = await endedContest({ people: [1, 1] });
    const results = await Promise.all([call(staff, 'POST', `/api/v1/contests/${id}/draw`), call(staff, 'POST', `/api/v1/contests/${id}/draw`)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await ctx.database.db.select().from(contestWinners).where(eq(contestWinners.contestId, id))).toHaveLength(3);
  });
});

describe('claims and redraws', () => {
  it('asks the skill-testing question, counts wrong answers, confirms once, and refuses someone who did not win', async () => {
    const { id, people } = await endedContest({ people: [1, 1] });
    await call(staff, 'POST', `/api/v1/contests/${id}/draw`);
    const winner = people[0]!;
    const wrong = await call(winner.session, 'POST', `/api/v1/contests/${id}/claims`, { answer: 45, attest: true });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ error: { code: 'CONTEST_WRONG_ANSWER', details: { attemptsLeft: 2 } } });
    expect((await call(winner.session, 'POST', `/api/v1/contests/${id}/claims`, { answer: 44 })).statusCode).toBe(400);
    const right = await call(winner.session, 'POST', `/api/v1/contests/${id}/claims`, { answer: 44, attest: true });
    expect(right.statusCode, right.body).toBe(201);
    expect(right.json()).toMatchObject({ status: 'claimed' });
    expect((await call(winner.session, 'POST', `/api/v1/contests/${id}/claims`, { answer: 44, attest: true })).json<{ error: { code: string } }>().error.code).toBe('CONTEST_ALREADY_CLAIMED');
    expect((await call(staff, 'POST', `/api/v1/contests/${id}/claims`, { answer: 44, attest: true })).json<{ error: { code: string } }>().error.code).toBe('CONTEST_NOT_A_WINNER');
  });

  it('loses the prize after three wrong answers, and the page says it clearly', async () => {
    const { id, slug, people } = await endedContest({ people: [1] });
    await call(staff, 'POST', `/api/v1/contests/${id}/draw`);
    const s = people[0]!.session;
    const first = await ctx.app.inject({ method: 'POST', url: `/concours/${slug}/reclamer`, headers: { cookie: s.cookie, ...FORM }, payload: form({ _csrf: s.csrf, answer: '1', attest: 'on' }) });
    expect(first.statusCode).toBe(422);
    expect(first.body).toContain('Il vous reste 2 essais.');
    await call(s, 'POST', `/api/v1/contests/${id}/claims`, { answer: 2, attest: true });
    await call(s, 'POST', `/api/v1/contests/${id}/claims`, { answer: 3, attest: true });
    expect((await call(s, 'POST', `/api/v1/contests/${id}/claims`, { answer: 44, attest: true })).json<{ error: { code: string } }>().error.code).toBe('CONTEST_CLAIM_CLOSED');
  });

  it('redraws an unclaimed prize after its deadline by the same rule, excluding previous winners, and the result still verifies', async () => {
    const { id, people } = await endedContest({ people: [1, 1, 1, 1] });
    await call(staff, 'POST', `/api/v1/contests/${id}/draw`);
    const first = await ctx.database.db.select().from(contestWinners).where(and(eq(contestWinners.contestId, id), eq(contestWinners.slot, 0)));
    await ctx.database.db.update(contestWinners).set({ claimDeadline: new Date(Date.now() - 1000) }).where(eq(contestWinners.id, first[0]!.id));
    await contestsTick(deps());
    const draw = (await call(null, 'GET', `/api/v1/contests/${id}/draw`)).json<PublishedDraw>();
    expect(draw.rounds).toHaveLength(2);
    expect(draw.rounds[1]).toMatchObject({ round: 1, slots: [0], startCounter: draw.rounds[0]!.nextCounter });
    const previous = new Set(draw.rounds[0]!.winners.map((w) => w.pseudonym));
    expect(previous.has(draw.rounds[1]!.winners[0]!.pseudonym)).toBe(false);
    expect(verifyDraw(draw).ok).toBe(true);
    expect(people).toHaveLength(4);
  });

  it.runIf(onPostgres)('two parallel correct claims make one claim', async () => {
    const { id, people } = await endedContest({ people: [1] });
    await call(staff, 'POST', `/api/v1/contests/${id}/draw`);
    const s = people[0]!.session;
    const results = await Promise.all([call(s, 'POST', `/api/v1/contests/${id}/claims`, { answer: 44, attest: true }), call(s, 'POST', `/api/v1/contests/${id}/claims`, { answer: 44, attest: true })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});

describe('personal data', () => {
  it('exports a person’s pseudonyms, entries and wins; deleting the account keeps the published list but unlinks the person', async () => {
    const { id, people } = await endedContest({ people: [2] });
    await call(staff, 'POST', `/api/v1/contests/${id}/draw`);
    const person = people[0]!;
    const exported = await call(person.session, 'GET', '/api/v1/me/export');
    const data = exported.json<{ data: { contestEntries: { pseudonym: string; entries: number }[]; contestWins: { status: string }[] } }>().data;
    expect(data.contestEntries[0]).toMatchObject({ entries: 2 });
    expect(data.contestWins[0]).toMatchObject({ status: 'notified' });
    const before = (await call(null, 'GET', `/api/v1/contests/${id}/draw`)).body;
    expect((await call(person.session, 'DELETE', '/api/v1/me', { password: PASSWORD, confirm: true })).statusCode).toBe(200);
    const rows = await ctx.database.db.select().from(contestParticipants).where(eq(contestParticipants.pseudonym, data.contestEntries[0]!.pseudonym));
    expect(rows[0]!.userId).toBeNull();
    expect((await call(null, 'GET', `/api/v1/contests/${id}/draw`)).body).toBe(before);
  });
});
