import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createNeed, createOrganisation, createProject, createTerritory, createUser, FORM, form, signIn, visitor } from '../helpers/factories.js';
import { impactEntries, pledgeEvents, pledges } from '../../src/modules/pledges/pledges.tables.js';
import { projectTeam } from '../../src/modules/projects/projects.tables.js';
import { notifications } from '../../src/modules/notifications/notifications.tables.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import { localToday } from '../../src/modules/pledges/pledges.policy.js';
import { lapseOverduePledges } from '../../src/modules/pledges/pledges.service.js';
import { newId } from '../../src/db/ids.js';

let ctx: TestContext;
let territoryId: string;
let caisseId: string;
type Session = { cookie: string; csrf: string };
type User = Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  ctx = await createTestApp();
  territoryId = (await createTerritory(ctx)).id;
  caisseId = (await createCaisse(ctx, { territoryIds: [territoryId] })).id;
});
afterAll(() => ctx.close());

const today = localToday(new Date());
const inDays = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

function api(s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) {
  return ctx.app.inject({ method, url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(payload ? { payload } : {}) });
}
const htmlPost = (s: Session, url: string, data: Record<string, string>) => ctx.app.inject({ method: 'POST', url, headers: { ...FORM, cookie: s.cookie }, payload: form({ _csrf: s.csrf, ...data }) });
const page = (s: Session, url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

async function person(o: Parameters<typeof createUser>[1] = {}): Promise<{ user: User; s: Session }> {
  const user = await createUser(ctx, { territoryId, ...o });
  return { user, s: await signIn(ctx, user.email) };
}

/** A published project with a team of two, a need, and one proposed pledge from a supporter. */
async function scenario(o: { kind?: 'volunteering' | 'loan' | 'material'; quantity?: number; supporterLocale?: 'fr' | 'en'; showName?: boolean } = {}) {
  const promoter = await person();
  const member = await person();
  const supporter = await person({ locale: o.supporterLocale ?? 'fr', displayName: `Soutien ${Math.random().toString(36).slice(2, 6)}` });
  const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId, caisseId, title: `Frigo partagé ${Math.random().toString(36).slice(2, 6)}` });
  await ctx.database.db.insert(projectTeam).values({ projectId: project.id, userId: member.user.id, role: 'member' });
  const need = await createNeed(ctx, { projectId: project.id, kind: o.kind ?? 'volunteering', quantity: o.quantity ?? 10, title: 'Bénévoles pour la corvée' });
  const res = await api(supporter.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: o.quantity ?? 4, startDate: inDays(3), showName: o.showName ?? false });
  expect(res.statusCode).toBe(201);
  return { promoter, member, supporter, project, need, pledgeId: res.json().id as string };
}

const move = (s: Session, id: string, to: string, reason?: string) => api(s, 'POST', `/api/v1/pledges/${id}/transitions`, { to, ...(reason !== undefined ? { reason } : {}) });
const row = async (id: string) => (await ctx.database.db.select().from(pledges).where(eq(pledges.id, id)))[0]!;
const kindsFor = async (userId: string, pledgeId: string) =>
  (await ctx.database.db.select().from(notifications).where(eq(notifications.userId, userId))).filter((n) => n.data.pledgeId === pledgeId).map((n) => n.kind).sort();

