import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, integer, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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

