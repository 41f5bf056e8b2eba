import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';

/**
 * Text responses (HTML, CSS, JS, JSON, SVG, XML) are served br or gzip when the client accepts it
 * (brotli at quality 4: cheap enough for dynamic pages). Event streams are never compressed (they
 * would be buffered); the notification stream writes to the raw socket anyway.
 */
const COMPRESSIBLE = /^text\/(?!event-stream)|^application\/(?:javascript|json|[\w.-]+\+json|xml|[\w.-]+\+xml)(?:;|$)|^image\/svg\+xml(?:;|$)/u;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, customTypes: COMPRESSIBLE });
}