describe('accepting and declining', () => {
  it('lets the team accept a proposal and tells the supporter', async () => {
    const { member, supporter, pledgeId } = await scenario();
    const res = await move(member.s, pledgeId, 'accepted');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', outcome: 'accepted', can: { confirmFulfilled: true, accept: false } });
    expect((await row(pledgeId)).status).toBe('accepted');
    expect(await kindsFor(supporter.user.id, pledgeId)).toEqual(['pledge.accepted']);
    const events = await ctx.database.db.select().from(pledgeEvents).where(eq(pledgeEvents.pledgeId, pledgeId));
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toContainEqual(['proposed', 'accepted', member.user.id]);
  });

  it('lets the team decline with a reason, and refuses a second answer', async () => {
    const { promoter, supporter, pledgeId } = await scenario();
    const res = await move(promoter.s, pledgeId, 'declined', 'Nous avons déjà assez de monde ce jour-là.');
    expect(res.json()).toMatchObject({ status: 'declined', reason: 'Nous avons déjà assez de monde ce jour-là.' });
    expect(await kindsFor(supporter.user.id, pledgeId)).toEqual(['pledge.declined']);
    const again = await move(promoter.s, pledgeId, 'accepted');
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'TRANSITION_NOT_ALLOWED']);
  });

  it('refuses the answer to the supporter, strangers, caisse staff and admins (403), and moves the state does not allow (409)', async () => {
    const { supporter, pledgeId } = await scenario();
    expect((await move(supporter.s, pledgeId, 'accepted')).statusCode).toBe(403);
    const stranger = await person();
    const staff = await person({ role: { role: 'staff', caisseId } });
    const admin = await person({ role: { role: 'admin' } });
    for (const who of [stranger, staff, admin]) {
      const res = await move(who.s, pledgeId, 'accepted');
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await move(supporter.s, pledgeId, 'fulfilled')).json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await row(pledgeId)).status).toBe('proposed');
    expect((await api(null, 'POST', `/api/v1/pledges/${pledgeId}/transitions`, { to: 'accepted' })).statusCode).toBe(401);
  });
});

describe('withdrawing', () => {
  it('needs a reason, then tells the whole team', async () => {
    const { promoter, member, supporter, pledgeId } = await scenario();
    await move(promoter.s, pledgeId, 'accepted');
    const missing = await move(supporter.s, pledgeId, 'withdrawn');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields.reason).toBe('Dites en quelques mots pourquoi vous retirez votre engagement.');
    expect((await row(pledgeId)).status).toBe('accepted');
    const res = await move(supporter.s, pledgeId, 'withdrawn', 'Je déménage.');
    expect(res.json()).toMatchObject({ status: 'withdrawn', reason: 'Je déménage.' });
    expect(await kindsFor(promoter.user.id, pledgeId)).toContain('pledge.withdrawn');
    expect(await kindsFor(member.user.id, pledgeId)).toContain('pledge.withdrawn');
    expect((await move(promoter.s, pledgeId, 'withdrawn', 'x')).statusCode).toBe(403);
  });
});

