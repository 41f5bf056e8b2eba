import type { FastifyRequest } from 'fastify';

/**
 * The URL as the request log may keep it: the path, and the query's parameter names without their
 * values (search words, unsubscribe and invitation tokens stay out of the logs).
 */
export function logSafeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = [...new Set(url.slice(q + 1).split('&').filter(Boolean).map((pair) => pair.split('=')[0]!.slice(0, 40)))];
  return `${url.slice(0, q)}?${names.map((n) => `${n}=…`).join('&')}`;
}

/** Fastify's request serializer, minus query values. */
export function serializeRequest(req: FastifyRequest) {
  return { method: req.method, url: logSafeUrl(req.url), host: req.host, remoteAddress: req.ip };
}
