import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { newId } from '../../src/db/ids.js';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, signIn, uid } from '../helpers/factories.js';
import { createCallFixture, type CallFixture } from './calls.fixtures.js';
import { createDelegate } from './call-reviews.fixtures.js';
import { callApplicationFiles, callApplications, callQuestions, calls } from '../../src/modules/calls/calls.tables.js';
import { auditLog } from '../../src/platform/platform.tables.js';
import { callConflicts, callJurors } from '../../src/modules/call-reviews/call-reviews.tables.js';
import { tinyPdf } from '../../src/seed/tiny-pdf.js';
import { sweepOrphanFiles } from '../../src/modules/calls/calls.files.service.js';

type Session = { cookie: string; csrf: string };
let ctx: TestContext;
let dataDir: string;
let call: CallFixture;
let planId: string;
let photoId: string;
let territoryId: string;
let caisseId: string;
const MAX = 1_048_576;

function multipart(parts: ({ name: string; value: string } | { name: string; filename: string; type: string; data: Buffer })[]) {
  const boundary = `----ec-${uid()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    else chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const get = (s: Session | null, url: string, lang = 'fr') => ctx.app.inject({ method: 'GET', url, headers: { ...(s ? { cookie: s.cookie } : {}), 'accept-language': lang } });
const pdf = () => tinyPdf(['Plan de la ruelle', 'Douze bacs, deux bancs']);
const privateFiles = async () => (await readdir(path.join(dataDir, 'private')).catch(() => [] as string[])).sort();

/** Posts the no-JS application form as a browser would: multipart, the CSRF token in the action URL. */
async function postForm(s: Session, o: { id?: string; fields: Record<string, string>; files?: { name: string; filename: string; type: string; data: Buffer }[] }, lang = 'fr') {
  const { payload, contentType } = multipart([...Object.entries(o.fields).map(([name, value]) => ({ name, value })), ...(o.files ?? [])]);
  const q = new URLSearchParams({ ...(o.id ? { id: o.id } : {}), _csrf: s.csrf });
  return ctx.app.inject({ method: 'POST', url: `/appels/${call.slug}/candidature?${q.toString()}`, headers: { cookie: s.cookie, 'content-type': contentType, 'accept-language': lang }, payload });
}

async function promoterWithProject(locale: 'fr' | 'en' = 'fr') {
  const user = await createUser(ctx, { territoryId, locale });
  const project = await createProject(ctx, { promoterId: user.id, territoryId, title: `Ruelle ${user.id.slice(0, 5)}` });
  return { user, project, session: await signIn(ctx, user.email) };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ec-call-files-'));
  ctx = await createTestApp({ dataDir, applicationFileMaxBytes: MAX });
  const territory = await createTerritory(ctx, { state: 'pilot' });
  territoryId = territory.id;
  const caisse = await createCaisse(ctx, { territoryIds: [territory.id] });
  caisseId = caisse.id;
  call = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [territory.id] });
  planId = newId();
  photoId = newId();
  await ctx.database.db.insert(callQuestions).values([
    { id: planId, callId: call.id, position: 2, kind: 'file', label: 'Plan du projet', help: 'Un plan ou un devis.', required: true },
    { id: photoId, callId: call.id, position: 3, kind: 'file', label: 'Photo des lieux', required: false },
  ]);
});
afterAll(async () => {
  await ctx.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('file answers on the application form (no JS)', () => {
  it('shows a file input with its types and size, and keeps typed answers when a file is refused', async () => {
    const { session, project } = await promoterWithProject();
    const page = await get(session, `/appels/${call.slug}/candidature`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toMatch(/<input id="answers\.[^"]+" name="answers\.[^"]+" type="file" accept="\.pdf,[^"]*application\/pdf/);
    expect(page.body).toContain('PDF, JPEG, PNG ou WebP, 1 Mo au plus.');

    const fields = { project: project.id, requestedCents: '2 500', [`answers.${call.questionIds[0]}`]: 'Des bacs et des bancs', _action: 'submit' };
    const wrong = await postForm(session, { fields, files: [{ name: `answers.${planId}`, filename: 'plan.pdf', type: 'application/pdf', data: Buffer.from('MZ\x90\x00 not a pdf') }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Ce type de fichier n’est pas accepté');
    expect(wrong.body).toContain('Des bacs et des bancs');
    expect(wrong.body).toContain('value="2 500"');

    const big = await postForm(session, { fields, files: [{ name: `answers.${planId}`, filename: 'plan.pdf', type: 'application/pdf', data: Buffer.concat([pdf(), Buffer.alloc(MAX + 10, 0x20)]) }] }, 'en');
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('Ce fichier dépasse 1 Mo : choisissez un fichier plus léger.');
    expect(big.body).toContain('Des bacs et des bancs');

    const empty = await postForm(session, { fields, files: [{ name: `answers.${planId}`, filename: 'vide.pdf', type: 'application/pdf', data: Buffer.alloc(0) }] });
    expect(empty.body).toContain('Ce fichier est vide.');

    // No more files than the call has file questions (two here).
    const extra = { name: `answers.${planId}`, filename: 'plan.pdf', type: 'application/pdf', data: pdf() };
    expect((await postForm(session, { fields, files: [extra, { ...extra, name: `answers.${photoId}` }, { ...extra, name: 'answers.other' }] })).statusCode).toBe(413);

    // Submitting without the required file: the question says so.
    const missing = await postForm(session, { fields });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toMatch(/Plan du projet/);
    expect(await privateFiles()).toEqual([]);
  });

  it('stores a PDF and a re-encoded image privately, shows them, and replacing removes the old file', async () => {
    const { session, project } = await promoterWithProject();
    const jpeg = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#0b5d4b' } }).jpeg().withMetadata({ exif: { IFD0: { Artist: 'secret-exif-artist' } } }).toBuffer();
    const before = await privateFiles();
    const res = await postForm(session, {
      fields: { project: project.id, requestedCents: '3000', [`answers.${call.questionIds[0]}`]: 'Un plan', _action: 'submit' },
      files: [{ name: `answers.${planId}`, filename: '../../etc/Plan\u202e final.pdf', type: 'application/octet-stream', data: pdf() }, { name: `answers.${photoId}`, filename: 'ruelle.jpeg', type: 'image/jpeg', data: jpeg }],
    });
    expect(res.statusCode).toBe(303);
    const [app] = await ctx.database.db.select().from(callApplications).where(eq(callApplications.projectId, project.id));
    expect(app!.status).toBe('submitted');
    const files = await ctx.database.db.select().from(callApplicationFiles).where(eq(callApplicationFiles.applicationId, app!.id));
    expect(files.map((f) => [f.questionId, f.fileName, f.mime]).sort()).toEqual([[planId, 'Plan final.pdf', 'application/pdf'], [photoId, 'ruelle.jpeg', 'image/jpeg']].sort());
    expect((await privateFiles()).length).toBe(before.length + 2);

    // Not on the public media route, whatever its key.
    for (const f of files) expect((await get(null, `/media/${f.mediaKey}`)).statusCode).toBe(404);

    const download = await get(session, `/appels/${call.slug}/candidatures/${app!.id}/fichiers/${planId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe('attachment; filename="Plan final.pdf"; filename*=UTF-8\'\'Plan%20final.pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf())).toBe(true);
    const image = await get(session, `/appels/${call.slug}/candidatures/${app!.id}/fichiers/${photoId}`);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.includes(Buffer.from('secret-exif-artist'))).toBe(false);
    expect((await sharp(image.rawPayload).metadata()).exif).toBeUndefined();

    // The edit page shows the current file with its link and size; the API lists it.
    const edit = await get(session, `/appels/${call.slug}/candidature?id=${app!.id}`);
    expect(edit.body).toContain('Fichier actuel :');
    expect(edit.body).toContain(`/appels/${call.slug}/candidatures/${app!.id}/fichiers/${planId}`);
    const view = await ctx.app.inject({ method: 'GET', url: `/api/v1/applications/${app!.id}`, headers: { cookie: session.cookie } });
    expect(view.json().files).toEqual(expect.arrayContaining([expect.objectContaining({ questionId: planId, name: 'Plan final.pdf', mime: 'application/pdf', sizeBytes: pdf().length, url: `/api/v1/calls/${call.id}/applications/${app!.id}/files/${planId}` })]));

    // Saving again without choosing a file keeps it; choosing another replaces it and removes the old one.
    const oldKey = files.find((f) => f.questionId === planId)!.mediaKey;
    const keep = await postForm(session, { id: app!.id, fields: { requestedCents: '3000', [`answers.${call.questionIds[0]}`]: 'Un plan revu', _action: 'save' }, files: [{ name: `answers.${planId}`, filename: '', type: 'application/octet-stream', data: Buffer.alloc(0) }] });
    expect(keep.statusCode).toBe(303);
    expect((await privateFiles())).toContain(oldKey);
    const replaced = await postForm(session, { id: app!.id, fields: { requestedCents: '3000', [`answers.${call.questionIds[0]}`]: 'Un plan revu', _action: 'save' }, files: [{ name: `answers.${planId}`, filename: 'plan-v2.pdf', type: 'application/pdf', data: tinyPdf(['Plan v2']) }] });
    expect(replaced.statusCode).toBe(303);
    const after = await ctx.database.db.select().from(callApplicationFiles).where(eq(callApplicationFiles.applicationId, app!.id));
    expect(after.find((f) => f.questionId === planId)!.fileName).toBe('plan-v2.pdf');
    expect(await privateFiles()).not.toContain(oldKey);
    expect((await privateFiles()).length).toBe(before.length + 2);
  });
});