describe('two-sided fulfilment', () => {
  it('asks the other side when one confirms, fulfils on the second, records impact and thanks the supporter in their language', async () => {
    const { promoter, supporter, project, pledgeId } = await scenario({ supporterLocale: 'en' });
    await move(promoter.s, pledgeId, 'accepted');
    const first = await move(promoter.s, pledgeId, 'fulfilled');
    expect(first.json()).toMatchObject({ status: 'accepted', outcome: 'fulfil_requested' });
    expect((await row(pledgeId)).promoterConfirmedAt).not.toBeNull();
    expect(await kindsFor(supporter.user.id, pledgeId)).toEqual(['pledge.accepted', 'pledge.fulfil_requested']);
    expect((await move(promoter.s, pledgeId, 'fulfilled')).json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(await ctx.database.db.select().from(impactEntries).where(eq(impactEntries.pledgeId, pledgeId))).toHaveLength(0);

    const second = await move(supporter.s, pledgeId, 'fulfilled');
    expect(second.json()).toMatchObject({ status: 'fulfilled', outcome: 'fulfilled' });
    const done = await row(pledgeId);
    expect(done.fulfilledAt).not.toBeNull();
    expect(done.supporterConfirmedAt).not.toBeNull();
    const [entry] = await ctx.database.db.select().from(impactEntries).where(eq(impactEntries.pledgeId, pledgeId));
    expect(entry).toMatchObject({ projectId: project.id, territoryId, caisseId, kind: 'volunteering', hours: 4, fundedCents: 0 });
    expect(entry!.supporterKey).not.toContain(supporter.user.id);
    expect(await kindsFor(supporter.user.id, pledgeId)).toEqual(['pledge.accepted', 'pledge.fulfil_requested', 'pledge.thanks']);
    expect(await kindsFor(promoter.user.id, pledgeId)).toContain('pledge.fulfilled');
    const [mail] = await ctx.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, supporter.user.email), eq(mailOutbox.kind, 'pledge_thanks')));
    expect(mail!.subject).toBe(`Thank you for your help to “${project.title}”`);
    expect(mail!.textBody).toContain('4 hours of volunteering');
    expect(mail!.htmlBody).toContain('lang="en-CA"');
  });

  it('lets the supporter confirm first too', async () => {
    const { promoter, supporter, pledgeId } = await scenario();
    await move(promoter.s, pledgeId, 'accepted');
    expect((await move(supporter.s, pledgeId, 'fulfilled')).json().outcome).toBe('fulfil_requested');
    expect(await kindsFor(promoter.user.id, pledgeId)).toContain('pledge.fulfil_requested');
    expect((await move(supporter.s, pledgeId, 'withdrawn', 'Trop tard')).statusCode).toBe(409);
    expect((await move(promoter.s, pledgeId, 'fulfilled')).json().status).toBe('fulfilled');
  });

  it('writes the status, ledger, notifications and thank-you mail in one transaction (all or nothing)', async () => {
    const { promoter, supporter, project, pledgeId } = await scenario();
    await move(promoter.s, pledgeId, 'accepted');
    await move(promoter.s, pledgeId, 'fulfilled');
    const fn = `refuse_impact_${project.id.replace(/[^a-zA-Z0-9]/g, '_')}`;
    await ctx.database.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.project_id = '${project.id}' THEN RAISE EXCEPTION 'ledger down'; END IF; RETURN NEW; END $$`);
    await ctx.database.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON impact_entries FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const failed = await move(supporter.s, pledgeId, 'fulfilled');
      expect(failed.statusCode).toBe(500);
    } finally {
      await ctx.database.query(`DROP TRIGGER ${fn} ON impact_entries`);
      await ctx.database.query(`DROP FUNCTION ${fn}()`);
    }
    expect(await row(pledgeId)).toMatchObject({ status: 'accepted', supporterConfirmedAt: null });
    expect(await kindsFor(supporter.user.id, pledgeId)).not.toContain('pledge.thanks');
    expect(await ctx.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, supporter.user.email), eq(mailOutbox.kind, 'pledge_thanks')))).toHaveLength(0);
    expect((await move(supporter.s, pledgeId, 'fulfilled')).json().status).toBe('fulfilled');
    expect(await ctx.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, supporter.user.email), eq(mailOutbox.kind, 'pledge_thanks')))).toHaveLength(1);
  });
});

describe('the same moves through the HTML forms', () => {
  it('accepts from the inbox, confirms from both sides, and comes back with a notice', async () => {
    const { promoter, supporter, pledgeId, need } = await scenario();
    const inbox = await page(promoter.s, '/moi/engagements-recus');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain('À répondre');
    expect(inbox.body).toContain(need.title);
    expect(inbox.body).toContain(`action="/engagements/${pledgeId}/transition"`);
    const accepted = await htmlPost(promoter.s, `/engagements/${pledgeId}/transition`, { to: 'accepted', returnTo: '/moi/engagements-recus' });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/moi/engagements-recus?fait=accepted');
    expect((await page(promoter.s, accepted.headers.location!)).body).toContain('Engagement accepté.');
    const mine = await page(supporter.s, '/moi/contributions');
    expect(mine.body).toContain('Confirmer que l’aide a eu lieu');
    expect((await htmlPost(supporter.s, `/engagements/${pledgeId}/transition`, { to: 'fulfilled', returnTo: '/moi/contributions' })).headers.location).toBe('/moi/contributions?fait=fulfil_requested');
    expect((await page(supporter.s, '/moi/contributions')).body).toContain('Vous avez confirmé que l’aide a eu lieu; l’équipe doit confirmer à son tour.');
    const last = await htmlPost(promoter.s, `/engagements/${pledgeId}/transition`, { to: 'fulfilled', returnTo: `/engagements/${pledgeId}` });
    expect(last.headers.location).toBe(`/engagements/${pledgeId}?fait=fulfilled`);
    expect((await row(pledgeId)).status).toBe('fulfilled');
  });

  it('declines with a reason from a form', async () => {
    const { promoter, pledgeId } = await scenario();
    const res = await htmlPost(promoter.s, `/engagements/${pledgeId}/transition`, { to: 'declined', reason: 'Complet', returnTo: '/moi/engagements-recus' });
    expect(res.statusCode).toBe(303);
    expect(await row(pledgeId)).toMatchObject({ status: 'declined', reason: 'Complet' });
  });

  it('re-shows the pledge with the error when a withdrawal has no reason, then withdraws', async () => {
    const { supporter, pledgeId } = await scenario();
    const mine = await page(supporter.s, '/moi/contributions');
    expect(mine.body).toContain('data-confirm="Retirer cet engagement? L’équipe du projet en sera avisée."');
    const bad = await htmlPost(supporter.s, `/engagements/${pledgeId}/transition`, { to: 'withdrawn', reason: '', returnTo: '/moi/contributions' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Dites en quelques mots pourquoi vous retirez votre engagement.');
    expect(bad.body).toContain('aria-invalid="true"');
    expect((await row(pledgeId)).status).toBe('proposed');
    const ok = await htmlPost(supporter.s, `/engagements/${pledgeId}/transition`, { to: 'withdrawn', reason: 'Empêchement', returnTo: '/moi/contributions' });
    expect(ok.headers.location).toBe('/moi/contributions?fait=withdrawn');
    expect((await page(supporter.s, ok.headers.location!)).body).toContain('Votre engagement est retiré.');
  });

  it('never follows a returnTo off the site', async () => {
    const { promoter, pledgeId } = await scenario();
    const res = await htmlPost(promoter.s, `/engagements/${pledgeId}/transition`, { to: 'accepted', returnTo: '//evil.example/' });
    expect(res.headers.location).toBe(`/engagements/${pledgeId}?fait=accepted`);
  });
});

describe('who sees a pledge', () => {
  it('shows its page to the supporter, the team, the territory’s caisse staff and admins; 404 to anyone else', async () => {
    const { promoter, member, supporter, pledgeId, need } = await scenario();
    const staff = await person({ role: { role: 'staff', caisseId } });
    const admin = await person({ role: { role: 'admin' } });
    for (const who of [promoter, member, supporter, staff, admin]) {
      const res = await page(who.s, `/engagements/${pledgeId}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`Engagement : ${need.title}`);
    }
    const otherCaisse = await createCaisse(ctx);
    const staffElsewhere = await person({ role: { role: 'staff', caisseId: otherCaisse.id } });
    const stranger = await person();
    for (const who of [stranger, staffElsewhere]) {
      expect((await page(who.s, `/engagements/${pledgeId}`)).statusCode).toBe(404);
      expect((await api(who.s, 'GET', `/api/v1/pledges/${pledgeId}`)).json().error.code).toBe('PLEDGE_NOT_FOUND');
    }
    const v = await visitor(ctx);
    expect((await ctx.app.inject({ method: 'GET', url: `/engagements/${pledgeId}`, headers: { cookie: v.cookie } })).statusCode).toBe(303);
  });

  it('shows the history and the on-honour flag on the pledge page', async () => {
    const promoter = await person();
    const rep = await person();
    const org = await createOrganisation(ctx, { representativeId: rep.user.id, partner: true, name: 'Boulangerie Guillaume' });
    const project = await createProject(ctx, { promoterId: promoter.user.id, territoryId, caisseId });
    const need = await createNeed(ctx, { projectId: project.id, kind: 'loan', quantity: 200_000 });
    const created = await api(rep.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 200_000, startDate: inDays(5), organisationId: org.id });
    await move(promoter.s, created.json().id, 'accepted');
    const res = await page(promoter.s, `/engagements/${created.json().id}`);
    expect(res.body).toContain('Sur l’honneur');
    expect(res.body).toContain('Au nom de Boulangerie Guillaume, sur l’honneur.');
    expect(res.body).toContain(`${rep.user.displayName} a proposé l’engagement.`);
    expect(res.body).toContain(`${promoter.user.displayName} a accepté l’engagement.`);
  });

  it('lists all of a project’s pledges to its team, accepted ones to others, named only as supporters chose', async () => {
    const { promoter, project, need, pledgeId } = await scenario({ showName: false });
    const named = await person({ displayName: 'Nommée Publiquement' });
    const namedPledge = (await api(named.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 2, startDate: inDays(4), showName: true })).json().id as string;
    const gone = await person({ displayName: 'Compte Supprimé' });
    const gonePledge = (await api(gone.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 1, startDate: inDays(4), showName: true })).json().id as string;
    for (const id of [pledgeId, namedPledge, gonePledge]) await move(promoter.s, id, 'accepted');
    await ctx.database.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, gone.user.id));
    const extra = await person();
    await api(extra.s, 'POST', `/api/v1/needs/${need.id}/pledges`, { quantity: 1, startDate: inDays(4) });

    const team = (await api(promoter.s, 'GET', `/api/v1/projects/${project.id}/pledges`)).json();
    expect(team.items).toHaveLength(4);
    const publicView = (await api(null, 'GET', `/api/v1/projects/${project.id}/pledges`)).json();
    expect(publicView.items.map((p: { id: string }) => p.id).sort()).toEqual([pledgeId, namedPledge, gonePledge].sort());
    const byId = new Map(publicView.items.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(namedPledge)).toMatchObject({ supporter: { displayName: 'Nommée Publiquement' }, message: null });
    expect(byId.get(pledgeId)).toMatchObject({ supporter: null });
    expect(byId.get(gonePledge)).toMatchObject({ supporter: null });
    expect((await api(null, 'GET', `/api/v1/projects/${project.id}/pledges?status=proposed`)).json().items).toHaveLength(0);
  });

  it('filters my pledges by status and lists the ones I received', async () => {
    const { promoter, supporter, pledgeId } = await scenario();
    expect((await api(supporter.s, 'GET', '/api/v1/me/pledges?status=proposed')).json().items.map((p: { id: string }) => p.id)).toEqual([pledgeId]);
    expect((await api(supporter.s, 'GET', '/api/v1/me/pledges?status=accepted')).json().items).toHaveLength(0);
    const received = (await api(promoter.s, 'GET', '/api/v1/me/pledges?scope=received')).json();
    expect(received.items[0]).toMatchObject({ id: pledgeId, can: { accept: true, decline: true } });
    const other = await scenario();
    const second = (await api(supporter.s, 'POST', `/api/v1/needs/${other.need.id}/pledges`, { quantity: 1, startDate: inDays(2) })).json().id as string;
    const first = (await api(supporter.s, 'GET', '/api/v1/me/pledges?limit=1')).json();
    expect(first.items.map((p: { id: string }) => p.id)).toEqual([second]);
    const next = (await api(supporter.s, 'GET', `/api/v1/me/pledges?limit=1&cursor=${first.nextCursor}`)).json();
    expect([next.items.map((p: { id: string }) => p.id), next.nextCursor]).toEqual([[pledgeId], null]);
  });
});

