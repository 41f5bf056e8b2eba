import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../deps.js';

/** What every feature plugin receives: the dependencies and the drain flag of the instance. */
export type ModuleOptions = { deps: Deps; draining: { value: boolean } };
/** A feature's Fastify plugin (its routes and pages). */
export type Module = FastifyPluginAsync<ModuleOptions>;