describe('the API twin', () => {
  it('uploads and downloads with the same rules, refusing wrong types', async () => {
    const { session, project } = await promoterWithProject('en');
    const created = await ctx.app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/applications`, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { project: project.id, requestedCents: 100_000, answers: { [call.questionIds[0]!]: 'Un projet' } } });
    expect(created.statusCode).toBe(201);
    const appId = created.json().id as string;
    const url = `/api/v1/calls/${call.id}/applications/${appId}/files/${planId}`;
    const send = (data: Buffer, filename = 'devis.pdf', s: Session = session) => {
      const { payload, contentType } = multipart([{ name: 'file', filename, type: 'application/pdf', data }]);
      return ctx.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType, 'accept-language': 'en' }, payload });
    };
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const refused = await send(gif, 'anim.gif');
    expect([refused.statusCode, refused.json().error.details.fields]).toEqual([400, { file: 'This type of file is not accepted: choose a PDF or a JPEG, PNG or WebP image.' }]);
    expect((await send(Buffer.alloc(MAX + 1, 0x25))).json().error.details.fields.file).toMatch(/^This file is over/);

    const ok = await send(pdf());
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ questionId: planId, name: 'devis.pdf', mime: 'application/pdf', url });
    const down = await ctx.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    expect([down.statusCode, down.headers['content-type'], down.headers['x-content-type-options']]).toEqual([200, 'application/pdf', 'nosniff']);

    const stranger = await signIn(ctx, (await createUser(ctx)).email);
    expect((await send(pdf(), 'x.pdf', stranger)).statusCode).toBe(403);
    // A visitor has no session to carry a CSRF token: refused before anything is read.
    expect((await send(pdf(), 'x.pdf', { cookie: '', csrf: '' })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/calls/${call.id}/applications/${appId}/files/${call.questionIds[0]}`, headers: { cookie: session.cookie } })).statusCode).toBe(404);
  });
});

