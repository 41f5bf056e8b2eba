import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import helmet from 'helmet';
import underPressure from '@fastify/under-pressure';
import type { Config, OverloadConfig } from '../../config.js';
import { AppError } from '../errors.js';

function helmetOptions(config: Config) {
  const production = config.env === 'production';
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // No 'unsafe-inline': htmx's indicator styles are off (meta htmx-config) and live in app.css.
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' as const },
  } satisfies FastifyHelmetOptions;
}

/**
 * The security headers helmet sets, as a plain list: for the few responses written before any
 * route or hook runs (malformed URL, header overflow on the raw socket).
 */
export function securityHeaders(config: Config): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(helmetOptions(config))({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return headers;
}

/** Liveness, readiness and static files are never shed: they are cheap and needed to recover. */
function neverShed(request: FastifyRequest): boolean {
  return request.url === '/healthz' || request.url === '/readyz' || request.url.startsWith('/assets/');
}

/**
 * Overload protection: 503 + Retry-After (error envelope) when the event loop lags (CPU-bound
 * pages) or when too many requests queue for too long (database-bound pages such as the project
 * grid: the event loop is idle while they wait for a pool connection, so the delay never rises).
 */
async function registerOverloadGuard(app: FastifyInstance, overload: OverloadConfig): Promise<void> {
  // Requests in progress, oldest first (a Set iterates in insertion order). Event streams are
  // long-lived by design and are not load.
  const inFlight = new Set<{ start: number }>();
  app.addHook('onRequest', (request, reply, done) => {
    if (request.headers.accept === 'text/event-stream') return done();
    const entry = { start: performance.now() };
    inFlight.add(entry);
    reply.raw.once('close', () => inFlight.delete(entry));
    done();
  });
  const queueIsHealthy = () => {
    if (inFlight.size <= overload.maxInFlight) return true;
    const oldest = inFlight.values().next().value;
    return !oldest || performance.now() - oldest.start <= overload.maxWaitMs;
  };
  const retryAfter = 10;
  await app.register(underPressure, {
    maxEventLoopDelay: overload.maxEventLoopDelayMs,
    sampleInterval: overload.sampleIntervalMs,
    healthCheck: async () => queueIsHealthy(),
    healthCheckInterval: overload.sampleIntervalMs,
    retryAfter,
    exposeStatusRoute: false,
    pressureHandler: (request: FastifyRequest) => {
      if (neverShed(request)) return undefined;
      return Promise.reject(new AppError('UNAVAILABLE', { retryAfter }));
    },
  });
}

/** Security headers on every response, and 503 + Retry-After under overload. */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyHelmet, helmetOptions(config));
  // Off by default under NODE_ENV=test (in-process tests); a test turns it on with low thresholds.
  if (config.overload) await registerOverloadGuard(app, config.overload);
}
