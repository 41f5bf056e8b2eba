import type { FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { AppError } from '../../platform/errors.js';
import { requireActor } from '../../platform/http/guards.js';
import { adminApiRoutes } from './admin.api.routes.js';
import { adminPages } from './admin.pages.js';
import { adminCaissesPages } from './admin.caisses.pages.js';
import { adminRolesPages } from './admin.roles.pages.js';
import { adminLogsPages } from './admin.logs.pages.js';
import { isPlatformAdmin } from '../access/access.scope.js';

/** Every page under /admin: visitors go to sign-in (401 → redirect), everyone else but admins gets 403. */
async function requireAdminPage(request: FastifyRequest): Promise<void> {
  if (!isPlatformAdmin(requireActor(request))) throw new AppError('FORBIDDEN');
}

export const adminRoutes: Module = async (app, opts) => {
  await app.register(adminApiRoutes, opts);
  await app.register(async (pages) => {
    pages.addHook('preHandler', requireAdminPage);
    for (const plugin of [adminPages, adminCaissesPages, adminRolesPages, adminLogsPages]) await pages.register(plugin, opts);
  });
};
