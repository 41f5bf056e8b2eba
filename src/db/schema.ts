/** Every module's tables, gathered for drizzle's typed client. Modules own their table files. */
export * from '../modules/territories/territories.tables.js';
export * from '../modules/caisses/caisses.tables.js';
export * from '../modules/auth/auth.tables.js';
export * from '../platform/platform.tables.js';
export * from '../modules/organisations/organisations.tables.js';
export * from '../modules/projects/projects.tables.js';
export * from '../modules/needs/needs.tables.js';
export * from '../modules/pledges/pledges.tables.js';
export * from '../modules/offers/offers.tables.js';
export * from '../modules/messages/messages.tables.js';
export * from '../modules/notifications/notifications.tables.js';
export * from '../modules/social/social.tables.js';
export * from '../modules/boards/boards.tables.js';
export * from '../modules/moderation/moderation.tables.js';
