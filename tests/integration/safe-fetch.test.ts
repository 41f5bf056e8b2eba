/**
 * The SSRF-safe fetcher against real HTTP servers on loopback (no mocks). The server under test
 * listens on 127.0.0.2 (all of 127/8 is loopback on Linux): the exact-address allow-list lets it be
 * reached while every other private address — 127.0.0.1 included — stays refused, so redirects to
 * private hosts are really re-checked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeFetch, SafeFetchError } from '../../src/platform/net/safe-fetch.js';
import { readPageMeta } from '../../src/platform/net/html-meta.js';

const HOST = '127.0.0.2';
const ONLY_TEST_SERVER = [HOST] as const;
const HTML = ['text/html'] as const;
let server: http.Server;
let base: string;
let hits = 0;

const PAGE = '<!doctype html><html><head><title>t</title><meta property="og:title" content="Frigo solidaire de la ruelle"><meta property="og:image" content="/cover.png"></head><body>ok</body></html>';

function handler(req: http.IncomingMessage, res: http.ServerResponse) {
  hits++;
  const url = new URL(req.url ?? '/', base);
  const to = url.searchParams.get('to');
  switch (url.pathname) {
    case '/page':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    case '/json':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"title":"no"}');
      return;
    case '/slow':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      setTimeout(() => res.end('</html>'), 3_000).unref();
      return;
    case '/silent':
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('late'), 3_000).unref();
      return;
    case '/huge': {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
      return;
    }
    case '/redirect':
      res.writeHead(302, { location: to ?? '/page' }).end();
      return;
    case '/hops': {
      const n = Number(url.searchParams.get('n') ?? '0');
      res.writeHead(301, { location: n > 1 ? `/hops?n=${n - 1}` : '/page' }).end();
      return;
    }
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  base = `http://${HOST}:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SafeFetchError) return err.reason;
    throw err;
  }
  throw new Error('expected the fetch to be refused');
}

describe('safeFetch against loopback', () => {
  it('refuses a server on loopback by default, by address and by name, before connecting', async () => {
    const before = hits;
    expect(await failure(safeFetch(`${base}/page`, { allowPrivate: false, accept: HTML }))).toBe('BLOCKED_ADDRESS');
    const port = new URL(base).port;
    expect(await failure(safeFetch(`http://localhost:${port}/page`, { allowPrivate: false, accept: HTML }))).toBe('BLOCKED_ADDRESS');
    expect(await failure(safeFetch(`http://[::1]:${port}/page`, { allowPrivate: false, accept: HTML }))).toBe('BLOCKED_ADDRESS');
    expect(await failure(safeFetch(`http://[::ffff:127.0.0.2]:${port}/page`, { allowPrivate: false, accept: HTML }))).toBe('BLOCKED_ADDRESS');
    expect(hits).toBe(before);
  });

  it('refuses other schemes and credentials in the URL', async () => {
    expect(await failure(safeFetch('file:///etc/passwd', { allowPrivate: true, accept: HTML }))).toBe('BAD_SCHEME');
    expect(await failure(safeFetch('gopher://127.0.0.2/', { allowPrivate: true, accept: HTML }))).toBe('BAD_SCHEME');
    expect(await failure(safeFetch(`http://user:pw@${HOST}/page`, { allowPrivate: true, accept: HTML }))).toBe('BAD_URL');
  });

  it('with the test switch, reads the title and image of a page', async () => {
    const page = await safeFetch(`${base}/page`, { allowPrivate: true, accept: HTML });
    expect(page.status).toBe(200);
    expect(page.truncated).toBe(false);
    expect(readPageMeta(page.body.toString('utf8'), page.url)).toEqual({ title: 'Frigo solidaire de la ruelle', imageUrl: `${base}/cover.png` });
  });

  it('refuses a content type other than HTML', async () => {
    expect(await failure(safeFetch(`${base}/json`, { allowPrivate: ONLY_TEST_SERVER, accept: HTML }))).toBe('BAD_CONTENT_TYPE');
  });

  it('times out a slow body and a silent server', async () => {
    const started = Date.now();
    expect(await failure(safeFetch(`${base}/slow`, { allowPrivate: ONLY_TEST_SERVER, accept: HTML, timeoutMs: 300 }))).toBe('TIMEOUT');
    expect(await failure(safeFetch(`${base}/silent`, { allowPrivate: ONLY_TEST_SERVER, accept: HTML, timeoutMs: 300 }))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('cuts a huge page at the cap, or refuses it when asked to', async () => {
    const cut = await safeFetch(`${base}/huge`, { allowPrivate: ONLY_TEST_SERVER, accept: HTML, maxBytes: 512 * 1024 });
    expect(cut.truncated).toBe(true);
    expect(cut.body.length).toBe(512 * 1024);
    expect(await failure(safeFetch(`${base}/huge`, { allowPrivate: ONLY_TEST_SERVER, accept: HTML, maxBytes: 512 * 1024, overflow: 'error' }))).toBe('TOO_LARGE');
  });

  it.each(['http://127.0.0.1/', 'http://10.0.0.1/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://localhost/', 'http://[::ffff:169.254.169.254]/', 'http://0x7f000001/'])(
    'refuses a redirect to %s',
    async (target) => {
      expect(await failure(safeFetch(`${base}/redirect?to=${encodeURIComponent(target)}`, { allowPrivate: ONLY_TEST_SERVER, accept: HTML, timeoutMs: 2_000 }))).toBe('BLOCKED_ADDRESS');
    },
  );

  it('refuses a redirect to another scheme', async () => {
    expect(await failure(safeFetch(`${base}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`, { allowPrivate: ONLY_TEST_SERVER, accept: HTML }))).toBe('BAD_SCHEME');
  });

  it('follows three redirects and refuses a fourth', async () => {
    const ok = await safeFetch(`${base}/hops?n=3`, { allowPrivate: ONLY_TEST_SERVER, accept: HTML });
    expect(ok.url).toBe(`${base}/page`);
    expect(await failure(safeFetch(`${base}/hops?n=4`, { allowPrivate: ONLY_TEST_SERVER, accept: HTML }))).toBe('TOO_MANY_REDIRECTS');
  });
});
