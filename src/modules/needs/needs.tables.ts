import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { projects } from '../projects/projects.tables.js';
import { NEED_KINDS, NEED_UNITS, MATERIAL_MODES } from './needs.domain.js';
export * from './needs.domain.js';

/**
 * What a project lacks. Progress and status (open → partly met → met) are derived from pledges,
 * never stored twice; only closing by hand is stored (`closedAt`).
 */
export const needs = pgTable(
  'needs',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NEED_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    quantity: integer('quantity').notNull(),
    unit: text('unit', { enum: NEED_UNITS }).notNull(),
    /** Expertise: paid or free; the hourly rate in cents when paid. */
    paid: boolean('paid').notNull().default(false),
    rateCents: integer('rate_cents'),
    /** Loan: term in months and yearly rate in basis points (0 = interest-free). */
    loanTermMonths: integer('loan_term_months'),
    loanRateBps: integer('loan_rate_bps'),
    /** Material: lent (with a return date) or given. */
    materialMode: text('material_mode', { enum: MATERIAL_MODES }),
    returnDate: date('return_date', { mode: 'string' }),
    /** Skills that would help (matching). */
    skills: text('skills').array().notNull().default([]),
    deadline: date('deadline', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('needs_project_idx').on(t.projectId, t.position), index('needs_kind_idx').on(t.kind, t.closedAt), index('needs_open_kind_idx').on(t.projectId, t.kind).where(sql`closed_at IS NULL`)],
);
