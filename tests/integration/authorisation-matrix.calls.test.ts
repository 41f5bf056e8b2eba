/**
 * Authorisation matrix of calls for projects: who may create, edit and move a call, read its
 * applications, apply, and read or edit an application — anonymous, a citizen, the promoter of the
 * applying project, a promoter of another project, staff of the call's caisse ("here") and of
 * another caisse, a platform admin. Expectations come from calls.policy.ts and access.scope.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createProject, createUser, signIn } from '../helpers/factories.js';
import { buildWorld, type Session, type World } from './authorisation-matrix.fixtures.js';
import { createCallFixture } from './calls.fixtures.js';
import { newId } from '../../src/db/ids.js';
import { callQuestions } from '../../src/modules/calls/calls.tables.js';
import { tinyPdf } from '../../src/seed/tiny-pdf.js';

const WHO = ['anonymous', 'citizen', 'promoter', 'otherPromoter', 'staffHere', 'staffElsewhere', 'platformAdmin'] as const;
type Who = (typeof WHO)[number];
type Outcome = 200 | 201 | 204 | 303 | 400 | 401 | 403 | 404;
type Req = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: Record<string, unknown> };
type Row = { route: string; expect: Record<Who, Outcome>; request: () => Promise<Req> };

let ctx: TestContext;
let w: World;
const sessions = {} as Record<Who, Session>;
let promoterProject: string;

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const callFor = (phase: 'draft' | 'open' = 'open') => createCallFixture(ctx, { caisseId: w.caisseHere.id, territoryIds: [w.here.id], phase });
/** A fresh application of the promoter's project to a fresh open call. */
async function application(): Promise<{ id: string }> {
  const call = await callFor();
  const res = await send(sessions.promoter, { method: 'POST', url: `/api/v1/calls/${call.id}/applications`, body: { project: promoterProject } });
  if (res.statusCode !== 201) throw new Error(`application: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>();
}
/** A submitted application whose `file` question the promoter answered with a PDF (ADR 0024). */
async function applicationWithFile(): Promise<{ callId: string; slug: string; id: string; questionId: string }> {
  const call = await callFor();
  const questionId = newId();
  await ctx.database.db.insert(callQuestions).values({ id: questionId, callId: call.id, position: 9, kind: 'file', label: 'Plan', required: false });
  const res = await send(sessions.promoter, { method: 'POST', url: `/api/v1/calls/${call.id}/applications`, body: { project: promoterProject } });
  const { id } = res.json<{ id: string }>();
  const boundary = '----ec-matrix';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), tinyPdf(['Plan']), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const up = await ctx.app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/applications/${id}/files/${questionId}`, headers: { cookie: sessions.promoter.cookie, 'x-csrf-token': sessions.promoter.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  if (up.statusCode !== 200) throw new Error(`upload: ${up.statusCode} ${up.body}`);
  return { callId: call.id, slug: call.slug, id, questionId };
}
function send(s: Session, r: Req) {
  return ctx.app.inject({ method: r.method, url: r.url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(r.body ? { payload: r.body } : {}) });
}
const row = (anonymous: Outcome, citizen: Outcome, promoter: Outcome, otherPromoter: Outcome, staffHere: Outcome, staffElsewhere: Outcome, platformAdmin: Outcome) => ({ anonymous, citizen, promoter, otherPromoter, staffHere, staffElsewhere, platformAdmin });

const ROWS: Row[] = [
  { route: 'POST /api/v1/calls (caisse here)', expect: row(401, 403, 403, 403, 201, 403, 201), request: async () => ({ method: 'POST', url: '/api/v1/calls', body: { caisse: w.caisseHere.slug, title: 'Appel de la matrice', theme: 'Test', territories: [w.here.slug], budgetCents: 100_000, maxPerProjectCents: 50_000, opensAt: iso(1), submissionsCloseAt: iso(10), reviewEndsAt: iso(12), resultsAt: iso(14) } }) },
  { route: 'PATCH /api/v1/calls/:id (draft)', expect: row(401, 404, 404, 404, 200, 404, 200), request: async () => ({ method: 'PATCH', url: `/api/v1/calls/${(await callFor('draft')).id}`, body: { title: 'Nouveau titre' } }) },
  { route: 'PATCH /api/v1/calls/:id (open)', expect: row(401, 403, 403, 403, 200, 403, 200), request: async () => ({ method: 'PATCH', url: `/api/v1/calls/${(await callFor()).id}`, body: { description: 'Précisions.' } }) },
  { route: 'POST /api/v1/calls/:id/transitions', expect: row(401, 403, 403, 403, 200, 403, 200), request: async () => ({ method: 'POST', url: `/api/v1/calls/${(await callFor()).id}/transitions`, body: { to: 'review' } }) },
  { route: 'GET /api/v1/calls/:id/applications', expect: row(401, 403, 403, 403, 200, 403, 200), request: async () => ({ method: 'GET', url: `/api/v1/calls/${(await callFor()).id}/applications` }) },
  { route: 'GET /appels/:slug/candidatures (page)', expect: row(401, 403, 403, 403, 200, 403, 200), request: async () => ({ method: 'GET', url: `/appels/${(await callFor()).slug}/candidatures` }) },
  { route: 'GET /appels/:slug/modifier (page)', expect: row(401, 403, 403, 403, 200, 403, 200), request: async () => ({ method: 'GET', url: `/appels/${(await callFor()).slug}/modifier` }) },
  // Applying with the promoter's project: anyone else is told to choose a project of their own.
  { route: 'POST /api/v1/calls/:id/applications', expect: row(401, 400, 201, 400, 400, 400, 400), request: async () => ({ method: 'POST', url: `/api/v1/calls/${(await callFor()).id}/applications`, body: { project: promoterProject } }) },
  { route: 'GET /api/v1/applications/:id', expect: row(401, 403, 200, 403, 200, 403, 200), request: async () => ({ method: 'GET', url: `/api/v1/applications/${(await application()).id}` }) },
  { route: 'PATCH /api/v1/applications/:id', expect: row(401, 403, 200, 403, 403, 403, 403), request: async () => ({ method: 'PATCH', url: `/api/v1/applications/${(await application()).id}`, body: { action: 'save', answers: {} } }) },
  // Private application files (ADR 0024); jurors with and without a conflict: tests/integration/call-files.test.ts.
  { route: 'GET /api/v1/calls/:id/applications/:applicationId/files/:questionId', expect: row(401, 403, 200, 403, 200, 403, 200), request: async () => { const a = await applicationWithFile(); return { method: 'GET', url: `/api/v1/calls/${a.callId}/applications/${a.id}/files/${a.questionId}` }; } },
  { route: 'GET /appels/:slug/candidatures/:id/fichiers/:questionId (page)', expect: row(401, 403, 200, 403, 200, 403, 200), request: async () => { const a = await applicationWithFile(); return { method: 'GET', url: `/appels/${a.slug}/candidatures/${a.id}/fichiers/${a.questionId}` }; } },
  // Removing a file answer: the promoter only (each request gets a fresh application with its file).
  { route: 'DELETE /api/v1/calls/:id/applications/:applicationId/files/:questionId', expect: row(401, 403, 204, 403, 403, 403, 403), request: async () => { const a = await applicationWithFile(); return { method: 'DELETE', url: `/api/v1/calls/${a.callId}/applications/${a.id}/files/${a.questionId}` }; } },
  { route: 'POST /appels/:slug/candidatures/:id/fichiers/:questionId/retirer (page)', expect: row(401, 403, 303, 403, 403, 403, 403), request: async () => { const a = await applicationWithFile(); return { method: 'POST', url: `/appels/${a.slug}/candidatures/${a.id}/fichiers/${a.questionId}/retirer` }; } },
  // Everyone signed in lists their own applications (only theirs: tests/integration/my-applications.test.ts).
  { route: 'GET /api/v1/me/applications', expect: row(401, 200, 200, 200, 200, 200, 200), request: async () => ({ method: 'GET', url: '/api/v1/me/applications' }) },
  { route: 'GET /moi/candidatures (page)', expect: row(401, 200, 200, 200, 200, 200, 200), request: async () => ({ method: 'GET', url: '/moi/candidatures' }) },
];

beforeAll(async () => {
  ctx = await createTestApp();
  w = await buildWorld(ctx);
  const promoter = await createUser(ctx, { territoryId: w.here.id });
  promoterProject = (await createProject(ctx, { promoterId: promoter.id, territoryId: w.here.id })).id;
  const other = await createUser(ctx, { territoryId: w.here.id });
  await createProject(ctx, { promoterId: other.id, territoryId: w.here.id });
  Object.assign(sessions, {
    anonymous: w.sessions.anonymous, citizen: w.sessions.citizen, staffHere: w.sessions.staffHere, staffElsewhere: w.sessions.staffElsewhere, platformAdmin: w.sessions.platformAdmin,
    promoter: await signIn(ctx, promoter.email), otherPromoter: await signIn(ctx, other.email),
  });
});
afterAll(() => ctx.close());

describe('calls: authorisation matrix', () => {
  for (const r of ROWS) {
    it(r.route, async () => {
      const got: Record<string, number> = {};
      for (const who of WHO) {
        const res = await send(sessions[who], await r.request());
        // A page asked anonymously redirects to sign-in.
        got[who] = res.statusCode === 303 && String(res.headers.location).startsWith('/connexion') ? 401 : res.statusCode;
      }
      expect(got).toEqual(r.expect);
    });
  }
});