describe('removing a file answer', () => {
  const removeUrl = (appId: string, questionId: string) => `/appels/${call.slug}/candidatures/${appId}/fichiers/${questionId}/retirer`;
  const postRemove = (s: Session, appId: string, questionId: string, lang = 'fr') =>
    ctx.app.inject({ method: 'POST', url: removeUrl(appId, questionId), headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': lang }, payload: `_csrf=${encodeURIComponent(s.csrf)}` });
  const apiDelete = (s: Session, appId: string, questionId: string, lang = 'en') =>
    ctx.app.inject({ method: 'DELETE', url: `/api/v1/calls/${call.id}/applications/${appId}/files/${questionId}`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'accept-language': lang } });
  const rowsOf = (appId: string) => ctx.database.db.select().from(callApplicationFiles).where(eq(callApplicationFiles.applicationId, appId));

  it('a draft’s file is removed after confirmation, its bytes deleted; a required one of a submitted application is kept', async () => {
    const { session, project } = await promoterWithProject();
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#335577' } }).png().toBuffer();
    const saved = await postForm(session, {
      fields: { project: project.id, requestedCents: '1000', [`answers.${call.questionIds[0]}`]: 'Texte', _action: 'save' },
      files: [{ name: `answers.${planId}`, filename: 'plan.pdf', type: 'application/pdf', data: pdf() }, { name: `answers.${photoId}`, filename: 'lieux.png', type: 'image/png', data: photo }],
    });
    expect(saved.statusCode).toBe(303);
    const [app] = await ctx.database.db.select().from(callApplications).where(eq(callApplications.projectId, project.id));
    const keys = Object.fromEntries((await rowsOf(app!.id)).map((r) => [r.questionId, r.mediaKey]));

    // A draft: both files have a "Remove" button tied to its own confirmed form (forms cannot nest).
    const edit = await get(session, `/appels/${call.slug}/candidature?id=${app!.id}`);
    expect(edit.body).toContain(`<button type="submit" form="retirer-fichier-${planId}"`);
    expect(edit.body).toContain('Retirer plan.pdf');
    expect(edit.body).toMatch(new RegExp(`<form id="retirer-fichier-${photoId}" method="post" action="${removeUrl(app!.id, photoId)}" data-confirm="Retirer « lieux.png » de votre candidature \\? Le fichier sera supprimé définitivement\\." hidden>`));

    // Someone else cannot remove it; the promoter can, and is told so on the form.
    const stranger = await signIn(ctx, (await createUser(ctx)).email);
    expect((await postRemove(stranger, app!.id, photoId)).statusCode).toBe(403);
    const removed = await postRemove(session, app!.id, photoId);
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/appels/${call.slug}/candidature?id=${encodeURIComponent(app!.id)}&fait=fichier-retire`);
    const after = await get(session, removed.headers.location as string);
    expect(after.body).toContain('Fichier retiré de la candidature.');
    expect(after.body).not.toContain('lieux.png');
    expect((await rowsOf(app!.id)).map((r) => r.questionId)).toEqual([planId]);
    expect(await privateFiles()).not.toContain(keys[photoId]);
    expect(await privateFiles()).toContain(keys[planId]);
    // Nothing left to remove: not found, and nothing else changes.
    expect((await postRemove(session, app!.id, photoId)).statusCode).toBe(404);

    // Submitted: the required plan can be replaced but not removed, by the page or the API.
    const submitted = await postForm(session, { id: app!.id, fields: { requestedCents: '1000', [`answers.${call.questionIds[0]}`]: 'Texte', _action: 'submit' } });
    expect(submitted.statusCode).toBe(303);
    const locked = await get(session, `/appels/${call.slug}/candidature?id=${app!.id}`);
    expect(locked.body).not.toContain(`form="retirer-fichier-${planId}"`);
    expect(locked.body).toContain('Cette question est obligatoire : le fichier peut être remplacé, mais pas retiré.');
    expect((await postRemove(session, app!.id, planId)).statusCode).toBe(409);
    const refused = await apiDelete(session, app!.id, planId);
    expect([refused.statusCode, refused.json().error.code, refused.json().error.message]).toEqual([409, 'CALL_FILE_REQUIRED', 'Cette question est obligatoire et la candidature est envoyée : remplacez le fichier plutôt que de le retirer.']);
    expect((await rowsOf(app!.id)).map((r) => r.questionId)).toEqual([planId]);
    expect(await privateFiles()).toContain(keys[planId]);
  });

  it('the API twin removes an optional file (204), then 404; strangers, visitors and closed calls are refused', async () => {
    const { session, project } = await promoterWithProject('en');
    const created = await ctx.app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/applications`, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { project: project.id, requestedCents: 1000, answers: { [call.questionIds[0]!]: 'Un projet' } } });
    const appId = created.json().id as string;
    const { payload, contentType } = multipart([{ name: 'file', filename: 'photo.pdf', type: 'application/pdf', data: pdf() }]);
    for (const q of [photoId, planId]) {
      const up = await ctx.app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/applications/${appId}/files/${q}`, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType }, payload });
      expect(up.statusCode).toBe(200);
    }
    const key = (await rowsOf(appId)).find((r) => r.questionId === photoId)!.mediaKey;

    const stranger = await signIn(ctx, (await createUser(ctx)).email);
    expect((await apiDelete(stranger, appId, photoId)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/v1/calls/${call.id}/applications/${appId}/files/${photoId}` })).statusCode).toBe(401);
    // A question that is not a file question, and an application of another call: not found.
    expect((await apiDelete(session, appId, call.questionIds[0]!)).statusCode).toBe(404);

    const ok = await apiDelete(session, appId, photoId);
    expect([ok.statusCode, ok.body]).toEqual([204, '']);
    expect(await privateFiles()).not.toContain(key);
    expect((await apiDelete(session, appId, photoId)).json().error.code).toBe('CALL_FILE_NOT_FOUND');
    const view = await ctx.app.inject({ method: 'GET', url: `/api/v1/applications/${appId}`, headers: { cookie: session.cookie } });
    expect(view.json().files.map((f: { questionId: string }) => f.questionId)).toEqual([planId]);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, appId), eq(auditLog.action, 'calls.application.file.removed')));
    expect(audit.map((a) => a.data)).toEqual([{ questionId: photoId }]);

    // Once submissions close, nothing more is removed (the draft plan stays).
    await ctx.database.db.update(calls).set({ submissionsCloseAt: new Date(Date.now() - 60_000) }).where(eq(calls.id, call.id));
    try {
      const closed = await apiDelete(session, appId, planId);
      expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'CALL_PHASE_CLOSED']);
      expect((await rowsOf(appId)).length).toBe(1);
    } finally {
      await ctx.database.db.update(calls).set({ submissionsCloseAt: new Date(Date.now() + 10 * 86_400_000) }).where(eq(calls.id, call.id));
    }
  });
});

