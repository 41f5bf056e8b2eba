/** A pledge’s moves through the API: accepting, declining, withdrawing, two-sided fulfilment, the lapse job (pages and forms: pledges-lifecycle-pages.test.ts). */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { impactEntries, pledgeEvents, pledges } from '../../src/modules/pledges/pledges.tables.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import { lapseOverduePledges } from '../../src/modules/pledges/pledges.service.js';
import { newId } from '../../src/db/ids.js';
import { api, caisseId, ctx, inDays, kindsFor, move, page, person, row, scenario, territoryId, usePledgesApp } from './pledges-lifecycle.fixtures.js';

usePledgesApp();

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
