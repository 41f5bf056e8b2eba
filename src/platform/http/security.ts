import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import underPressure from '@fastify/under-pressure';
import type { Config } from '../../config.js';

/** Security headers on every response, and 503 + Retry-After under overload. */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  const production = config.env === 'production';
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
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
    referrerPolicy: { policy: 'same-origin' },
  });
  // Overload protection measures event-loop delay; in-process tests never yield a timer turn, so
  // the measurement would read as overload there.
  if (config.env === 'test') return;
  await app.register(underPressure, {
    maxEventLoopDelay: 1_000,
    retryAfter: 10,
    exposeStatusRoute: false,
  });
}
