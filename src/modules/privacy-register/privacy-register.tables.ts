import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { INCIDENT_STATUSES, REQUEST_KINDS, REQUEST_STATUSES } from './privacy-register.domain.js';
export * from './privacy-register.domain.js';

/**
 * The register of confidentiality incidents (Law 25, s. 3.8): every incident, serious or not, kept
 * at least five years, so rows are never deleted (no delete route, no cascade from a person).
 * Dates are Montréal calendar days (`YYYY-MM-DD`).
 */
export const privacyIncidents = pgTable(
  'privacy_incidents',
  {
    id: text('id').primaryKey(),
    /** Unknown at times: only the discovery date is certain. */
    occurredOn: date('occurred_on', { mode: 'string' }),
    discoveredOn: date('discovered_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    personalInfo: text('personal_info').notNull(),
    peopleConcerned: integer('people_concerned').notNull(),
    seriousRisk: boolean('serious_risk').notNull(),
    riskAssessment: text('risk_assessment').notNull(),
    measures: text('measures').notNull().default(''),
    caiNotifiedOn: date('cai_notified_on', { mode: 'string' }),
    peopleNotifiedOn: date('people_notified_on', { mode: 'string' }),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The account keeps its row (anonymised) when deleted: the register still says an admin recorded it. */
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('privacy_incidents_list_idx').on(t.status, t.discoveredOn.desc(), t.id.desc()),
    check('privacy_incidents_people', sql`${t.peopleConcerned} >= 0`),
  ],
);

/**
 * Access, rectification, deletion and portability requests: `dueOn` is the received day + 30,
 * `extendedUntil` a later date when the person was told the answer needs more time. The requester
 * is free text; `requesterUserId` links an account found by the e-mail, unlinked if it is deleted.
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    id: text('id').primaryKey(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    extendedUntil: date('extended_until', { mode: 'string' }),
    requesterName: text('requester_name').notNull(),
    requesterEmail: text('requester_email').notNull(),
    requesterUserId: text('requester_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: REQUEST_KINDS }).notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('received'),
    answeredOn: date('answered_on', { mode: 'string' }),
    refusalReason: text('refusal_reason').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('privacy_requests_due_idx').on(sql`coalesce(${t.extendedUntil}, ${t.dueOn})`, t.id),
    index('privacy_requests_requester_idx').on(t.requesterUserId),
  ],
);

/**
 * One row per Montréal day a deadline reminder went out (ADR 0028): inserted with ON CONFLICT DO
 * NOTHING in the transaction that queues the mails, so a second or concurrent run of the daily job
 * sends nothing.
 */
export const privacyReminders = pgTable('privacy_reminders', {
  day: date('day', { mode: 'string' }).primaryKey(),
  /** How many admins were e-mailed and how many requests the reminder listed (counts only). */
  recipients: integer('recipients').notNull(),
  requests: integer('requests').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});
