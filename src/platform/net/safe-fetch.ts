import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { classifyAddress } from './address.js';

/**
 * The one way the app fetches a URL someone else typed (link previews): SSRF-safe (ADR 0023).
 * - http/https only; every hop (the first URL and each redirect, at most `maxRedirects`) is re-checked.
 * - The host is resolved here and EVERY address must be public (address.ts); the socket then connects
 *   to the address that was checked — the check runs inside the connection's own `lookup`, so a DNS
 *   answer cannot change between check and connect (no rebinding). IP literals are checked before.
 * - One deadline for the whole fetch (`timeoutMs`), a byte cap (`maxBytes`: cut there, or refuse),
 *   no compression (`Accept-Encoding: identity`: no decompression bomb), an allowed content type.
 * `allowPrivate` comes from the config switch that only tests may turn on.
 */
export type SafeFetchOptions = {
  /** Non-public addresses allowed: none (`false`, production), all (`true`, the tests' config switch), or exactly these (tests of the checks themselves). */
  allowPrivate: boolean | readonly string[];
  /** Content types accepted (the part before `;`), e.g. `['text/html']`. */
  accept: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Beyond `maxBytes`: keep the first bytes (`truncate`, for HTML) or fail (`error`, for images). */
  overflow?: 'truncate' | 'error';
};

export type SafeFetchResult = { url: string; status: number; contentType: string; body: Buffer; truncated: boolean };

export type SafeFetchFailure = 'BAD_URL' | 'BAD_SCHEME' | 'BLOCKED_ADDRESS' | 'DNS' | 'TIMEOUT' | 'TOO_MANY_REDIRECTS' | 'TOO_LARGE' | 'BAD_CONTENT_TYPE' | 'HTTP_STATUS' | 'NETWORK';

export class SafeFetchError extends Error {
  constructor(
    readonly reason: SafeFetchFailure,
    message: string,
  ) {
    super(`${reason}: ${message}`);
    this.name = 'SafeFetchError';
  }
}

const DEFAULTS = { timeoutMs: 5000, maxBytes: 512 * 1024, maxRedirects: 3 };
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'EspaceCollectif-LinkPreview/1.0 (+https://espace-collectif.ca)';

/** A URL a fetch may start from: absolute http(s), no credentials. */
function checkedUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new SafeFetchError('BAD_URL', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SafeFetchError('BAD_SCHEME', url.protocol);
  if (url.username || url.password) throw new SafeFetchError('BAD_URL', 'credentials in URL');
  return url;
}

function allowed(address: string, allowPrivate: boolean | readonly string[]): boolean {
  if (classifyAddress(address) === 'public' || allowPrivate === true) return true;
  return Array.isArray(allowPrivate) && allowPrivate.includes(address);
}

/** `lookup` for the socket: resolves, refuses unless every address is allowed, and hands the checked addresses to `connect`. */
function checkingLookup(allowPrivate: boolean | readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(new SafeFetchError('DNS', err.code ?? 'lookup failed'), '', 4);
      if (addresses.length === 0) return callback(new SafeFetchError('DNS', 'no address'), '', 4);
      const refused = addresses.find((a) => !allowed(a.address, allowPrivate));
      if (refused) return callback(new SafeFetchError('BLOCKED_ADDRESS', `${hostname} → ${classifyAddress(refused.address)}`), '', 4);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

type Hop = { status: number; location: string | undefined; contentType: string; body: Buffer; truncated: boolean };

function requestOnce(url: URL, opts: Required<Omit<SafeFetchOptions, 'accept'>> & { accept: readonly string[] }, signal: AbortSignal): Promise<Hop> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const literal = classifyAddress(host);
  if (literal !== 'invalid' && !allowed(host, opts.allowPrivate)) return Promise.reject(new SafeFetchError('BLOCKED_ADDRESS', `${host} → ${literal}`));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      lookup: checkingLookup(opts.allowPrivate),
      signal,
      headers: { 'user-agent': USER_AGENT, accept: opts.accept.join(', '), 'accept-encoding': 'identity' },
    });
    req.on('error', (err) => reject(err instanceof SafeFetchError ? err : signal.aborted ? new SafeFetchError('TIMEOUT', 'deadline passed') : new SafeFetchError('NETWORK', err.message)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const contentType = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (REDIRECTS.has(status)) {
        res.resume();
        return resolve({ status, location: res.headers.location, contentType, body: Buffer.alloc(0), truncated: false });
      }
      if (status < 200 || status > 299) {
        res.resume();
        return reject(new SafeFetchError('HTTP_STATUS', String(status)));
      }
      if (!opts.accept.includes(contentType)) {
        res.resume();
        return reject(new SafeFetchError('BAD_CONTENT_TYPE', contentType || 'none'));
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (opts.overflow === 'error' && declared > opts.maxBytes) {
        res.destroy();
        return reject(new SafeFetchError('TOO_LARGE', `${declared} bytes`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (truncated: boolean) => {
        if (done) return;
        done = true;
        resolve({ status, location: undefined, contentType, body: Buffer.concat(chunks, size), truncated });
      };
      res.on('data', (chunk: Buffer) => {
        if (done) return;
        const room = opts.maxBytes - size;
        if (chunk.length <= room) {
          chunks.push(chunk);
          size += chunk.length;
          return;
        }
        if (opts.overflow === 'error') {
          done = true;
          res.destroy();
          return reject(new SafeFetchError('TOO_LARGE', `over ${opts.maxBytes} bytes`));
        }
        chunks.push(chunk.subarray(0, room));
        size += room;
        res.destroy();
        finish(true);
      });
      res.on('end', () => finish(false));
      res.on('error', (err) => {
        if (!done) reject(signal.aborted ? new SafeFetchError('TIMEOUT', 'deadline passed') : new SafeFetchError('NETWORK', err.message));
      });
      res.on('close', () => {
        if (!done) reject(signal.aborted ? new SafeFetchError('TIMEOUT', 'deadline passed') : new SafeFetchError('NETWORK', 'connection closed'));
      });
    });
    req.end();
  });
}

/** GET `rawUrl` under the rules above; follows at most `maxRedirects` redirects, each one checked again. */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const opts = { ...DEFAULTS, overflow: 'truncate' as const, ...options };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    let url = checkedUrl(rawUrl);
    for (let redirects = 0; ; redirects++) {
      const hop = await requestOnce(url, opts, controller.signal);
      if (!REDIRECTS.has(hop.status)) return { url: url.toString(), status: hop.status, contentType: hop.contentType, body: hop.body, truncated: hop.truncated };
      if (!hop.location) throw new SafeFetchError('HTTP_STATUS', `${hop.status} without Location`);
      if (redirects >= opts.maxRedirects) throw new SafeFetchError('TOO_MANY_REDIRECTS', `more than ${opts.maxRedirects}`);
      url = checkedUrl(hop.location, url);
    }
  } finally {
    clearTimeout(timer);
  }
}
