/**
 * The privacy register's deadlines (ADR 0028): the register-wide summary counted in SQL (open
 * requests overdue, due today, due in 1 to 7 days; open incidents and serious ones), its API twin
 * and its place on both list pages in French and English; and the daily reminder e-mail to every
 * platform admin, in their language, without the requester, once per Montréal day however many
 * times the job runs (in turn, at once, through pg-boss), delivered to a real SMTP peer on loopback.
 * The counts cover whole tables, so the file runs on a database of its own (PGlite per file, or a
 * PostgreSQL database created for it).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedTestApp, flushMail, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createUser, signIn, uid } from '../helpers/factories.js';
import { runOnTwoWorkers } from '../helpers/jobs.js';
import { decodeQuotedPrintable, startSmtpServer } from '../helpers/smtp.js';
import { newId } from '../../src/db/ids.js';
import { users } from '../../src/modules/auth/auth.tables.js';
import { mailOutbox } from '../../src/platform/platform.tables.js';
import { accessRepository } from '../../src/modules/access/access.repository.js';
import { privacyReminders, type RequestKind, type RequestStatus } from '../../src/modules/privacy-register/privacy-register.tables.js';
import { privacyRegisterRepository as repo, type DeadlineCounts } from '../../src/modules/privacy-register/privacy-register.repository.js';
import { addDays } from '../../src/modules/privacy-register/privacy-register.rules.js';
import { registerToday } from '../../src/modules/privacy-register/privacy-register.service.js';
import { sendDeadlineReminder } from '../../src/modules/privacy-register/privacy-register.reminder.service.js';
import { JOB_DEADLINE_REMINDER, privacyRegisterJobs } from '../../src/modules/privacy-register/privacy-register.jobs.js';

type Session = { cookie: string; csrf: string };
type Person = Awaited<ReturnType<typeof createUser>>;

let ctx: TestContext;
let adminFr: Person;
let adminEn: Person;
let adminFrSession: Session;
let adminEnSession: Session;
/** Who must never get the reminder: a caisse's admin, caisse staff, a citizen, a suspended and a deleted platform admin. */
let others: Person[];
let othersSessions: Session[];

const db = () => ctx.database.db;
const get = (url: string, who?: Session) => ctx.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const minus = (a: DeadlineCounts, b: DeadlineCounts) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof DeadlineCounts] - b[k as keyof DeadlineCounts]]));

/** A request written straight to the register (dates the rules would refuse are fine here): the requester's name and e-mail are secrets the mail must never show. */
async function request(o: { dueOn: string; extendedUntil?: string; status?: RequestStatus; kind?: RequestKind }) {
  const status = o.status ?? 'received';
  const closed = status === 'answered' || status === 'refused';
  return repo.insertRequest(db(), {
    id: newId(), receivedOn: addDays(o.dueOn, -30), dueOn: o.dueOn, extendedUntil: o.extendedUntil ?? null, requesterName: `Zoé Secrète ${uid()}`, requesterEmail: `secret-${uid()}@example.test`,
    kind: o.kind ?? 'access', status, answeredOn: closed ? addDays(o.dueOn, -1) : null, refusalReason: status === 'refused' ? 'Hors champ.' : '',
  });
}
async function incident(o: { seriousRisk: boolean; status: 'open' | 'closed' }) {
  return repo.insertIncident(db(), { id: newId(), discoveredOn: addDays(registerToday(), -2), description: 'Test', personalInfo: 'Courriels', peopleConcerned: 2, seriousRisk: o.seriousRisk, riskAssessment: 'Test.', measures: 'Fait.', status: o.status, caiNotifiedOn: null, peopleNotifiedOn: null });
}
const remindersTo = (emails: string[]) => db().select().from(mailOutbox).where(and(inArray(mailOutbox.toAddress, emails), eq(mailOutbox.kind, 'privacy_reminder')));

