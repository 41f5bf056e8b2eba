/**
 * Platform HTTP hardening on a listening app: parser-level errors over raw sockets, compression
 * (and streams left alone), the CSP without inline styles, and load shedding on the project grid.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createProject, createTerritory, createUser, signIn } from '../helpers/factories.js';

let ctx: TestContext;
let port: number;
beforeAll(async () => {
  ctx = await createTestApp();
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  port = (ctx.app.server.address() as AddressInfo).port;
});
afterAll(() => ctx.close());

/** Writes bytes on a fresh socket and returns the raw response (status, headers, body). */
function raw(p: number, request: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(p, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.end(request);
  });
}

describe('errors from the HTTP parser carry the envelope and the security headers', () => {
  it('431 when the headers are too large (JSON under /api, an HTML page elsewhere)', async () => {
    const big = 'x'.repeat(20_000);
    const api = await raw(port, `GET /api/v1/projects HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nX-Big: ${big}\r\n\r\n`);
    expect(api.status).toBe(431);
    expect(api.headers['content-type']).toContain('application/json');
    expect(JSON.parse(api.body)).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: expect.stringContaining('cookies'), details: {} } });
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['content-security-policy']).toContain("default-src 'self'");
    const page = await raw(port, `GET /projets HTTP/1.1\r\nHost: localhost\r\nCookie: ${big}\r\n\r\n`);
    expect(page.status).toBe(431);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="fr-CA"');
    expect(page.body).toContain('En-têtes trop volumineux');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('414 when the request line itself is too long', async () => {
    const res = await raw(port, `GET /api/v1/projects?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(res.status).toBe(414);
    expect(JSON.parse(res.body).error.code).toBe('URI_TOO_LONG');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('400 for garbage that is not HTTP', async () => {
    const res = await raw(port, 'HELLO THERE\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain('<!doctype html>');
  });
});

describe('compression', () => {
  it('serves brotli or gzip for HTML, CSS, JS and JSON', async () => {
    const cases: Array<[string, string]> = [['/connexion', 'text/html'], ['/assets/css/app.css', 'text/css'], ['/assets/vendor/htmx.min.js', 'javascript'], ['/api/openapi.json', 'application/json']];
    for (const [url, type] of cases) {
      const br = await ctx.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(br.statusCode, url).toBe(200);
      expect(br.headers['content-type'], url).toContain(type);
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(br.rawPayload).length).toBeGreaterThan(br.rawPayload.length);
      const gz = await ctx.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      const plain = await ctx.app.inject({ method: 'GET', url });
      expect(plain.headers['content-encoding']).toBeUndefined();
      const unzipped = zlib.gunzipSync(gz.rawPayload).toString();
      if (url.startsWith('/assets/')) expect(unzipped).toBe(plain.body);
      else expect(unzipped.slice(-200)).toBe(plain.body.slice(-200)); // pages differ only by their CSRF token
    }
  });

  it('leaves the notification stream uncompressed and streaming', async () => {
    const territory = await createTerritory(ctx);
    const user = await createUser(ctx, { territoryId: territory.id });
    const s = await signIn(ctx, user.email);
    const first = await new Promise<{ headers: http.IncomingHttpHeaders; chunk: string }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/notifications/stream', headers: { cookie: s.cookie, accept: 'text/event-stream', 'accept-encoding': 'br, gzip' } }, (res) => {
        res.once('data', (chunk: Buffer) => {
          resolve({ headers: res.headers, chunk: chunk.toString() });
          req.destroy();
        });
      });
      req.on('error', reject);
      setTimeout(() => reject(new Error('the stream sent nothing within 5 s')), 5_000);
    });
    expect(first.headers['content-type']).toContain('text/event-stream');
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.chunk).toContain('retry:');
  });
});

describe('content security policy', () => {
  it('allows no inline style, and htmx is told not to inject its indicator styles (shipped in app.css)', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/connexion' });
    const styleSrc = /style-src ([^;]*)/.exec(String(page.headers['content-security-policy']))?.[1] ?? '';
    expect(styleSrc).toBe("'self'");
    expect(page.body).toContain('<meta name="htmx-config" content="{&quot;includeIndicatorStyles&quot;:false}"');
    const css = await ctx.app.inject({ method: 'GET', url: '/assets/css/app.css' });
    expect(css.body).toMatch(/\.htmx-indicator\s*\{[^}]*opacity:\s*0/);
    expect(css.body).toMatch(/\.htmx-request \.htmx-indicator/);
  });
});

describe('overload guard', () => {
  it('sheds the project grid under 100 connections with 503 + Retry-After, never liveness', async () => {
    // Thresholds forced low: the guard is off by default in tests.
    const guarded = await createTestApp({ overload: { maxEventLoopDelayMs: 60_000, maxInFlight: 4, maxWaitMs: 20, sampleIntervalMs: 50 } });
    try {
      await guarded.app.listen({ port: 0, host: '127.0.0.1' });
      const p = (guarded.app.server.address() as AddressInfo).port;
      const territory = await createTerritory(guarded);
      const promoter = await createUser(guarded, { territoryId: territory.id });
      for (let i = 0; i < 12; i++) await createProject(guarded, { promoterId: promoter.id, territoryId: territory.id });
      const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
      const hit = (path: string) => new Promise<{ status: number; retryAfter?: string | undefined; type?: string | undefined; body: string }>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: p, path, agent }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], type: res.headers['content-type'], body }));
        }).on('error', reject);
      });
      const results: Array<Awaited<ReturnType<typeof hit>>> = [];
      const liveness: number[] = [];
      for (let round = 0; round < 3; round++) {
        const wave = Array.from({ length: 100 }, (_, i) => hit(i % 10 === 0 ? '/api/v1/projects' : '/projets'));
        liveness.push((await hit('/healthz')).status);
        results.push(...(await Promise.all(wave)));
      }
      agent.destroy();
      const shed = results.filter((r) => r.status === 503);
      expect(shed.length, `statuses: ${results.map((r) => r.status).join(',')}`).toBeGreaterThan(0);
      expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(0);
      expect(results.every((r) => r.status === 200 || r.status === 503)).toBe(true);
      for (const r of shed) {
        expect(r.retryAfter).toBe('10');
        if (r.type?.includes('json')) expect(JSON.parse(r.body).error.code).toBe('UNAVAILABLE');
        else expect(r.body).toContain('surchargé');
      }
      expect(liveness).toEqual([200, 200, 200]);
    } finally {
      await guarded.close();
    }
  }, 120_000);
});
