import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { territories } from '../territories/territories.tables.js';

export const ORGANISATION_KINDS = ['business', 'community', 'cooperative', 'professional', 'public'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_ROLES = ['representative', 'member'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** An "acteur du milieu": business, community group (OBNL), cooperative, professional. */
export const organisations = pgTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    description: text('description').notNull().default(''),
    website: text('website'),
    territoryId: text('territory_id').references(() => territories.id, { onDelete: 'set null' }),
    /** Set when a representative signs the honour charter: the organisation becomes a partner. */
    charterSignedAt: timestamp('charter_signed_at', { withTimezone: true }),
    charterSignedBy: text('charter_signed_by').references(() => users.id, { onDelete: 'set null' }),
    charterVersion: text('charter_version'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisations_slug_key').on(t.slug), index('organisations_territory_idx').on(t.territoryId)],
);

export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORGANISATION_ROLES }).notNull().default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_members_user_idx').on(t.userId)],
);
