/**
 * Authorisation matrix of the privacy register (ADR 0028): every page and JSON route of the
 * incident register and the access requests, asked by every kind of actor of the shared world
 * (anonymous, citizen, staff and moderators here and elsewhere, organisation members, platform
 * admin). Platform admins only; visitors are sent to sign in (401 / redirect), everyone else 403.
 * State-changing rows build a fresh incident or request each time, so no row depends on another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { outcomeOf, sendAs, type Outcome, type Req, type Via } from './authorisation-matrix.http.js';
import { ACTORS, buildWorld, type World, type Who } from './authorisation-matrix.fixtures.js';
import { newId } from '../../src/db/ids.js';
import { privacyRegisterRepository } from '../../src/modules/privacy-register/privacy-register.repository.js';
import { addDays, dueDate } from '../../src/modules/privacy-register/privacy-register.rules.js';
import { montrealDate } from '../../src/modules/delegates/delegates.dates.js';

type Target = { incident: string; request: string };
type Row = { route: string; via: Via; request: (t: Target) => Req };

let ctx: TestContext;
let world: World;
const ADMIN_ONLY = Object.fromEntries(ACTORS.map((w) => [w, w === 'platformAdmin' ? 'ok' : w === 'anonymous' ? 'signIn' : 'forbidden'])) as Record<Who, Outcome>;
const today = () => montrealDate(new Date());
/** The targets' discovery day: they sort after every other file's incidents in the newest-first lists (a few hundred of them share the PostgreSQL database). */
const LONG_AGO = () => addDays(today(), -3650);
const incidentBody = { discoveredOn: addDays(today(), -1), description: 'Matrice', personalInfo: 'Courriels', peopleConcerned: 1, seriousRisk: false, riskAssessment: 'Faible.' };
const incidentForm = { ...incidentBody, occurredOn: '', peopleConcerned: '1', seriousRisk: 'no', measures: '', caiNotifiedOn: '', peopleNotifiedOn: '' };
const requestBody = { receivedOn: today(), requesterName: 'Matrice', requesterEmail: 'matrice@example.test', kind: 'access' };
const requestForm = { ...requestBody, status: 'in_progress', answeredOn: '', extendedUntil: '', refusalReason: '', notes: '' };
const get = (url: string): Req => ({ method: 'GET', url });

