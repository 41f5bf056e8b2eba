import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Deps } from './platform/deps.js';
import { newId } from './db/ids.js';
import { registerSecurity } from './platform/http/security.js';
import { registerStatic } from './platform/http/static.js';
import { registerRequestContext } from './platform/http/request-context.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { actorFromSession, actorFromToken } from './modules/auth/auth.resolve.js';
import { modules } from './modules/index.js';
import { createRealtimeHub } from './platform/realtime/hub.js';
import { NOTIFICATIONS_CHANNEL } from './modules/notifications/notifications.repository.js';
import { headerBadges } from './modules/notifications/notifications.routes.js';

export type AppOptions = { config: Config; database: Database; logger?: boolean };
export type App = FastifyInstance & { deps: Deps; draining: { value: boolean } };

/** Builds the app without listening: main.ts listens, tests use app.inject(). */
export async function buildApp({ config, database, logger = true }: AppOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] } : false,
    genReqId: () => newId(),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const deps: Deps = { config, database, db: database.db, log: app.log };
  const draining = { value: false };
  app.decorate('deps', deps);
  app.decorate('draining', draining);

  await registerOpenApi(app);
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 262_144 });
  await app.register(multipart, { limits: { fileSize: 8 * 1_048_576, files: 1, fields: 40, parts: 50 } });
  await registerSecurity(app, config);
  await registerStatic(app, config);
  registerRequestContext(app, deps, {
    fromSession: (rawId) => actorFromSession(deps, rawId),
    fromToken: (token) => actorFromToken(deps, token),
  });
  registerErrorHandling(app);

  // Live notifications: one LISTEN connection per instance; streams end before the server closes.
  const realtime = createRealtimeHub(database, { channel: NOTIFICATIONS_CHANNEL, log: app.log });
  app.decorate('realtime', realtime);
  app.addHook('onReady', () => realtime.start());
  app.addHook('preClose', async () => realtime.closeAll());
  app.addHook('onClose', () => realtime.stop());
  app.addHook('preHandler', headerBadges(deps));

  for (const mod of modules) await app.register(mod, { deps, draining });
  return app as unknown as App;
}
