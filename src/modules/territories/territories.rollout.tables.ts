import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { territories } from './territories.tables.js';
import { ROLLOUT_STATES } from './territories.domain.js';

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
