import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createProject, createTerritory, createUser, signIn, uid } from '../helpers/factories.js';
import { projectImages, projects } from '../../src/modules/projects/projects.tables.js';
import { newId } from '../../src/db/ids.js';

let ctx: TestContext;
let dataDir: string;
let territoryId: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ec-project-images-'));
  ctx = await createTestApp({ dataDir });
  territoryId = (await createTerritory(ctx)).id;
});
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function multipart(fields: Record<string, string>, file?: { data: Buffer; type?: string; filename?: string }) {
  const boundary = `----ec-${uid()}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename ?? 'photo.jpg'}"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#2f7d5b' } }).jpeg().toBuffer();
const uploads = () => (existsSync(path.join(dataDir, 'uploads')) ? readdirSync(path.join(dataDir, 'uploads')) : []);

async function team() {
  const user = await createUser(ctx);
  const project = await createProject(ctx, { promoterId: user.id, territoryId });
  return { user, project, s: await signIn(ctx, user.email) };
}
function upload(s: { cookie: string; csrf: string }, projectId: string, fields: Record<string, string>, file?: Parameters<typeof multipart>[1]) {
  const { payload, contentType } = multipart(fields, file);
  return ctx.app.inject({ method: 'POST', url: `/api/v1/projects/${projectId}/images`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType }, payload });
}

describe('project images', () => {
  it('stores a WebP in 400, 800 and 1200 px under a random key, served with a srcset', async () => {
    const { project, s } = await team();
    const res = await upload(s, project.id, { alt: 'Le vélo-cargo devant la caisse' }, { data: await picture(1600, 1000) });
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json();
    expect(image).toMatchObject({ alt: 'Le vélo-cargo devant la caisse', width: 1200, height: 750, cover: true, position: 0 });
    const [row] = await ctx.database.db.select().from(projectImages).where(eq(projectImages.id, image.id));
    expect(row!.storageKey).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(image.srcset).toBe([400, 800, 1200].map((w) => `/media/${row!.storageKey}-${w}.webp ${w}w`).join(', '));
    for (const w of [400, 800, 1200]) {
      const served = await ctx.app.inject({ method: 'GET', url: `/media/${row!.storageKey}-${w}.webp` });
      expect(served.headers['content-type']).toBe('image/webp');
      const meta = await sharp(served.rawPayload).metadata();
      expect([meta.format, meta.width]).toEqual(['webp', w]);
    }
    const page = await ctx.app.inject({ method: 'GET', url: `/projets/${project.id}` });
    expect(page.body).toContain(`srcset="${image.srcset}"`);
    expect(page.body).toContain('alt="Le vélo-cargo devant la caisse"');
    expect(page.body).toContain(`<meta property="og:image" content="http://localhost:3000/media/${row!.storageKey}-1200.webp"/>`);
    const grid = await ctx.app.inject({ method: 'GET', url: `/projets?q=${encodeURIComponent(project.title)}` });
    expect(grid.body).toMatch(/<img class="project-card-cover" src="[^"]+" srcset="[^"]+" sizes="[^"]+" width="1200" height="750" alt="Le vélo-cargo devant la caisse" loading="lazy"/);
  });

  it('never enlarges a small picture', async () => {
    const { project, s } = await team();
    const res = await upload(s, project.id, { alt: 'Petite affiche' }, { data: await picture(300, 200) });
    expect(res.json()).toMatchObject({ width: 300, height: 200 });
    expect(res.json().srcset.split(', ')).toHaveLength(1);
  });

  it('requires alt text (1–200 characters) and refuses what is not a JPEG, PNG, WebP or GIF, storing nothing', async () => {
    const { project, s } = await team();
    const before = uploads().length;
    const noAlt = await upload(s, project.id, { alt: '  ' }, { data: await picture(100, 100) });
    expect([noAlt.statusCode, noAlt.json().error.details.fields]).toEqual([400, { alt: 'Ce champ est obligatoire.' }]);
    const longAlt = await upload(s, project.id, { alt: 'x'.repeat(201) }, { data: await picture(100, 100) });
    expect(longAlt.json().error.details.fields.alt).toBe('Au plus 200 caractères.');
    const noFile = await upload(s, project.id, { alt: 'Rien' });
    expect(noFile.json().error.details.fields).toEqual({ file: 'Ce champ est obligatoire.' });
    const svg = await upload(s, project.id, { alt: 'Un dessin' }, { data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), type: 'image/svg+xml', filename: 'x.svg' });
    expect([svg.statusCode, svg.json().error.code]).toEqual([422, 'IMAGE_INVALID']);
    const text = await upload(s, project.id, { alt: 'Un texte' }, { data: Buffer.from('GIF89a but not really an image at all'), type: 'image/gif' });
    expect(text.json().error.code).toBe('IMAGE_INVALID');
    expect(uploads().length).toBe(before);
    expect(await ctx.database.db.select().from(projectImages).where(eq(projectImages.projectId, project.id))).toHaveLength(0);
  });

  it('refuses an 11th image and leaves no file behind', async () => {
    const { project, s } = await team();
    for (let i = 0; i < 10; i++) await ctx.database.db.insert(projectImages).values({ id: newId(), projectId: project.id, storageKey: `cle${uid()}${uid()}`, alt: `Image ${i}`, width: 400, height: 300, position: i });
    const before = uploads().length;
    const res = await upload(s, project.id, { alt: 'Une de trop' }, { data: await picture(500, 400) });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'IMAGE_LIMIT_REACHED']);
    expect(uploads().length).toBe(before);
  });

  it('chooses the cover, reorders, and deletes an image with its files', async () => {
    const { project, s } = await team();
    const first = (await upload(s, project.id, { alt: 'Première' }, { data: await picture(500, 400) })).json();
    const second = (await upload(s, project.id, { alt: 'Deuxième' }, { data: await picture(500, 400) })).json();
    expect([first.cover, second.cover]).toEqual([true, false]);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const cover = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/projects/${project.id}/images/${second.id}`, headers, payload: { cover: true, position: 0 } });
    expect(cover.json()).toMatchObject({ cover: true, position: 0 });
    expect((await ctx.database.db.select().from(projects).where(eq(projects.id, project.id)))[0]!.coverImageId).toBe(second.id);
    const [row] = await ctx.database.db.select().from(projectImages).where(eq(projectImages.id, second.id));
    const del = await ctx.app.inject({ method: 'DELETE', url: `/api/v1/projects/${project.id}/images/${second.id}`, headers });
    expect(del.statusCode).toBe(204);
    expect(uploads().some((f) => f.startsWith(row!.storageKey))).toBe(false);
    expect((await ctx.database.db.select().from(projects).where(eq(projects.id, project.id)))[0]!.coverImageId).toBeNull();
    const view = await ctx.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}` });
    expect(view.json().images.map((i: { id: string; cover: boolean }) => [i.id, i.cover])).toEqual([[first.id, true]]);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('lets only one of three simultaneous uploads take the last place', async () => {
    const { project, s } = await team();
    for (let i = 0; i < 9; i++) await ctx.database.db.insert(projectImages).values({ id: newId(), projectId: project.id, storageKey: `cle${uid()}${uid()}`, alt: `Image ${i}`, width: 400, height: 300, position: i });
    const data = await picture(400, 300);
    const results = await Promise.all([1, 2, 3].map((n) => upload(s, project.id, { alt: `Course ${n}` }, { data })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await ctx.database.db.select().from(projectImages).where(eq(projectImages.projectId, project.id))).toHaveLength(10);
  });

  it('lets only the team upload', async () => {
    const { project } = await team();
    const stranger = await signIn(ctx, (await createUser(ctx)).email);
    const res = await upload(stranger, project.id, { alt: 'Intrus' }, { data: await picture(100, 100) });
    expect(res.statusCode).toBe(403);
  });

  it('works from the no-JS form (token in the address) and re-shows the form when alt text is missing', async () => {
    const { project, s } = await team();
    const ok = multipart({ alt: 'Le jardin en juin' }, { data: await picture(900, 600) });
    const res = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/images?_csrf=${encodeURIComponent(s.csrf)}`, headers: { cookie: s.cookie, 'content-type': ok.contentType }, payload: ok.payload });
    expect([res.statusCode, res.headers.location]).toEqual([303, `/projets/${project.id}/modifier?fait=image#images`]);
    const missing = multipart({ alt: '' }, { data: await picture(900, 600) });
    const again = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/images?_csrf=${encodeURIComponent(s.csrf)}`, headers: { cookie: s.cookie, 'content-type': missing.contentType }, payload: missing.payload });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('id="alt-error"');
    const forged = await ctx.app.inject({ method: 'POST', url: `/projets/${project.id}/images`, headers: { cookie: s.cookie, 'content-type': ok.contentType }, payload: ok.payload });
    expect(forged.statusCode).toBe(403);
  });
});
