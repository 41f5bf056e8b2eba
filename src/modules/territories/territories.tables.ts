import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, integer, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { TERRITORY_KINDS, ROLLOUT_STATES } from './territories.domain.js';
export * from './territories.domain.js';

export const territories = pgTable(
  'territories',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    parentId: text('parent_id').references((): AnyPgColumn => territories.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: TERRITORY_KINDS }).notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    rolloutState: text('rollout_state', { enum: ROLLOUT_STATES }).notNull().default('planned'),
    position: integer('position').notNull().default(0),
    boundary: jsonb('boundary'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('territories_slug_key').on(t.slug), index('territories_parent_idx').on(t.parentId, t.position)],
);

export const territoryWaitlist = pgTable(
  'territory_waitlist',
  {
    id: text('id').primaryKey(),
    territoryId: text('territory_id').notNull().references(() => territories.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    locale: text('locale').notNull().default('fr'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    /** Set, in the transaction that queues the invitation mail, when the territory opened (ADR 0015). */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('territory_waitlist_email_key').on(t.territoryId, t.email),
    index('territory_waitlist_pending_idx').on(t.territoryId).where(sql`notified_at IS NULL`),
  ],
);

/**
 * The rollout history of each territory (ADR 0015): one row per change an admin made, applied at
 * once (`applied_at` = now) or scheduled for `effective_at` and applied by the rollout job.
 * A newer schedule cancels a pending one (`cancelled_at`); rows are never deleted.
 */
export const territoryRolloutChanges = pgTable(
  'territory_rollout_changes',
  {
    id: text('id').primaryKey(),
    territoryId: text('territory_id').notNull().references(() => territories.id, { onDelete: 'cascade' }),
    fromState: text('from_state', { enum: ROLLOUT_STATES }),
    toState: text('to_state', { enum: ROLLOUT_STATES }).notNull(),
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('territory_rollout_changes_territory_idx').on(t.territoryId, t.effectiveAt),
    index('territory_rollout_changes_due_idx').on(t.effectiveAt).where(sql`applied_at IS NULL AND cancelled_at IS NULL`),
  ],
);
