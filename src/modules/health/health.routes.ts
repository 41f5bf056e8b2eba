import type { Module } from '../../platform/http/module.js';
import { migrationsApplied } from '../../db/migrate.js';

/** /healthz: the process answers (no dependencies). /readyz: it can serve traffic. */
export const healthRoutes: Module = async (app, { deps, draining }) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    if (draining.value) return reply.status(503).header('Retry-After', '5').send({ status: 'draining' });
    try {
      await deps.database.query('SELECT 1');
      if (!(await migrationsApplied(deps.database))) return reply.status(503).header('Retry-After', '5').send({ status: 'migrating' });
    } catch {
      return reply.status(503).header('Retry-After', '5').send({ status: 'database_unreachable' });
    }
    return { status: 'ready' };
  });
};
