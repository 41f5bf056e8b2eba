import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { territories } from '../territories/territories.tables.js';
import { projects } from '../projects/projects.tables.js';
import { APPLICATION_FILE_MIMES, APPLICATION_STATUSES, CALL_LANGUAGES, CALL_PHASES, QUESTION_KINDS, type ApplicationAnswers } from './calls.domain.js';
export * from './calls.domain.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A caisse's call for projects (ADR 0020). `phase` is the authority for what may happen; the
 * phases job moves it by date with one conditional UPDATE per transition, staff move it by hand.
 * A draft with `published_at` set is scheduled ("upcoming") and opens at `opens_at`.
 * No public vote when `vote_opens_at` is null (then `jury_weight_percent` is 100).
 */
export const calls = pgTable(
  'calls',
  {
    id: text('id').primaryKey(),
    caisseId: text('caisse_id').notNull().references(() => caisses.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    theme: text('theme').notNull(),
    /** Markdown source, rendered through the allow-list sanitiser. */
    description: text('description').notNull().default(''),
    language: text('language', { enum: CALL_LANGUAGES }).notNull().default('fr'),
    membersOnly: boolean('members_only').notNull().default(false),
    /** Empty: individuals and organisations of any kind; otherwise projects carried by an organisation of one of these kinds. */
    allowedOrganisationKinds: text('allowed_organisation_kinds').array().notNull().default(sql`'{}'::text[]`),
    budgetCents: bigint('budget_cents', { mode: 'number' }).notNull(),
    maxPerProjectCents: bigint('max_per_project_cents', { mode: 'number' }).notNull(),
    opensAt: ts('opens_at').notNull(),
    submissionsCloseAt: ts('submissions_close_at').notNull(),
    reviewEndsAt: ts('review_ends_at').notNull(),
    voteOpensAt: ts('vote_opens_at'),
    voteClosesAt: ts('vote_closes_at'),
    resultsAt: ts('results_at').notNull(),
    phase: text('phase', { enum: CALL_PHASES }).notNull().default('draft'),
    phaseChangedAt: ts('phase_changed_at').notNull().defaultNow(),
    publishedAt: ts('published_at'),
    votesPerMember: integer('votes_per_member'),
    juryWeightPercent: integer('jury_weight_percent').notNull().default(100),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('calls_slug_key').on(t.slug),
    index('calls_caisse_idx').on(t.caisseId, t.opensAt),
    index('calls_phase_idx').on(t.phase, t.opensAt),
    check('calls_money_check', sql`${t.budgetCents} > 0 AND ${t.maxPerProjectCents} > 0 AND ${t.maxPerProjectCents} <= ${t.budgetCents}`),
    check('calls_dates_check', sql`${t.submissionsCloseAt} > ${t.opensAt} AND ${t.reviewEndsAt} >= ${t.submissionsCloseAt} AND ${t.resultsAt} >= ${t.reviewEndsAt}`),
    check(
      'calls_vote_check',
      sql`(${t.voteOpensAt} IS NULL AND ${t.voteClosesAt} IS NULL AND ${t.votesPerMember} IS NULL AND ${t.juryWeightPercent} = 100)
        OR (${t.voteOpensAt} IS NOT NULL AND ${t.voteClosesAt} IS NOT NULL AND ${t.voteOpensAt} >= ${t.reviewEndsAt} AND ${t.voteClosesAt} > ${t.voteOpensAt} AND ${t.resultsAt} >= ${t.voteClosesAt} AND ${t.votesPerMember} >= 1)`,
    ),
    check('calls_jury_weight_check', sql`${t.juryWeightPercent} BETWEEN 0 AND 100`),
  ],
);

/** Where a call is open: territories its caisse serves. */
export const callTerritories = pgTable(
  'call_territories',
  {
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    territoryId: text('territory_id').notNull().references(() => territories.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.callId, t.territoryId] }), index('call_territories_territory_idx').on(t.territoryId)],
);

/** The call's own application questions, in order. */
export const callQuestions = pgTable(
  'call_questions',
  {
    id: text('id').primaryKey(),
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: QUESTION_KINDS }).notNull(),
    label: text('label').notNull(),
    help: text('help').notNull().default(''),
    required: boolean('required').notNull().default(true),
    choices: text('choices').array().notNull().default(sql`'{}'::text[]`),
    maxLength: integer('max_length'),
  },
  (t) => [index('call_questions_call_idx').on(t.callId, t.position)],
);

/** Evaluation criteria; a juror scores each one, the ranking weighs them. */
export const callCriteria = pgTable(
  'call_criteria',
  {
    id: text('id').primaryKey(),
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    weight: integer('weight').notNull(),
  },
  (t) => [index('call_criteria_call_idx').on(t.callId, t.position), check('call_criteria_weight_check', sql`${t.weight} > 0`)],
);

/**
 * A project's application to a call: one per project and call. `applicant_id` is the promoter who
 * filed it; it becomes null when that person deletes their account (the application stays).
 */
export const callApplications = pgTable(
  'call_applications',
  {
    id: text('id').primaryKey(),
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    applicantId: text('applicant_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('draft'),
    requestedCents: bigint('requested_cents', { mode: 'number' }),
    answers: jsonb('answers').$type<ApplicationAnswers>().notNull().default({}),
    submittedAt: ts('submitted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('call_applications_call_project_key').on(t.callId, t.projectId),
    index('call_applications_call_idx').on(t.callId, t.status, t.submittedAt),
    index('call_applications_applicant_idx').on(t.applicantId),
    index('call_applications_project_idx').on(t.projectId),
    check('call_applications_requested_check', sql`${t.requestedCents} IS NULL OR ${t.requestedCents} > 0`),
  ],
);

/**
 * The answer to a `file` question (ADR 0024): one private document per application and question,
 * stored in the private media store under `media_key`, never served by `/media`. `file_name` is the
 * sanitised name it was uploaded with; `uploaded_by` becomes null when that person deletes their
 * account (the file stays with the application, for the caisse's record).
 */
export const callApplicationFiles = pgTable(
  'call_application_files',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id').notNull().references(() => callApplications.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull().references(() => callQuestions.id, { onDelete: 'cascade' }),
    mediaKey: text('media_key').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime', { enum: APPLICATION_FILE_MIMES }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('call_application_files_answer_key').on(t.applicationId, t.questionId),
    uniqueIndex('call_application_files_media_key').on(t.mediaKey),
    index('call_application_files_uploader_idx').on(t.uploadedBy),
    check('call_application_files_size_check', sql`${t.sizeBytes} > 0`),
  ],
);
