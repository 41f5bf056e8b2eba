import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';

/** What every service receives: no globals, so tests build their own. */
export type Deps = {
  config: Config;
  database: Database;
  db: Db;
  log: FastifyBaseLogger;
};
