/** Every module's tables, gathered for drizzle's typed client. Modules own their table files. */
export * from '../modules/territories/territories.tables.js';
export * from '../modules/caisses/caisses.tables.js';
export * from '../modules/auth/auth.tables.js';
export * from '../platform/platform.tables.js';