beforeAll(async () => {
  ctx = await createIsolatedTestApp();
  adminFr = await createUser(ctx, { role: { role: 'admin' }, displayName: 'Nadia Responsable' });
  adminEn = await createUser(ctx, { role: { role: 'admin' }, locale: 'en', displayName: 'Nadia Officer' });
  adminFrSession = await signIn(ctx, adminFr.email);
  adminEnSession = await signIn(ctx, adminEn.email);
  const caisse = await createCaisse(ctx);
  const caisseAdmin = await createUser(ctx, { role: { role: 'admin', caisseId: caisse.id } });
  const staff = await createUser(ctx, { role: { role: 'staff', caisseId: caisse.id } });
  const citizen = await createUser(ctx);
  const suspended = await createUser(ctx, { role: { role: 'admin' } });
  const deleted = await createUser(ctx, { role: { role: 'admin' } });
  othersSessions = [await signIn(ctx, caisseAdmin.email), await signIn(ctx, staff.email), await signIn(ctx, citizen.email)];
  await db().update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspended.id));
  await db().update(users).set({ deletedAt: new Date() }).where(eq(users.id, deleted.id));
  others = [caisseAdmin, staff, citizen, suspended, deleted];
}, 60_000);
afterAll(async () => ctx?.close());

describe('the deadline summary', () => {
  it('counts the whole register in SQL: open requests overdue, due today, due in 1 to 7 days; open incidents and serious ones', async () => {
    const today = registerToday();
    const soonUntil = addDays(today, 7);
    const before = await repo.deadlineCounts(db(), today, soonUntil);
    const counted = [
      await request({ dueOn: addDays(today, -40), status: 'in_progress' }),
      await request({ dueOn: addDays(today, -20), extendedUntil: addDays(today, -2), status: 'extended' }),
      await request({ dueOn: addDays(today, -1) }),
      await request({ dueOn: today, kind: 'deletion' }),
      await request({ dueOn: addDays(today, 1) }),
      await request({ dueOn: addDays(today, -5), extendedUntil: addDays(today, 4), status: 'extended' }),
      await request({ dueOn: addDays(today, 7), status: 'in_progress', kind: 'portability' }),
    ];
    const ignored = [
      await request({ dueOn: addDays(today, 8) }),
      await request({ dueOn: addDays(today, -3), extendedUntil: addDays(today, 20), status: 'extended' }),
      await request({ dueOn: addDays(today, -10), status: 'answered' }),
      await request({ dueOn: today, status: 'refused' }),
    ];
    await incident({ seriousRisk: false, status: 'open' });
    await incident({ seriousRisk: true, status: 'open' });
    await incident({ seriousRisk: true, status: 'open' });
    await incident({ seriousRisk: true, status: 'closed' });
    const after = await repo.deadlineCounts(db(), today, soonUntil);
    expect(minus(after, before)).toEqual({ overdue: 3, dueToday: 1, dueSoon: 3, openIncidents: 3, openSeriousIncidents: 2 });

    // The reminder's list: the same requests, soonest first by the date that counts, never the others.
    const listed = (await repo.openRequestsDueBy(db(), soonUntil, 500)).map((r) => r.id);
    expect(listed.filter((id) => counted.some((c) => c.id === id))).toEqual([counted[0]!.id, counted[1]!.id, counted[2]!.id, counted[3]!.id, counted[4]!.id, counted[5]!.id, counted[6]!.id]);
    expect(listed.some((id) => ignored.some((i) => i.id === id))).toBe(false);
  });

  it('API twin: 401 for visitors, 403 for everyone but platform admins, the counts for admins', async () => {
    const url = '/api/v1/admin/privacy/summary';
    expect((await get(url)).statusCode).toBe(401);
    for (const who of othersSessions) expect((await get(url, who)).statusCode).toBe(403);
    const before = await get(url, adminFrSession);
    expect(before.statusCode).toBe(200);
    const today = registerToday();
    await request({ dueOn: addDays(today, -4) });
    await request({ dueOn: addDays(today, 3) });
    await incident({ seriousRisk: true, status: 'open' });
    const res = await get(url, adminFrSession);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['incidents', 'requests', 'soonUntil', 'today']);
    expect(body).toMatchObject({ today, soonUntil: addDays(today, 7) });
    const b = before.json();
    expect(body.requests).toEqual({ overdue: b.requests.overdue + 1, dueToday: b.requests.dueToday, dueSoon: b.requests.dueSoon + 1 });
    expect(body.incidents).toEqual({ open: b.incidents.open + 1, openSeriousRisk: b.incidents.openSeriousRisk + 1 });
    // Exactly what the repository counts (nothing else writes to this database).
    const counts = await repo.deadlineCounts(db(), today, addDays(today, 7));
    expect(body).toEqual({ today, soonUntil: addDays(today, 7), requests: { overdue: counts.overdue, dueToday: counts.dueToday, dueSoon: counts.dueSoon }, incidents: { open: counts.openIncidents, openSeriousRisk: counts.openSeriousIncidents } });
  });

  it('shows at the top of both lists, in French and in English: counts in words, the overdue ones in a warning linking to the list', async () => {
    const summary = (await get('/api/v1/admin/privacy/summary', adminFrSession)).json();
    expect(summary.requests.overdue).toBeGreaterThan(0);
    const dd = (html: string, label: string) => new RegExp(`<dt>${label}</dt><dd>(\\d+)</dd>`).exec(html)?.[1];
    for (const url of ['/admin/confidentialite/demandes', '/admin/confidentialite']) {
      const fr = (await get(url, adminFrSession)).body;
      expect(fr).toContain('Le registre en un coup d’œil');
      expect(dd(fr, 'Demandes en retard')).toBe(String(summary.requests.overdue));
      expect(dd(fr, 'Demandes à échéance aujourd’hui')).toBe(String(summary.requests.dueToday));
      expect(dd(fr, 'Demandes à échéance dans 1 à 7 jours')).toBe(String(summary.requests.dueSoon));
      expect(dd(fr, 'Incidents ouverts')).toBe(String(summary.incidents.open));
      expect(dd(fr, 'Incidents ouverts à risque de préjudice sérieux')).toBe(String(summary.incidents.openSeriousRisk));
      expect(fr).toContain(`${summary.requests.overdue} demandes ont dépassé leur échéance de 30 jours.`);
      expect(fr).toMatch(/<div class="notice notice-warning"[^>]*>.*<a href="\/admin\/confidentialite\/demandes\?etat=en-cours">Voir les demandes à traiter, les plus en retard d’abord<\/a>/s);
      const en = (await get(url, adminEnSession)).body;
      expect(en).toContain('The register at a glance');
      expect(dd(en, 'Overdue requests')).toBe(String(summary.requests.overdue));
      expect(dd(en, 'Requests due in 1 to 7 days')).toBe(String(summary.requests.dueSoon));
      expect(en).toContain(`${summary.requests.overdue} requests are past their 30-day due date.`);
    }
  });
});