describe('the lapse job', () => {
  it('lapses proposals and unfulfilled acceptances more than 14 days past their date, logs it and tells both sides', async () => {
    const { promoter, supporter, project, need } = await scenario({ quantity: 1 });
    const insert = async (status: 'proposed' | 'accepted' | 'fulfilled', startDate: string, endDate: string | null = null, confirmed = false) => {
      const id = newId();
      await ctx.database.db.insert(pledges).values({ id, needId: need.id, projectId: project.id, supporterId: supporter.user.id, quantity: 1, status, startDate, endDate, promoterConfirmedAt: confirmed ? new Date() : null });
      return id;
    };
    const now = new Date();
    const oldProposal = await insert('proposed', inDays(-20));
    const oldAccepted = await insert('accepted', inDays(-30), inDays(-15), true);
    const recentEnd = await insert('accepted', inDays(-30), inDays(-10));
    const exactly14 = await insert('proposed', inDays(-14));
    const fulfilled = await insert('fulfilled', inDays(-60));
    const lapsedCount = await lapseOverduePledges(ctx.app.deps, now);
    expect(lapsedCount).toBeGreaterThanOrEqual(2);
    expect((await row(oldProposal)).status).toBe('lapsed');
    expect((await row(oldAccepted)).status).toBe('lapsed');
    expect((await row(recentEnd)).status).toBe('accepted');
    expect((await row(exactly14)).status).toBe('proposed');
    expect((await row(fulfilled)).status).toBe('fulfilled');
    const events = await ctx.database.db.select().from(pledgeEvents).where(eq(pledgeEvents.pledgeId, oldAccepted));
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([['accepted', 'lapsed', null]]);
    expect(await kindsFor(supporter.user.id, oldProposal)).toEqual(['pledge.lapsed']);
    expect(await kindsFor(promoter.user.id, oldProposal)).toEqual(['pledge.lapsed']);
    expect(await lapseOverduePledges(ctx.app.deps, now)).toBe(0);
    const detail = await page(supporter.s, `/engagements/${oldProposal}`);
    expect(detail.body).toContain('L’engagement a expiré');
  });
});
