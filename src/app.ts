import Fastify, { type FastifyInstance } from 'fastify';
import './catalogues.js';
import { serializeRequest } from './platform/http/log.js';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Deps } from './platform/deps.js';
import { newId } from './db/ids.js';
import { registerSecurity, securityHeaders } from './platform/http/security.js';
import { registerCompression } from './platform/http/compression.js';
import { registerInputNormalisation } from './platform/http/input.js';
import { clientErrorHandler, frameworkErrorHandler } from './platform/http/framework-errors.js';
import { registerStatic } from './platform/http/static.js';
import { registerRequestContext } from './platform/http/request-context.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { actorFromSession, actorFromToken } from './modules/auth/auth.resolve.js';
import { navAbilities } from './modules/access/access.scope.js';
import { modules } from './modules/index.js';
import { registerSchemaComponents } from './platform/http/openapi.document.js';
import { registerNavigation } from './platform/views/nav.js';
import { createRealtimeHub } from './platform/realtime/hub.js';
import { NOTIFICATIONS_CHANNEL } from './modules/notifications/notifications.repository.js';
import { headerBadges } from './modules/notifications/notifications.routes.js';

export type AppOptions = { config: Config; database: Database; logger?: boolean };
export type App = FastifyInstance & { deps: Deps; draining: { value: boolean } };

/** Builds the app without listening: main.ts listens, tests use app.inject(). */
export async function buildApp({ config, database, logger = true }: AppOptions): Promise<App> {
  const headers = securityHeaders(config);
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], serializers: { req: serializeRequest } } : false,
    genReqId: () => newId(),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors before routing and from the HTTP parser get the envelope and security headers too.
    frameworkErrors: frameworkErrorHandler(headers),
    clientErrorHandler: clientErrorHandler(headers),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const deps: Deps = { config, database, db: database.db, log: app.log };
  const draining = { value: false };
  app.decorate('deps', deps);
  app.decorate('draining', draining);

  // Named OpenAPI components, in module-name order so the document does not depend on the plugin order.
  registerSchemaComponents([...modules].sort((a, b) => a.name.localeCompare(b.name)).flatMap((m) => m.presenters ?? []));
  registerNavigation(modules.flatMap((m) => m.nav ?? []));
  // Before any route: @fastify/compress attaches itself to routes as they are declared.
  await registerCompression(app);
  await registerOpenApi(app, config.publicUrl);
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 262_144 });
  await app.register(multipart, { limits: { fileSize: 8 * 1_048_576, files: 1, fields: 40, parts: 50 } });
  await registerSecurity(app, config);
  await registerStatic(app, config);
  registerInputNormalisation(app);
  registerRequestContext(app, deps, {
    fromSession: (rawId) => actorFromSession(deps, rawId),
    fromToken: (token) => actorFromToken(deps, token),
  });
  app.addHook('onRequest', async (request) => {
    request.ctx.abilities = navAbilities(request.ctx.actor);
  });
  registerErrorHandling(app);
  // While draining (SIGTERM grace period) every response closes its connection, so no keep-alive
  // connection is left idle, and liable to be reset, when the server finally closes.
  app.addHook('onSend', async (_request, reply) => {
    if (draining.value) reply.header('connection', 'close');
  });

  // Live notifications: one LISTEN connection per instance; streams end before the server closes.
  const realtime = createRealtimeHub(database, { channel: NOTIFICATIONS_CHANNEL, log: app.log });
  app.decorate('realtime', realtime);
  app.addHook('onReady', () => realtime.start());
  app.addHook('preClose', async () => realtime.closeAll());
  app.addHook('onClose', () => realtime.stop());
  app.addHook('preHandler', headerBadges(deps));

  for (const plugin of modules.flatMap((m) => m.plugins ?? [])) await app.register(plugin, { deps, draining });
  return app as unknown as App;
}
