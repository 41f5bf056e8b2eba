import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../../config.js';

const root = fileURLToPath(new URL('../../../public', import.meta.url));
const require = createRequire(import.meta.url);

/** /assets: our CSS/JS/icons, and htmx straight from its package (no copy to keep in sync). */
export async function registerStatic(app: FastifyInstance, config: Config): Promise<void> {
  const maxAge = config.env === 'production' ? 86_400_000 : 0;
  await app.register(fastifyStatic, { root, prefix: '/assets/', maxAge, decorateReply: false, index: false });
  const htmxDir = path.dirname(require.resolve('htmx.org/dist/htmx.min.js'));
  await app.register(fastifyStatic, { root: htmxDir, prefix: '/assets/vendor/', maxAge, decorateReply: false, index: false, allowedPath: (p) => p === '/htmx.min.js' });
}
