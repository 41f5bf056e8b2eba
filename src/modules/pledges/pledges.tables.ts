import { boolean, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { needs } from '../needs/needs.tables.js';
import { projects } from '../projects/projects.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { capacities } from '../organisations/partners.tables.js';
import { PLEDGE_STATUSES } from './pledges.domain.js';
export * from './pledges.domain.js';

export const pledges = pgTable(
  'pledges',
  {
    id: text('id').primaryKey(),
    needId: text('need_id').notNull().references(() => needs.id, { onDelete: 'cascade' }),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    /** Null once the supporter deleted their account: the help stays counted, anonymously. */
    supporterId: text('supporter_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The partner's standing capacity this pledge draws on, consumed when the pledge is fulfilled. */
    capacityId: text('capacity_id').references(() => capacities.id, { onDelete: 'set null' }),
    onHonour: boolean('on_honour').notNull().default(false),
    quantity: integer('quantity').notNull(),
    message: text('message').notNull().default(''),
    /** The supporter agreed to be named on the project page once the pledge is accepted. */
    showName: boolean('show_name').notNull().default(false),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status', { enum: PLEDGE_STATUSES }).notNull().default('proposed'),
    reason: text('reason').notNull().default(''),
    promoterConfirmedAt: timestamp('promoter_confirmed_at', { withTimezone: true }),
    supporterConfirmedAt: timestamp('supporter_confirmed_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pledges_need_idx').on(t.needId, t.status),
    index('pledges_project_idx').on(t.projectId, t.createdAt.desc()),
    index('pledges_supporter_idx').on(t.supporterId, t.createdAt.desc()),
    index('pledges_lapse_idx').on(t.status, t.endDate),
  ],
);

/** Every transition, who made it and why (the pledge's history). */
export const pledgeEvents = pgTable(
  'pledge_events',
  {
    id: text('id').primaryKey(),
    pledgeId: text('pledge_id').notNull().references(() => pledges.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pledge_events_pledge_idx').on(t.pledgeId, t.createdAt)],
);

/** Fulfilled help, one row per fulfilled pledge: what impact figures add up. */
export const impactEntries = pgTable(
  'impact_entries',
  {
    id: text('id').primaryKey(),
    pledgeId: text('pledge_id').references(() => pledges.id, { onDelete: 'set null' }),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    territoryId: text('territory_id').notNull(),
    caisseId: text('caisse_id'),
    kind: text('kind').notNull(),
    hours: integer('hours').notNull().default(0),
    fundedCents: integer('funded_cents').notNull().default(0),
    lentCents: integer('lent_cents').notNull().default(0),
    itemsLent: integer('items_lent').notNull().default(0),
    itemsGiven: integer('items_given').notNull().default(0),
    /** A pseudonymous supporter key (hash), so "people who helped" counts distinct people without naming them. */
    supporterKey: text('supporter_key').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('impact_project_idx').on(t.projectId), index('impact_territory_idx').on(t.territoryId, t.occurredAt), index('impact_caisse_idx').on(t.caisseId, t.occurredAt)],
);
