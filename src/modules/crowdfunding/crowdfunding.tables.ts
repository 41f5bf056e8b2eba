import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { projects } from '../projects/projects.tables.js';
import { CAMPAIGN_MODELS, CAMPAIGN_STATUSES, PREVIEW_STATUSES, SNAPSHOT_STATUSES } from './crowdfunding.domain.js';
export * from './crowdfunding.domain.js';

/**
 * A project's external crowdfunding campaign (La Ruche or another platform): one per project.
 * `raisedCents` is the amount of the latest confirmed snapshot (by the snapshot's time), kept under
 * a row lock; the optional matchfunding commitment of one caisse lives on the same row (ADR 0023).
 */
export const crowdfundingCampaigns = pgTable(
  'crowdfunding_campaigns',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    platform: text('platform').notNull(),
    goalCents: integer('goal_cents').notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    model: text('model', { enum: CAMPAIGN_MODELS }).notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('running'),
    raisedCents: integer('raised_cents').notNull().default(0),
    backers: integer('backers'),
    /** The time of the snapshot `raisedCents` comes from, and when staff confirmed it. */
    raisedAsOf: timestamp('raised_as_of', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    matchCaisseId: text('match_caisse_id').references(() => caisses.id, { onDelete: 'set null' }),
    /** Dollars the caisse adds per dollar raised, in percent (100 = 1:1, the caisse doubles each dollar). */
    matchRatioPercent: integer('match_ratio_percent'),
    matchCapCents: integer('match_cap_cents'),
    matchSetBy: text('match_set_by').references(() => users.id, { onDelete: 'set null' }),
    matchSetAt: timestamp('match_set_at', { withTimezone: true }),
    previewStatus: text('preview_status', { enum: PREVIEW_STATUSES }).notNull().default('pending'),
    previewTitle: text('preview_title'),
    /** A stored image (media pipeline variants `<key>-<width>.webp`), never a hot link. */
    previewImageKey: text('preview_image_key'),
    previewImageWidth: integer('preview_image_width'),
    previewImageHeight: integer('preview_image_height'),
    previewFetchedAt: timestamp('preview_fetched_at', { withTimezone: true }),
    /** When the outcome was decided. */
    settledAt: timestamp('settled_at', { withTimezone: true }),
    /** Set once, when the money kept (raised + matched) went into the impact ledger: never twice. */
    impactRecordedAt: timestamp('impact_recorded_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('crowdfunding_campaigns_project_key').on(t.projectId),
    index('crowdfunding_campaigns_running_idx').on(t.endsAt).where(sql`status = 'running'`),
    check('crowdfunding_campaigns_amounts', sql`${t.goalCents} > 0 AND ${t.raisedCents} >= 0`),
  ],
);

/** An amount reported by the promoter; staff of a caisse serving the project's territory confirm or reject it. */
export const crowdfundingSnapshots = pgTable(
  'crowdfunding_snapshots',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull().references(() => crowdfundingCampaigns.id, { onDelete: 'cascade' }),
    raisedCents: integer('raised_cents').notNull(),
    backers: integer('backers'),
    note: text('note').notNull().default(''),
    status: text('status', { enum: SNAPSHOT_STATUSES }).notNull().default('pending'),
    /** Kept when the submitter deletes their account (the project relies on it), without them. */
    submittedBy: text('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectReason: text('reject_reason').notNull().default(''),
  },
  (t) => [
    index('crowdfunding_snapshots_campaign_idx').on(t.campaignId, t.takenAt.desc()),
    index('crowdfunding_snapshots_pending_idx').on(t.takenAt).where(sql`status = 'pending'`),
    index('crowdfunding_snapshots_submitter_idx').on(t.submittedBy),
    check('crowdfunding_snapshots_amounts', sql`${t.raisedCents} >= 0`),
  ],
);
