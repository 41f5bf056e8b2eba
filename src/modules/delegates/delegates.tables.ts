import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { territories } from '../territories/territories.tables.js';
import { DELEGATE_APPLICATION_STATUSES } from './delegates.domain.js';
export * from './delegates.domain.js';

/**
 * A caisse's delegate registration campaign: open until `deadline`, for a term from `termStart` to
 * `termEnd` (approved delegates hold the role until then). The newest campaign of a caisse is its current one.
 */
export const delegateCampaigns = pgTable(
  'delegate_campaigns',
  {
    id: text('id').primaryKey(),
    caisseId: text('caisse_id').notNull().references(() => caisses.id, { onDelete: 'cascade' }),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    termStart: timestamp('term_start', { withTimezone: true }).notNull(),
    termEnd: timestamp('term_end', { withTimezone: true }).notNull(),
    introFr: text('intro_fr').notNull().default(''),
    introEn: text('intro_en').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('delegate_campaigns_caisse_idx').on(t.caisseId, t.createdAt.desc())],
);

/** A member's application to a campaign: one per person and campaign; staff decide with a message. */
export const delegateApplications = pgTable(
  'delegate_applications',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull().references(() => delegateCampaigns.id, { onDelete: 'cascade' }),
    caisseId: text('caisse_id').notNull().references(() => caisses.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    territoryId: text('territory_id').notNull().references(() => territories.id, { onDelete: 'cascade' }),
    motivation: text('motivation').notNull(),
    availability: text('availability').notNull(),
    status: text('status', { enum: DELEGATE_APPLICATION_STATUSES }).notNull().default('pending'),
    decisionMessage: text('decision_message').notNull().default(''),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('delegate_applications_campaign_user_key').on(t.campaignId, t.userId),
    index('delegate_applications_caisse_idx').on(t.caisseId, t.status, t.createdAt),
    index('delegate_applications_user_idx').on(t.userId),
  ],
);
