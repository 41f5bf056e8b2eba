/**
 * The privacy register (ADR 0028): incidents and access requests through the JSON API and the
 * pages — create, read, list with filters and cursors, update, close (and its conditions),
 * translated field errors in French and English, the audit trail, no delete route, and what an
 * account deletion leaves (the request stays, unlinked). Who may call each route: the matrix file.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createUser, FORM, form, PASSWORD, signIn, uid } from '../helpers/factories.js';
import { auditLog } from '../../src/platform/platform.tables.js';
import { privacyRequests } from '../../src/modules/privacy-register/privacy-register.tables.js';
import { addDays } from '../../src/modules/privacy-register/privacy-register.rules.js';
import { montrealDate } from '../../src/modules/delegates/delegates.dates.js';

type Session = { cookie: string; csrf: string };
const api = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
const today = () => montrealDate(new Date());

let ctx: TestContext;
let admin: Session;
/** The same kind of admin, whose account speaks English (a signed-in person's own language wins). */
let adminEn: Session;
let adminId: string;

const incidentBody = (over: Record<string, unknown> = {}) => ({
  discoveredOn: addDays(today(), -3), occurredOn: addDays(today(), -5), description: `Fuite ${uid()}`, personalInfo: 'Courriels', peopleConcerned: 3,
  seriousRisk: false, riskAssessment: 'Faible : adresses seules.', ...over,
});
const requestBody = (over: Record<string, unknown> = {}) => ({ receivedOn: addDays(today(), -10), requesterName: 'Alex Test', requesterEmail: `alex-${uid()}@example.test`, kind: 'access', ...over });

beforeAll(async () => {
  ctx = await createTestApp();
  const a = await createUser(ctx, { role: { role: 'admin' } });
  adminId = a.id;
  admin = await signIn(ctx, a.email);
  adminEn = await signIn(ctx, (await createUser(ctx, { role: { role: 'admin' }, locale: 'en' })).email);
});
afterAll(async () => ctx.close());

