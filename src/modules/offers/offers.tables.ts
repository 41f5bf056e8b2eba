import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { NEED_KINDS } from '../needs/needs.tables.js';
import { OFFER_PERIODS, OFFER_STATUSES } from './offers.domain.js';
export * from './offers.domain.js';

/** A standing proposal: "4 h/month of bookkeeping", "we lend a cargo bike", "$500/year for youth". */
export const offers = pgTable(
  'offers',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NEED_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The language the offer is written in (its `lang` when it differs from the page's). */
    language: text('language', { enum: ['fr', 'en'] }).notNull().default('fr'),
    quantity: integer('quantity'),
    period: text('period', { enum: OFFER_PERIODS }).notNull().default('once'),
    /** Territory ids served (empty = the owner's territory). */
    territoryIds: text('territory_ids').array().notNull().default([]),
    skills: text('skills').array().notNull().default([]),
    availability: text('availability').notNull().default(''),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('active'),
    /** Set by moderation: then only the owner, the organisation's members and moderators see it. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('offers_kind_idx').on(t.kind, t.status),
    index('offers_owner_idx').on(t.ownerId),
    index('offers_territories_idx').using('gin', t.territoryIds),
    index('offers_skills_idx').using('gin', t.skills),
    index('offers_created_idx').on(t.createdAt.desc(), t.id.desc()),
  ],
);
