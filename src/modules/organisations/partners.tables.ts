import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { organisations, ORGANISATION_ROLES } from './organisations.tables.js';
import { PARTNERSHIP_STATUSES, CAPACITY_KINDS, CAPACITY_PERIODS } from './partners.domain.js';
export * from './partners.domain.js';

/** The honour charter of a caisse, versioned, in both languages. */
export const charters = pgTable(
  'charters',
  {
    caisseId: text('caisse_id').notNull().references(() => caisses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    textFr: text('text_fr').notNull(),
    textEn: text('text_en').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caisseId, t.version] })],
);

/** Who signed which version of which caisse's charter, for which organisation, and when. */
export const charterSignatures = pgTable(
  'charter_signatures',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    caisseId: text('caisse_id').notNull().references(() => caisses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    signedBy: text('signed_by').references(() => users.id, { onDelete: 'set null' }),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('charter_signatures_org_caisse_version_key').on(t.organisationId, t.caisseId, t.version)],
);

/** An organisation is a partner of a caisse once it signed its charter; staff may suspend it. */
export const partnerships = pgTable(
  'partnerships',
  {
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    caisseId: text('caisse_id').notNull().references(() => caisses.id, { onDelete: 'cascade' }),
    status: text('status', { enum: PARTNERSHIP_STATUSES }).notNull().default('active'),
    reason: text('reason').notNull().default(''),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.caisseId] }), index('partnerships_caisse_idx').on(t.caisseId, t.status)],
);

/** A standing capacity of a partner: "10 h/month of accounting", "$5,000/year" (money in cents). */
export const capacities = pgTable(
  'capacities',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CAPACITY_KINDS }).notNull(),
    amount: integer('amount').notNull(),
    period: text('period', { enum: CAPACITY_PERIODS }).notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('capacities_organisation_idx').on(t.organisationId)],
);

/** What a capacity gave in one period ('2026-12' or '2026'); `used` never exceeds the capacity's amount. */
export const capacityUsage = pgTable(
  'capacity_usage',
  {
    capacityId: text('capacity_id').notNull().references(() => capacities.id, { onDelete: 'cascade' }),
    periodKey: text('period_key').notNull(),
    used: integer('used').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.capacityId, t.periodKey] })],
);

/** An e-mailed invitation to join an organisation; the token is stored hashed. */
export const organisationInvitations = pgTable(
  'organisation_invitations',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ORGANISATION_ROLES }).notNull().default('member'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisation_invitations_token_key').on(t.tokenHash), index('organisation_invitations_org_idx').on(t.organisationId)],
);