describe('incidents', () => {
  it('records, reads, lists, changes and closes an incident, each step audited', async () => {
    const created = await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/privacy/incidents', headers: api(admin), payload: incidentBody() });
    expect(created.statusCode).toBe(201);
    const incident = created.json();
    expect(incident).toMatchObject({ status: 'open', seriousRisk: false, measures: '', caiNotifiedOn: null, closedAt: null, createdBy: { name: expect.any(String) } });

    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/admin/privacy/incidents/${incident.id}`, headers: api(admin) })).json()).toEqual(incident);
    const open = (await ctx.app.inject({ method: 'GET', url: '/api/v1/admin/privacy/incidents?status=open&limit=100', headers: api(admin) })).json();
    expect(open.items.map((i: { id: string }) => i.id)).toContain(incident.id);

    // Closing without measures is refused, with the reason on the field.
    const refused = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/admin/privacy/incidents/${incident.id}`, headers: api(adminEn), payload: { status: 'closed' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields.measures).toBe('Describe the measures taken before closing the incident.');

    const patched = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/admin/privacy/incidents/${incident.id}`, headers: api(admin), payload: { measures: 'Mots de passe changés.', status: 'closed' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'closed', measures: 'Mots de passe changés.', closedAt: expect.any(String) });
    const closed = (await ctx.app.inject({ method: 'GET', url: '/api/v1/admin/privacy/incidents?status=closed&limit=100', headers: api(admin) })).json();
    expect(closed.items.map((i: { id: string }) => i.id)).toContain(incident.id);

    const trail = await ctx.database.db.select({ action: auditLog.action, data: auditLog.data, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.subjectId, incident.id)).orderBy(auditLog.createdAt);
    expect(trail.map((e) => e.action)).toEqual(['privacy.incident.recorded', 'privacy.incident.closed']);
    expect(trail[1]!.data).toEqual({ fields: ['measures', 'status'] });
    expect(trail.every((e) => e.actorId === adminId)).toBe(true);
  });

  it('needs both notifications to close an incident with a serious risk', async () => {
    const incident = (await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/privacy/incidents', headers: api(admin), payload: incidentBody({ seriousRisk: true, measures: 'Accès coupé.' }) })).json();
    const refused = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/admin/privacy/incidents/${incident.id}`, headers: api(admin), payload: { status: 'closed', caiNotifiedOn: today() } });
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().error.details.fields)).toEqual(['peopleNotifiedOn']);
    const ok = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/admin/privacy/incidents/${incident.id}`, headers: api(admin), payload: { status: 'closed', caiNotifiedOn: today(), peopleNotifiedOn: today() } });
    expect(ok.json()).toMatchObject({ status: 'closed', caiNotifiedOn: today(), peopleNotifiedOn: today() });
  });

  it('explains invalid input field by field, in French and in English', async () => {
    const body = { discoveredOn: addDays(today(), 2), occurredOn: '2026-02-30', description: '', personalInfo: 'x', peopleConcerned: -1, seriousRisk: false, riskAssessment: 'x' };
    const fr = await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/privacy/incidents', headers: api(admin), payload: body });
    expect(fr.statusCode).toBe(400);
    expect(fr.json().error.details.fields).toEqual({ occurredOn: 'Entrez une date au format AAAA-MM-JJ.', description: 'Ce champ est obligatoire.', peopleConcerned: 'La valeur doit être d’au moins 0.' });
    const en = await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/privacy/incidents', headers: api(adminEn), payload: { ...body, occurredOn: null, description: 'ok', peopleConcerned: 1 } });
    expect(en.json().error.details.fields).toEqual({ discoveredOn: 'This date cannot be in the future.' });
  });

  it('pages: records through the form (errors kept on the form), edits, closes after confirmation; no delete anywhere', async () => {
    const bad = await ctx.app.inject({ method: 'POST', url: '/admin/confidentialite', headers: { cookie: admin.cookie, ...FORM }, payload: form({ _csrf: admin.csrf, discoveredOn: today(), occurredOn: '', description: 'Ordinateur perdu', personalInfo: '', peopleConcerned: 'beaucoup', seriousRisk: '', riskAssessment: '', measures: '', caiNotifiedOn: '', peopleNotifiedOn: '' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="personalInfo-error"');
    expect(bad.body).toContain('id="seriousRisk-error"');
    expect(bad.body).toContain('Ordinateur perdu');
    const ok = await ctx.app.inject({ method: 'POST', url: '/admin/confidentialite', headers: { cookie: admin.cookie, ...FORM }, payload: form({ _csrf: admin.csrf, discoveredOn: today(), occurredOn: '', description: 'Ordinateur perdu', personalInfo: 'Liste de bénévoles', peopleConcerned: '25', seriousRisk: 'no', riskAssessment: 'Chiffré.', measures: '', caiNotifiedOn: '', peopleNotifiedOn: '' }) });
    expect(ok.statusCode).toBe(303);
    const url = String(ok.headers.location).split('?')[0]!;
    const page = await ctx.app.inject({ method: 'GET', url: String(ok.headers.location), headers: { cookie: admin.cookie } });
    expect(page.body).toContain('C’est consigné au registre.');
    expect(page.body).toContain('data-confirm=');
    expect(page.body).toContain('ne peut pas être supprimé');
    const closeRefused = await ctx.app.inject({ method: 'POST', url: `${url}/fermer`, headers: { cookie: admin.cookie, ...FORM }, payload: form({ _csrf: admin.csrf }) });
    expect(closeRefused.statusCode).toBe(400);
    expect(closeRefused.body).toContain('Décrivez les mesures prises avant de fermer l’incident.');
    const edit = await ctx.app.inject({ method: 'POST', url, headers: { cookie: admin.cookie, ...FORM }, payload: form({ _csrf: admin.csrf, discoveredOn: today(), occurredOn: '', description: 'Ordinateur perdu', personalInfo: 'Liste de bénévoles', peopleConcerned: '25', seriousRisk: 'no', riskAssessment: 'Chiffré.', measures: 'Effacé à distance.', caiNotifiedOn: '', peopleNotifiedOn: '' }) });
    expect(edit.statusCode).toBe(303);
    const close = await ctx.app.inject({ method: 'POST', url: `${url}/fermer`, headers: { cookie: admin.cookie, ...FORM }, payload: form({ _csrf: admin.csrf }) });
    expect(close.headers.location).toBe(`${url}?fait=ferme`);
    const list = await ctx.app.inject({ method: 'GET', url: '/admin/confidentialite?etat=fermes', headers: { cookie: admin.cookie } });
    expect(list.body).toContain(url);
    expect((await ctx.app.inject({ method: 'GET', url: '/admin/confidentialite?etat=ouverts', headers: { cookie: admin.cookie } })).body).not.toContain(url);
    const id = url.split('/').pop()!;
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/v1/admin/privacy/incidents/${id}`, headers: api(admin) })).statusCode).toBe(404);
  });

  it('pages through the register with a cursor, newest discovery first', async () => {
    for (const d of [-30, -31, -32]) await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/privacy/incidents', headers: api(admin), payload: incidentBody({ discoveredOn: addDays(today(), d), occurredOn: null }) });
    const seen: { id: string; discoveredOn: string }[] = [];
    let cursor: string | null = null;
    do {
      const res: { json<T>(): T } = await ctx.app.inject({ method: 'GET', url: `/api/v1/admin/privacy/incidents?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: api(admin) });
      const body: { items: { id: string; discoveredOn: string }[]; nextCursor: string | null } = res.json<{ items: { id: string; discoveredOn: string }[]; nextCursor: string | null }>();
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    const days = seen.map((s) => s.discoveredOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });
});

describe('requests', () => {
  it('computes the due date, the days left and the overdue flag, sorted by due date', async () => {
    const soon = (await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/privacy/requests', headers: api(admin), payload: requestBody({ receivedOn: addDays(today(), -18) }) })).json();
    expect(soon).toMatchObject({ status: 'received', dueOn: addDays(today(), 12), daysLeft: 12, overdue: false, answeredOn: null });
    const late = (await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/privacy/requests', headers: api(admin), payload: requestBody({ receivedOn: addDays(today(), -33), kind: 'deletion' }) })).json();
    expect(late).toMatchObject({ daysLeft: -3, overdue: true });
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/admin/privacy/requests?status=open&limit=100', headers: api(admin) })).json<{ items: { id: string; dueOn: string }[] }>();
    const ids = list.items.map((r) => r.id);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(soon.id));
    expect(list.items.map((r) => r.dueOn)).toEqual([...list.items.map((r) => r.dueOn)].sort());

    const page = await ctx.app.inject({ method: 'GET', url: '/admin/confidentialite/demandes', headers: { cookie: adminEn.cookie } });
    expect(page.body).toContain('12 days left');
    expect(page.body).toContain('3 days overdue');
  });

  it('answers, refuses with a reason, extends with a later date; audited', async () => {
    const r = (await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/privacy/requests', headers: api(admin), payload: requestBody() })).json();
    const noDate = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/admin/privacy/requests/${r.id}`, headers: api(admin), payload: { status: 'answered' } });
    expect(noDate.json().error.details.fields).toEqual({ answeredOn: 'Indiquez la date de la réponse.' });
    const noReason = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/admin/privacy/requests/${r.id}`, headers: api(admin), payload: { status: 'refused', answeredOn: today() } });
    expect(noReason.json().error.details.fields).toEqual({ refusalReason: 'Indiquez le motif du refus.' });
    const extended = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/admin/privacy/requests/${r.id}`, headers: api(admin), payload: { status: 'extended', extendedUntil: addDays(today(), 30) } });
    expect(extended.json()).toMatchObject({ status: 'extended', dueOn: addDays(today(), 30), daysLeft: 30 });
    const answered = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/admin/privacy/requests/${r.id}`, headers: api(admin), payload: { status: 'answered', answeredOn: today() } });
    expect(answered.json()).toMatchObject({ status: 'answered', answeredOn: today(), daysLeft: null, overdue: false, late: false });
    const trail = await ctx.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectType, 'privacy_request'), eq(auditLog.subjectId, r.id))).orderBy(auditLog.createdAt);
    expect(trail.map((e) => e.action)).toEqual(['privacy.request.recorded', 'privacy.request.extended', 'privacy.request.answered']);
  });

  it('links the account using the e-mail, refuses a link to no account, and on deletion keeps the request unlinked', async () => {
    const person = await createUser(ctx);
    const none = await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/privacy/requests', headers: api(adminEn), payload: requestBody({ linkAccount: true }) });
    expect(none.json().error.details.fields.requesterEmail).toContain('No account uses this e-mail');
    const linked = (await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/privacy/requests', headers: api(admin), payload: requestBody({ requesterEmail: person.email.toUpperCase(), linkAccount: true, kind: 'portability' }) })).json();
    expect(linked.requester).toEqual({ name: 'Alex Test', email: person.email, account: { handle: person.handle } });

    const own = await signIn(ctx, person.email);
    const exported = (await ctx.app.inject({ method: 'GET', url: '/api/v1/me/export', headers: api(own) })).json();
    expect(exported.data.privacyRequests).toEqual([expect.objectContaining({ kind: 'portability', status: 'received' })]);
    expect(JSON.stringify(exported.data.privacyRequests)).not.toContain('notes');

    const deleted = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: api(own), payload: { password: PASSWORD, confirm: true } });
    expect(deleted.statusCode).toBeLessThan(300);
    const [row] = await ctx.database.db.select().from(privacyRequests).where(eq(privacyRequests.id, linked.id));
    expect(row).toMatchObject({ requesterUserId: null, requesterName: 'Alex Test' });
  });

  it('pages: records a request through the form, then marks it answered', async () => {
    const bad = await ctx.app.inject({ method: 'POST', url: '/admin/confidentialite/demandes', headers: { cookie: adminEn.cookie, ...FORM }, payload: form({ _csrf: adminEn.csrf, receivedOn: today(), requesterName: 'Sam', requesterEmail: 'pas-un-courriel', kind: '', status: 'received', answeredOn: '', extendedUntil: '', refusalReason: '', notes: '' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a valid e-mail address');
    expect(bad.body).toContain('id="kind-error"');
    const ok = await ctx.app.inject({ method: 'POST', url: '/admin/confidentialite/demandes', headers: { cookie: admin.cookie, ...FORM }, payload: form({ _csrf: admin.csrf, receivedOn: today(), requesterName: 'Sam', requesterEmail: 'sam@example.test', kind: 'rectification', status: 'received', answeredOn: '', extendedUntil: '', refusalReason: '', notes: '' }) });
    expect(ok.statusCode).toBe(303);
    const url = String(ok.headers.location).split('?')[0]!;
    expect((await ctx.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } })).body).toContain('30 jours restants');
    const answered = await ctx.app.inject({ method: 'POST', url: `${url}/repondue`, headers: { cookie: admin.cookie, ...FORM }, payload: form({ _csrf: admin.csrf }) });
    expect(answered.headers.location).toBe(`${url}?fait=repondue`);
    const id = url.split('/').pop()!;
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/admin/privacy/requests/${id}`, headers: api(admin) })).json()).toMatchObject({ status: 'answered', answeredOn: today() });
  });
});
