import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { callApplications, callCriteria, calls } from '../calls/calls.tables.js';
import type { PublishedLine } from './call-reviews.domain.js';
export * from './call-reviews.domain.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A call's jury (ADR 0021): staff of the call's caisse and its delegates. `user_id` becomes null when
 * the juror deletes their account: the row stays so their scores still count, anonymously.
 */
export const callJurors = pgTable(
  'call_jurors',
  {
    id: text('id').primaryKey(),
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    addedBy: text('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('call_jurors_call_user_key').on(t.callId, t.userId), index('call_jurors_user_idx').on(t.userId)],
);

/** A juror's declared conflict of interest with one application: they no longer see its answers nor score it. */
export const callConflicts = pgTable(
  'call_conflicts',
  {
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    jurorId: text('juror_id').notNull().references(() => callJurors.id, { onDelete: 'cascade' }),
    applicationId: text('application_id').notNull().references(() => callApplications.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull().default(''),
    declaredAt: ts('declared_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jurorId, t.applicationId] }), index('call_conflicts_call_idx').on(t.callId)],
);

/** One juror's score of one criterion of one application, 0..10; upserted until the review ends. */
export const callScores = pgTable(
  'call_scores',
  {
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    applicationId: text('application_id').notNull().references(() => callApplications.id, { onDelete: 'cascade' }),
    jurorId: text('juror_id').notNull().references(() => callJurors.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull().references(() => callCriteria.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.jurorId, t.criterionId] }),
    index('call_scores_call_idx').on(t.callId),
    check('call_scores_range_check', sql`${t.score} BETWEEN 0 AND 10`),
  ],
);

/** A juror's private note on an application: read by that juror and the caisse's staff only, never published. */
export const callReviewNotes = pgTable(
  'call_review_notes',
  {
    applicationId: text('application_id').notNull().references(() => callApplications.id, { onDelete: 'cascade' }),
    jurorId: text('juror_id').notNull().references(() => callJurors.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.jurorId] })],
);

/** One public vote: a member of the call's territories for one application (at most `votes_per_member` per call). */
export const callVotes = pgTable(
  'call_votes',
  {
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    applicationId: text('application_id').notNull().references(() => callApplications.id, { onDelete: 'cascade' }),
    voterId: text('voter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('call_votes_call_application_voter_key').on(t.callId, t.applicationId, t.voterId),
    index('call_votes_voter_idx').on(t.voterId, t.callId),
    index('call_votes_application_idx').on(t.applicationId),
  ],
);

/**
 * How many votes a voter holds in a call: the row every cast locks (a conditional UPDATE), so
 * parallel casts of one person can never exceed the cap.
 */
export const callVoteBudgets = pgTable(
  'call_vote_budgets',
  {
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    voterId: text('voter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    used: integer('used').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.callId, t.voterId] }), check('call_vote_budgets_used_check', sql`${t.used} >= 0`)],
);

/** A winner and its amount, decided by staff in the results phase (the sum never exceeds the call's envelope). */
export const callAwards = pgTable(
  'call_awards',
  {
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    applicationId: text('application_id').notNull().references(() => callApplications.id, { onDelete: 'cascade' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId] }), index('call_awards_call_idx').on(t.callId), check('call_awards_amount_check', sql`${t.amountCents} > 0`)],
);

/** Published results: one row per call once staff publish, with the ranking frozen at that moment. */
export const callPublications = pgTable('call_publications', {
  callId: text('call_id').primaryKey().references(() => calls.id, { onDelete: 'cascade' }),
  publishedAt: ts('published_at').notNull().defaultNow(),
  publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
  lines: jsonb('lines').$type<PublishedLine[]>().notNull(),
});
