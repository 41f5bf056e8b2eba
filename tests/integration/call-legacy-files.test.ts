/**
 * The data upgrade of ADR 0024: file answers typed as public media keys before private files
 * existed become private file rows (when the image exists), and leave `answers` either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { newId } from '../../src/db/ids.js';
import { createIsolatedTestApp, type TestContext } from '../helpers/test-app.js';
import { createCaisse, createProject, createTerritory, createUser, signIn } from '../helpers/factories.js';
import { createCallFixture, type CallFixture } from './calls.fixtures.js';
import { callApplicationFiles, callApplications, callQuestions } from '../../src/modules/calls/calls.tables.js';
import { auditLog } from '../../src/platform/platform.tables.js';
import { runDataUpgrades } from '../../src/upgrades.js';

let ctx: TestContext;
let dataDir: string;
let call: CallFixture;
let territoryId: string;
const [planId, photoId, quoteId] = [newId(), newId(), newId()];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ec-legacy-files-'));
  ctx = await createIsolatedTestApp({ dataDir });
  const territory = await createTerritory(ctx, { state: 'pilot' });
  territoryId = territory.id;
  const caisse = await createCaisse(ctx, { territoryIds: [territory.id] });
  call = await createCallFixture(ctx, { caisseId: caisse.id, territoryIds: [territory.id] });
  await ctx.database.db.insert(callQuestions).values([
    { id: planId, callId: call.id, position: 2, kind: 'file', label: 'Plan', required: true },
    { id: photoId, callId: call.id, position: 3, kind: 'file', label: 'Photo', required: false },
    { id: quoteId, callId: call.id, position: 4, kind: 'file', label: 'Devis', required: false },
  ]);
});
afterAll(async () => {
  await ctx.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function applicationWith(answers: Record<string, string>) {
  const user = await createUser(ctx, { territoryId });
  const project = await createProject(ctx, { promoterId: user.id, territoryId });
  const id = newId();
  await ctx.database.db.insert(callApplications).values({ id, callId: call.id, projectId: project.id, applicantId: user.id, status: 'submitted', requestedCents: 1000, answers: { [call.questionIds[0]!]: 'Un texte', ...answers }, submittedAt: new Date() });
  return { id, user };
}

describe('moving legacy file answers (data upgrade)', () => {
  it('copies an existing public WebP into a private file row, drops every legacy value, audits each, and a second run does nothing', async () => {
    const webp = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#225533' } }).webp().toBuffer();
    const key = 'legacyPlanImage0123456789.webp';
    await mkdir(path.join(dataDir, 'uploads'), { recursive: true });
    await writeFile(path.join(dataDir, 'uploads', key), webp);
    const a = await applicationWith({ [planId]: key, [photoId]: 'pas une clé', [quoteId]: 'missingImage0123456789.webp' });
    // An application whose question already has a private file keeps that file.
    const b = await applicationWith({ [photoId]: key });
    await ctx.database.db.insert(callApplicationFiles).values({ id: newId(), applicationId: b.id, questionId: photoId, mediaKey: 'alreadyPrivate0123456789.pdf', fileName: 'photo.pdf', mime: 'application/pdf', sizeBytes: 10, uploadedBy: b.user.id });

    const changed = await runDataUpgrades(ctx.app.deps);
    expect(changed['calls.legacy-file-answers']).toBe(4);

    const [appA] = await ctx.database.db.select().from(callApplications).where(eq(callApplications.id, a.id));
    expect(appA!.answers).toEqual({ [call.questionIds[0]!]: 'Un texte' });
    const filesA = await ctx.database.db.select().from(callApplicationFiles).where(eq(callApplicationFiles.applicationId, a.id));
    expect(filesA.map((f) => [f.questionId, f.mime, f.fileName, f.sizeBytes, f.uploadedBy])).toEqual([[planId, 'image/webp', 'document.webp', webp.length, a.user.id]]);
    expect((await readFile(path.join(dataDir, 'private', filesA[0]!.mediaKey))).equals(webp)).toBe(true);
    // The public copy stays (another page may show it).
    expect((await readFile(path.join(dataDir, 'uploads', key))).equals(webp)).toBe(true);

    const [appB] = await ctx.database.db.select().from(callApplications).where(eq(callApplications.id, b.id));
    expect(appB!.answers).toEqual({ [call.questionIds[0]!]: 'Un texte' });
    const filesB = await ctx.database.db.select().from(callApplicationFiles).where(eq(callApplicationFiles.applicationId, b.id));
    expect(filesB.map((f) => f.mediaKey)).toEqual(['alreadyPrivate0123456789.pdf']);

    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'calls.application.legacy_file'));
    expect(audits).toHaveLength(4);
    expect(audits.map((e) => [e.subjectId, e.data])).toEqual(expect.arrayContaining([
      [a.id, { questionId: planId, moved: true }], [a.id, { questionId: photoId, moved: false }], [a.id, { questionId: quoteId, moved: false }], [b.id, { questionId: photoId, moved: false }],
    ]));
    // Only the moved image was written to the private store.
    expect(await readdir(path.join(dataDir, 'private'))).toEqual([filesA[0]!.mediaKey]);

    expect((await runDataUpgrades(ctx.app.deps))['calls.legacy-file-answers']).toBe(0);

    // The promoter sees the moved file through the API, and no key is echoed in the answers.
    const session = await signIn(ctx, a.user.email);
    const view = await ctx.app.inject({ method: 'GET', url: `/api/v1/applications/${a.id}`, headers: { cookie: session.cookie } });
    expect(view.statusCode).toBe(200);
    expect(JSON.stringify(view.json().answers)).not.toContain(key);
    expect(view.json().files).toEqual([expect.objectContaining({ questionId: planId, mime: 'image/webp' })]);
    const download = await ctx.app.inject({ method: 'GET', url: view.json().files[0].url as string, headers: { cookie: session.cookie } });
    expect(download.rawPayload.equals(webp)).toBe(true);
  });
});