describe('the daily reminder', () => {
  // Days of their own, long past, so each test's reminder day and its requests are its alone.
  const day = '2003-03-10';

  it('sends nothing and records no day when nothing is due within 7 days', async () => {
    const quiet = '1999-06-15';
    const later = await request({ dueOn: addDays(quiet, 8) });
    expect(await sendDeadlineReminder(ctx.app.deps, quiet)).toEqual({ day: quiet, due: 0, mails: 0 });
    expect(await db().select().from(privacyReminders).where(eq(privacyReminders.day, quiet))).toEqual([]);
    expect(await remindersTo([adminFr.email, adminEn.email])).toEqual([]);
    // Answered, so the next test's day (later on) does not find it overdue.
    await repo.updateRequest(db(), later.id, { status: 'answered', answeredOn: addDays(quiet, 1) });
  });

  it('e-mails each active platform admin once a day, in their language, by reference only; run in turn or at once', async () => {
    const late = await request({ dueOn: addDays(day, -3), status: 'in_progress', kind: 'rectification' });
    const today = await request({ dueOn: day, kind: 'deletion' });
    const extended = await request({ dueOn: addDays(day, -10), extendedUntil: addDays(day, 5), status: 'extended' });
    const beyond = await request({ dueOn: addDays(day, 8) });
    const answered = await request({ dueOn: addDays(day, -6), status: 'answered' });
    const secrets = (await Promise.all([late, today, extended, beyond, answered].map(async (r) => repo.findRequest(db(), r.id)))).flatMap((r) => [r!.requesterName, r!.requesterEmail]);

    const runs = [...(await Promise.all([sendDeadlineReminder(ctx.app.deps, day), sendDeadlineReminder(ctx.app.deps, day)])), await sendDeadlineReminder(ctx.app.deps, day)];
    const admins = await accessRepository.platformAdmins(db());
    expect(admins.map((a) => a.id)).toEqual(expect.arrayContaining([adminFr.id, adminEn.id]));
    expect(runs.map((r) => r.mails).sort()).toEqual([0, 0, admins.length]);
    expect(runs.every((r) => r.due === 3)).toBe(true);
    expect(await db().select({ recipients: privacyReminders.recipients, requests: privacyReminders.requests }).from(privacyReminders).where(eq(privacyReminders.day, day))).toEqual([{ recipients: admins.length, requests: 3 }]);

    const mails = await remindersTo([adminFr.email, adminEn.email, ...others.map((o) => o.email)]);
    expect(mails.map((m) => m.toAddress).sort()).toEqual([adminFr.email, adminEn.email].sort());
    expect(mails.find((m) => m.toAddress === adminFr.email)!.subject).toBe('Rappel Loi 25 : 3 demandes à traiter');
    expect(mails.find((m) => m.toAddress === adminEn.email)!.subject).toBe('Law 25 reminder: 3 requests to answer');

    // Delivered through a real SMTP peer on loopback.
    const smtp = await startSmtpServer();
    try {
      await flushMail(ctx, smtp.url);
      const received = (to: string) => smtp.received.filter((m) => m.to.includes(to)).map((m) => decodeQuotedPrintable(m.raw));
      expect(received(adminFr.email)).toHaveLength(1);
      expect(received(adminEn.email)).toHaveLength(1);
      const fr = received(adminFr.email)[0]!;
      const en = received(adminEn.email)[0]!;
      for (const o of others) expect(received(o.email)).toEqual([]);
      expect(fr).toContain('Bonjour Nadia Responsable,');
      expect(fr).toContain('En retard : 1 · Échéance aujourd’hui : 1 · Échéance dans 1 à 7 jours : 1');
      expect(fr).toContain(`Rectification · réf. ${late.id} · échéance le 7 mars 2003 · En retard de 3 jours`);
      expect(fr).toContain(`Suppression · réf. ${today.id} · échéance le 10 mars 2003 · Échéance aujourd’hui`);
      expect(fr).toContain(`Accès · réf. ${extended.id} · échéance le 15 mars 2003 · 5 jours restants`);
      expect(fr).toContain(`http://localhost:3000/admin/confidentialite/demandes/${late.id}`);
      expect(fr).toContain('http://localhost:3000/admin/confidentialite/demandes?etat=en-cours');
      expect(fr.indexOf(late.id)).toBeLessThan(fr.indexOf(today.id));
      expect(fr.indexOf(today.id)).toBeLessThan(fr.indexOf(extended.id));
      expect(en).toContain('Hello Nadia Officer,');
      expect(en).toContain(`Rectification · ref. ${late.id} · due March 7, 2003 · 3 days overdue`);
      expect(en).toContain(`Access · ref. ${extended.id} · due March 15, 2003 · 5 days left`);
      for (const body of [fr, en]) {
        expect(body).not.toContain(beyond.id);
        expect(body).not.toContain(answered.id);
        for (const secret of secrets) expect(body).not.toContain(secret);
      }
    } finally {
      await smtp.close();
    }
  });

  it('through pg-boss: the daily job run four times at once by two workers queues one reminder per admin for today', async () => {
    const [definition] = privacyRegisterJobs(ctx.app.deps);
    expect(definition).toMatchObject({ name: JOB_DEADLINE_REMINDER, policy: 'short', schedule: { cron: '0 8 * * *' } });
    await request({ dueOn: addDays(registerToday(), 2) });
    const emails = [adminFr.email, adminEn.email];
    const before = (await remindersTo(emails)).length;
    await runOnTwoWorkers(ctx, privacyRegisterJobs(ctx.app.deps), JOB_DEADLINE_REMINDER, ['a', 'b', 'c', 'd']);
    expect((await remindersTo(emails)).length - before).toBe(2);
    expect(await db().select({ day: privacyReminders.day }).from(privacyReminders).where(eq(privacyReminders.day, registerToday()))).toEqual([{ day: registerToday() }]);
  });
});