describe('who may download an application file', () => {
  it('follows the access matrix', async () => {
    const { session: applicant, project } = await promoterWithProject();
    const res = await postForm(applicant, { fields: { project: project.id, requestedCents: '1000', [`answers.${call.questionIds[0]}`]: 'Texte', _action: 'submit' }, files: [{ name: `answers.${planId}`, filename: 'plan.pdf', type: 'application/pdf', data: pdf() }] });
    expect(res.statusCode).toBe(303);
    const [app] = await ctx.database.db.select().from(callApplications).where(eq(callApplications.projectId, project.id));
    const otherTerritory = await createTerritory(ctx);
    const otherCaisse = await createCaisse(ctx, { territoryIds: [otherTerritory.id] });
    const sessionOf = async (u: { email: string }) => signIn(ctx, u.email);
    const staffHere = await sessionOf(await createUser(ctx, { role: { role: 'staff', caisseId } }));
    const staffThere = await sessionOf(await createUser(ctx, { role: { role: 'staff', caisseId: otherCaisse.id } }));
    const admin = await sessionOf(await createUser(ctx, { role: { role: 'admin', caisseId: null } }));
    const conflicted = await createDelegate(ctx, caisseId, territoryId);
    const clear = await createDelegate(ctx, caisseId, territoryId);
    const outsider = await sessionOf(await createUser(ctx));
    const seatC = newId();
    await ctx.database.db.insert(callJurors).values([{ id: seatC, callId: call.id, userId: conflicted.id }, { id: newId(), callId: call.id, userId: clear.id }]);
    await ctx.database.db.insert(callConflicts).values({ callId: call.id, jurorId: seatC, applicationId: app!.id, reason: 'Ma voisine' });

    const page = `/appels/${call.slug}/candidatures/${app!.id}/fichiers/${planId}`;
    const api = `/api/v1/calls/${call.id}/applications/${app!.id}/files/${planId}`;
    const matrix: [string, Session | null, number][] = [
      ['applicant', applicant, 200], ['staff of the caisse', staffHere, 200], ['platform admin', admin, 200], ['staff of another caisse', staffThere, 403],
      ['juror with a conflict', await sessionOf(conflicted), 403], ['juror without a conflict', await sessionOf(clear), 200], ['another member', outsider, 403],
    ];
    for (const [who, s, status] of matrix) {
      expect([who, (await get(s, page)).statusCode]).toEqual([who, status]);
      expect([who, (await get(s, api)).statusCode]).toEqual([who, status]);
    }
    const anonymous = await get(null, page);
    expect(anonymous.statusCode === 303 || anonymous.statusCode === 401).toBe(true);
    expect((await get(null, api)).statusCode).toBe(401);
    // Another call's slug with this application: not found.
    expect((await get(staffHere, `/appels/autre-appel/candidatures/${app!.id}/fichiers/${planId}`)).statusCode).toBe(404);

    // Staff see it in their list of applications, with the link.
    const list = await get(staffHere, `/appels/${call.slug}/candidatures`);
    expect(list.body).toContain(page);
    expect(list.body).toContain('plan.pdf');
    // The juror without a conflict sees the file among the answers of the scoring form.
    const form = await get(await sessionOf(clear), `/api/v1/applications/${app!.id}/reviews`);
    expect(form.json().application.answers.find((x: { questionId: string }) => x.questionId === planId)).toMatchObject({ kind: 'file', value: null, file: { name: 'plan.pdf', mime: 'application/pdf', url: api } });
  });
});

