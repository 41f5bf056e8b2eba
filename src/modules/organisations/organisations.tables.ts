import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { territories } from '../territories/territories.tables.js';
import { ORGANISATION_KINDS, ORGANISATION_ROLES } from './organisations.domain.js';
export * from './organisations.domain.js';

/** An "acteur du milieu": business, community group (OBNL), cooperative, professional. */
export const organisations = pgTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    description: text('description').notNull().default(''),
    /** The language the description is written in (its `lang` when it differs from the page's). */
    language: text('language', { enum: ['fr', 'en'] }).notNull().default('fr'),
    website: text('website'),
    /** Québec enterprise number (NEQ), 10 digits, optional. */
    neq: text('neq'),
    /** Logo stored by the media pipeline (a media key). */
    logoKey: text('logo_key'),
    territoryId: text('territory_id').references(() => territories.id, { onDelete: 'set null' }),
    /**
     * "Partner since": set when its first partnership with a caisse becomes active, cleared when none
     * is active any more. The partnerships table is the truth; this column is kept in step with it.
     */
    charterSignedAt: timestamp('charter_signed_at', { withTimezone: true }),
    charterSignedBy: text('charter_signed_by').references(() => users.id, { onDelete: 'set null' }),
    charterVersion: text('charter_version'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Set by moderation: then only its members and moderators see it. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
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
