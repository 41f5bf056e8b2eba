import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { completeDocument, type RouteDocs } from './openapi.document.js';

/**
 * Who may call an operation, as OpenAPI `security` (set in a route's `schema.security`):
 * `signedIn` needs a session cookie or a personal access token; `optional` answers visitors too
 * (more for a signed-in person); `none` is for anyone (sign-up, sign-in, password reset).
 * Without a declaration, reads are `optional` and writes `signedIn`.
 */
export const SECURITY = {
  signedIn: [{ bearer: [] }, { session: [] }],
  optional: [{}, { bearer: [] }, { session: [] }],
  none: [],
} as const satisfies Record<string, readonly Record<string, readonly string[]>[]>;

/** A route's extra OpenAPI facts that its zod schemas cannot carry (route `config.openapi`). */
declare module 'fastify' {
  interface FastifyContextConfig {
    openapi?: RouteDocs;
  }
}

/**
 * OpenAPI 3.1 generated from the same zod schemas that validate requests and shape responses.
 * Schemas registered in zod's global registry with an `id` become named components; every
 * operation gets an operationId, a summary, its security, and the error envelope per status.
 */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  const routeDocs = new Map<string, RouteDocs>();
  app.addHook('onRoute', (route) => {
    const docs = route.config?.openapi;
    if (!docs) return;
    for (const method of [route.method].flat()) routeDocs.set(`${method.toLowerCase()} ${route.url}`, docs);
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Espace Collectif API',
        version: '1.0.0',
        description: 'Public JSON API of Espace Collectif. Every error is `{ error: { code, message, details } }` with a stable `code` and a message in the request language (`Accept-Language`, fr or en). Writes honour `Idempotency-Key` where stated. Lists are paged with `limit` and an opaque `cursor` (`nextCursor` is null on the last page).',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: publicUrl, description: 'This instance' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token created at /moi/securite (`ec_pat_…`).' },
          session: { type: 'apiKey', in: 'cookie', name: 'ec_session', description: 'The browser session; writes also need `X-CSRF-Token` or a same-origin `Origin`.' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => completeDocument(jsonSchemaTransformObject(input) as Parameters<typeof completeDocument>[0], routeDocs),
    hideUntagged: true,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