describe('personal data', () => {
  it('the export lists the files by name; deleting the account keeps them with the application, unlinked', async () => {
    const { session, project } = await promoterWithProject();
    const res = await postForm(session, { fields: { project: project.id, requestedCents: '1000', [`answers.${call.questionIds[0]}`]: 'Texte', _action: 'save' }, files: [{ name: `answers.${planId}`, filename: 'budget.pdf', type: 'application/pdf', data: pdf() }] });
    expect(res.statusCode).toBe(303);
    const exported = await ctx.app.inject({ method: 'GET', url: '/api/v1/me/export', headers: { cookie: session.cookie } });
    expect(exported.json().data.callApplicationFiles).toEqual([expect.objectContaining({ fileName: 'budget.pdf', mime: 'application/pdf', question: 'Plan du projet', sizeBytes: pdf().length })]);
    const deleted = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { password: 'correct horse battery', confirm: true } });
    expect(deleted.statusCode).toBe(200);
    const [app] = await ctx.database.db.select().from(callApplications).where(eq(callApplications.projectId, project.id));
    const rows = await ctx.database.db.select().from(callApplicationFiles).where(eq(callApplicationFiles.applicationId, app!.id));
    expect(rows.map((r) => r.uploadedBy)).toEqual([null]);
    expect(await privateFiles()).toContain(rows[0]!.mediaKey);
  });
});