const ROUTES: Row[] = [
  // ——— the register at a glance ———
  { route: 'GET /api/v1/admin/privacy/summary', via: 'api', request: () => get('/api/v1/admin/privacy/summary') },
  // ——— incidents ———
  { route: 'GET /admin/confidentialite', via: 'page', request: () => get('/admin/confidentialite?etat=ouverts') },
  { route: 'GET /admin/confidentialite/nouveau', via: 'page', request: () => get('/admin/confidentialite/nouveau') },
  { route: 'POST /admin/confidentialite', via: 'page', request: () => ({ method: 'POST', url: '/admin/confidentialite', body: incidentForm }) },
  { route: 'GET /admin/confidentialite/:id', via: 'page', request: (t) => get(`/admin/confidentialite/${t.incident}`) },
  { route: 'POST /admin/confidentialite/:id', via: 'page', request: (t) => ({ method: 'POST', url: `/admin/confidentialite/${t.incident}`, body: { ...incidentForm, measures: 'Fait.' } }) },
  { route: 'POST /admin/confidentialite/:id/fermer', via: 'page', request: (t) => ({ method: 'POST', url: `/admin/confidentialite/${t.incident}/fermer` }) },
  { route: 'POST /admin/confidentialite/:id/rouvrir', via: 'page', request: (t) => ({ method: 'POST', url: `/admin/confidentialite/${t.incident}/rouvrir` }) },
  { route: 'GET /api/v1/admin/privacy/incidents', via: 'api', request: () => get('/api/v1/admin/privacy/incidents') },
  { route: 'POST /api/v1/admin/privacy/incidents', via: 'api', request: () => ({ method: 'POST', url: '/api/v1/admin/privacy/incidents', body: incidentBody }) },
  { route: 'GET /api/v1/admin/privacy/incidents/:id', via: 'api', request: (t) => get(`/api/v1/admin/privacy/incidents/${t.incident}`) },
  { route: 'PATCH /api/v1/admin/privacy/incidents/:id', via: 'api', request: (t) => ({ method: 'PATCH', url: `/api/v1/admin/privacy/incidents/${t.incident}`, body: { peopleConcerned: 2 } }) },
  // ——— requests ———
  { route: 'GET /admin/confidentialite/demandes', via: 'page', request: () => get('/admin/confidentialite/demandes') },
  { route: 'GET /admin/confidentialite/demandes/nouvelle', via: 'page', request: () => get('/admin/confidentialite/demandes/nouvelle') },
  { route: 'POST /admin/confidentialite/demandes', via: 'page', request: () => ({ method: 'POST', url: '/admin/confidentialite/demandes', body: requestForm }) },
  { route: 'GET /admin/confidentialite/demandes/:id', via: 'page', request: (t) => get(`/admin/confidentialite/demandes/${t.request}`) },
  { route: 'POST /admin/confidentialite/demandes/:id', via: 'page', request: (t) => ({ method: 'POST', url: `/admin/confidentialite/demandes/${t.request}`, body: requestForm }) },
  { route: 'POST /admin/confidentialite/demandes/:id/repondue', via: 'page', request: (t) => ({ method: 'POST', url: `/admin/confidentialite/demandes/${t.request}/repondue` }) },
  { route: 'GET /api/v1/admin/privacy/requests', via: 'api', request: () => get('/api/v1/admin/privacy/requests?status=open') },
  { route: 'POST /api/v1/admin/privacy/requests', via: 'api', request: () => ({ method: 'POST', url: '/api/v1/admin/privacy/requests', body: requestBody }) },
  { route: 'GET /api/v1/admin/privacy/requests/:id', via: 'api', request: (t) => get(`/api/v1/admin/privacy/requests/${t.request}`) },
  { route: 'PATCH /api/v1/admin/privacy/requests/:id', via: 'api', request: (t) => ({ method: 'PATCH', url: `/api/v1/admin/privacy/requests/${t.request}`, body: { status: 'in_progress' } }) },
];

beforeAll(async () => {
  ctx = await createTestApp();
  world = await buildWorld(ctx);
});
afterAll(async () => ctx.close());

/** A fresh open incident (with its measures, so it may be closed) and a fresh request. */
async function target(): Promise<Target> {
  const db = ctx.database.db;
  const incident = await privacyRegisterRepository.insertIncident(db, { id: newId(), discoveredOn: LONG_AGO(), description: 'Cible', personalInfo: 'Noms', peopleConcerned: 1, seriousRisk: false, riskAssessment: 'Faible.', measures: 'Fait.', status: 'closed' });
  const request = await privacyRegisterRepository.insertRequest(db, { id: newId(), receivedOn: today(), dueOn: dueDate(today()), requesterName: 'Cible', requesterEmail: 'cible@example.test', kind: 'access' });
  return { incident: incident.id, request: request.id };
}

describe('privacy register authorisation matrix', () => {
  it.each(ROUTES.map((r) => [r.route, r] as const))('%s', async (_route, row) => {
    const got: Record<string, string> = {};
    for (const who of ACTORS) {
      const t = await target();
      // Closing needs an open incident; the other rows do not mind.
      const req = row.route.endsWith('/fermer') ? row.request({ ...t, incident: (await privacyRegisterRepository.insertIncident(ctx.database.db, { id: newId(), discoveredOn: LONG_AGO(), description: 'Cible', personalInfo: 'Noms', peopleConcerned: 1, seriousRisk: false, riskAssessment: 'Faible.', measures: 'Fait.' })).id }) : row.request(t);
      got[who] = outcomeOf(await sendAs(ctx, world.sessions[who], req, row.via));
    }
    expect(got).toEqual(ADMIN_ONLY);
  });

  it('shows the two registers in the admin navigation to platform admins only', async () => {
    const admin = await sendAs(ctx, world.sessions.platformAdmin, get('/admin'), 'page');
    expect(admin.body).toContain('href="/admin/confidentialite"');
    expect(admin.body).toContain('href="/admin/confidentialite/demandes"');
    const staff = await sendAs(ctx, world.sessions.staffHere, get('/'), 'page');
    expect(staff.body).not.toContain('/admin/confidentialite');
  });
});
