import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createUser, signIn, uid } from '../helpers/factories.js';
import { users } from '../../src/modules/auth/auth.tables.js';

let ctx: TestContext;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ec-media-'));
  ctx = await createTestApp({ dataDir });
});
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function multipart(file: { data: Buffer; filename?: string; type?: string; field?: string }, fields: Record<string, string> = {}) {
  const boundary = `----ec-${uid()}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'photo'}"; filename="${file.filename ?? 'photo.jpg'}"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A JPEG carrying EXIF a person would not want published. */
const jpegWithExif = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: '#0b5d4b' } }).jpeg().withMetadata({ exif: { IFD0: { Copyright: 'secret-exif-owner', Artist: 'secret-exif-artist' } } }).toBuffer();

/** A PNG whose header declares 20000×20000 pixels (1.2 GB decoded) but weighs a few kilobytes. */
function pixelFloodPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(256 * 1024))), chunk('IEND', Buffer.alloc(0))]);
}

async function signedIn() {
  const user = await createUser(ctx);
  return { user, ...(await signIn(ctx, user.email)) };
}

function putPhoto(s: { cookie: string; csrf: string }, file: Parameters<typeof multipart>[0]) {
  const { payload, contentType } = multipart(file);
  return ctx.app.inject({ method: 'PUT', url: '/api/v1/me/photo', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType }, payload });
}

const photoKeyOf = async (id: string) => (await ctx.database.db.select({ k: users.photoKey }).from(users).where(eq(users.id, id)))[0]!.k;
const fileOf = (key: string) => path.join(dataDir, 'uploads', key);

describe('profile photo upload', () => {
  it('stores a 512×512 WebP under a random name, without the EXIF of the original', async () => {
    const s = await signedIn();
    const original = await jpegWithExif();
    expect(original.includes('secret-exif-owner')).toBe(true);
    const res = await putPhoto(s, { data: original });
    expect(res.statusCode).toBe(200);
    const key = await photoKeyOf(s.user.id);
    expect(key).toMatch(/^[A-Za-z0-9_-]{24}\.webp$/);
    expect(res.json().photoUrl).toBe(`/media/${key}`);
    const stored = readFileSync(fileOf(key!));
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 512, 512]);
    expect(meta.exif).toBeUndefined();
    expect(stored.includes('secret-exif')).toBe(false);
  });

  it('accepts PNG, WebP and GIF too', async () => {
    const s = await signedIn();
    const base = sharp({ create: { width: 300, height: 700, channels: 4, background: { r: 200, g: 40, b: 10, alpha: 1 } } });
    for (const data of [await base.clone().png().toBuffer(), await base.clone().webp().toBuffer(), await base.clone().gif().toBuffer()]) {
      const res = await putPhoto(s, { data, filename: 'x', type: 'application/octet-stream' });
      expect(res.statusCode).toBe(200);
    }
  });

  it('deletes the previous file when the photo is replaced, and the file when it is removed', async () => {
    const s = await signedIn();
    await putPhoto(s, { data: await jpegWithExif() });
    const first = (await photoKeyOf(s.user.id))!;
    await putPhoto(s, { data: await jpegWithExif() });
    const second = (await photoKeyOf(s.user.id))!;
    expect(second).not.toBe(first);
    expect(existsSync(fileOf(first))).toBe(false);
    expect(existsSync(fileOf(second))).toBe(true);
    const del = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/me/photo', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(del.statusCode).toBe(200);
    expect(del.json().photoUrl).toBeNull();
    expect(await photoKeyOf(s.user.id)).toBeNull();
    expect(existsSync(fileOf(second))).toBe(false);
  });

  it('refuses SVG, even named and typed as a PNG', async () => {
    const s = await signedIn();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
    const res = await putPhoto(s, { data: svg, filename: 'photo.png', type: 'image/png' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMAGE_INVALID');
    expect(await photoKeyOf(s.user.id)).toBeNull();
  });

  it('refuses a pixel flood quickly, without decoding it', async () => {
    const s = await signedIn();
    const started = Date.now();
    const res = await putPhoto(s, { data: pixelFloodPng(), filename: 'flood.png', type: 'image/png' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMAGE_INVALID');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await photoKeyOf(s.user.id)).toBeNull();
  });

  it('refuses what is not an image, a truncated image, and files over 8 MB', async () => {
    const s = await signedIn();
    const text = await putPhoto(s, { data: Buffer.from('Bonjour, ceci est du texte.'), filename: 'photo.jpg' });
    expect(text.statusCode).toBe(422);
    const truncated = await putPhoto(s, { data: (await jpegWithExif()).subarray(0, 200) });
    expect(truncated.statusCode).toBe(422);
    const huge = Buffer.alloc(9 * 1_048_576);
    huge.set([0xff, 0xd8, 0xff]);
    const big = await putPhoto(s, { data: huge });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await photoKeyOf(s.user.id)).toBeNull();
  });

  it('asks for a file when none is sent, and refuses visitors', async () => {
    const s = await signedIn();
    const none = await putPhoto(s, { data: await jpegWithExif(), field: 'autre' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.fields.photo).toBe('Ce champ est obligatoire.');
    const { payload, contentType } = multipart({ data: await jpegWithExif() });
    const visitor = await ctx.app.inject({ method: 'PUT', url: '/api/v1/me/photo', headers: { 'content-type': contentType }, payload });
    expect(visitor.statusCode).toBe(401);
  });
});

describe('the /moi/photo page', () => {
  it('uploads without JavaScript (token in the form address) and shows the result', async () => {
    const s = await signedIn();
    const page = await ctx.app.inject({ method: 'GET', url: '/moi/photo', headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(page.body)![1]!.replaceAll('&amp;', '&');
    const { payload, contentType } = multipart({ data: await jpegWithExif() }, { _csrf: s.csrf });
    const res = await ctx.app.inject({ method: 'POST', url: action, headers: { cookie: s.cookie, 'content-type': contentType }, payload });
    expect(res.statusCode).toBe(303);
    const key = await photoKeyOf(s.user.id);
    expect(key).not.toBeNull();
    const after = await ctx.app.inject({ method: 'GET', url: res.headers.location as string, headers: { cookie: s.cookie } });
    expect(after.body).toContain(`src="/media/${key}"`);
    expect(after.body).toContain('Votre photo a été enregistrée.');
  });

  it('refuses an upload without the CSRF token', async () => {
    const s = await signedIn();
    const { payload, contentType } = multipart({ data: await jpegWithExif() });
    const res = await ctx.app.inject({ method: 'POST', url: '/moi/photo', headers: { cookie: s.cookie, 'content-type': contentType }, payload });
    expect(res.statusCode).toBe(403);
    expect(await photoKeyOf(s.user.id)).toBeNull();
  });

  it('shows a refused file as an error on the field, in the person’s language', async () => {
    const user = await createUser(ctx, { locale: 'en' });
    const s = await signIn(ctx, user.email);
    const { payload, contentType } = multipart({ data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), filename: 'a.svg', type: 'image/svg+xml' });
    const res = await ctx.app.inject({ method: 'POST', url: `/moi/photo?_csrf=${encodeURIComponent(s.csrf)}`, headers: { cookie: s.cookie, 'content-type': contentType }, payload });
    expect(res.statusCode).toBe(422);
    expect(res.body).toMatch(/id="photo-error">[^<]*This image is not valid/);
    expect(res.body).toContain('aria-invalid="true"');
  });
});

describe('GET /media/:key', () => {
  it('serves a stored photo as inert WebP with a long cache', async () => {
    const s = await signedIn();
    await putPhoto(s, { data: await jpegWithExif() });
    const key = (await photoKeyOf(s.user.id))!;
    const res = await ctx.app.inject({ method: 'GET', url: `/media/${key}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(res.rawPayload.equals(readFileSync(fileOf(key)))).toBe(true);
  });

  it('answers 404 for malformed and unknown keys', async () => {
    for (const key of ['AAAAAAAAAAAAAAAAAAAAAAAA.webp', 'short.webp', 'AAAAAAAAAAAAAAAAAAAAAAAA.svg', '..%2F..%2Fpglite%2FPG_VERSION', '%2E%2E%2Fetc%2Fpasswd.webp']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/media/${key}` });
      expect(res.statusCode, key).toBe(404);
    }
  });
});