describe('the nightly sweep of private files', () => {
  it('removes day-old files no answer names, keeps named ones and anything younger than a day', async () => {
    const p = await promoterWithProject();
    const up = await postForm(p.session, { fields: { project: p.project.id, requestedCents: '100', [`answers.${call.questionIds[0]}`]: 'Des bacs', _action: 'submit' }, files: [{ name: `answers.${planId}`, filename: 'plan.pdf', type: 'application/pdf', data: pdf() }] });
    expect(up.statusCode).toBe(303);
    const [application] = await ctx.database.db.select({ id: callApplications.id }).from(callApplications).where(eq(callApplications.projectId, p.project.id));
    const [named] = await ctx.database.db.select({ key: callApplicationFiles.mediaKey }).from(callApplicationFiles).where(eq(callApplicationFiles.applicationId, application!.id));
    const dir = path.join(dataDir, 'private');
    const orphan = `orphan${uid().replace(/-/g, '')}.pdf`;
    const young = `younger${uid().replace(/-/g, '')}.pdf`;
    await writeFile(path.join(dir, orphan), pdf());
    await writeFile(path.join(dir, young), pdf());
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    for (const key of [orphan, named!.key]) await utimes(path.join(dir, key), twoDaysAgo, twoDaysAgo);

    const removed = await sweepOrphanFiles({ db: ctx.database.db, config: ctx.config });
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = await privateFiles();
    expect(left).not.toContain(orphan);
    expect(left).toEqual(expect.arrayContaining([named!.key, young]));
    expect((await get(p.session, `/appels/${call.slug}/candidatures/${application!.id}/fichiers/${planId}`)).statusCode).toBe(200);
  });
});
