import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { CONTEST_STATUSES, WIN_STATUSES, type EntryRule } from './contests.domain.js';
export * from './contests.domain.js';

/**
 * A participation contest run by a caisse (ADR 0022). Published contests carry the commitment
 * `sha256(seed)`; the seed itself is stored encrypted (AES-256-GCM, key derived from SESSION_SECRET)
 * and revealed (`seed_revealed`) only at the draw. The frozen entry list is kept as its canonical file.
 */
export const contests = pgTable(
  'contests',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    caisseId: text('caisse_id').notNull().references(() => caisses.id, { onDelete: 'cascade' }),
    status: text('status', { enum: CONTEST_STATUSES }).notNull().default('draft'),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    territoryIds: text('territory_ids').array().notNull(),
    minAge: integer('min_age').notNull().default(18),
    membersOnly: boolean('members_only').notNull().default(true),
    entryRules: jsonb('entry_rules').$type<EntryRule[]>().notNull(),
    capPerPerson: integer('cap_per_person').notNull(),
    drawAt: timestamp('draw_at', { withTimezone: true }).notNull(),
    drawPlaceFr: text('draw_place_fr').notNull(),
    drawPlaceEn: text('draw_place_en').notNull(),
    claimDays: integer('claim_days').notNull(),
    skillQuestion: text('skill_question').notNull(),
    skillAnswer: integer('skill_answer').notNull(),
    howToldFr: text('how_told_fr').notNull(),
    howToldEn: text('how_told_en').notNull(),
    seedSealed: text('seed_sealed'),
    commitment: text('commitment'),
    seedRevealed: text('seed_revealed'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    entryListFile: text('entry_list_file'),
    entryListSha256: text('entry_list_sha256'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    drawnBy: text('drawn_by').references(() => users.id, { onDelete: 'set null' }),
    /** Where the next redraw continues the random stream. */
    nextCounter: integer('next_counter').notNull().default(0),
    /** Each round of the draw (0 = the draw, then redraws): its slots and where it started and stopped in the stream. */
    rounds: jsonb('rounds').$type<{ round: number; slots: number[]; startCounter: number; nextCounter: number; at: string }[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contests_slug_key').on(t.slug), index('contests_caisse_idx').on(t.caisseId), index('contests_ends_idx').on(t.status, t.endsAt)],
);

/** Prizes in published order; slot numbers expand each prize by its quantity, in this order. */
export const contestPrizes = pgTable(
  'contest_prizes',
  {
    id: text('id').primaryKey(),
    contestId: text('contest_id').notNull().references(() => contests.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    quantity: integer('quantity').notNull(),
    valueCents: integer('value_cents').notNull(),
  },
  (t) => [uniqueIndex('contest_prizes_position_key').on(t.contestId, t.position)],
);

/**
 * A person's pseudonym in a contest (stable, shown only to them), and, once the list is frozen,
 * their entry count. On account deletion `user_id` becomes null: the published list keeps the pseudonym.
 */
export const contestParticipants = pgTable(
  'contest_participants',
  {
    contestId: text('contest_id').notNull().references(() => contests.id, { onDelete: 'cascade' }),
    pseudonym: text('pseudonym').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    entries: integer('entries').notNull().default(0),
    listed: boolean('listed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contest_participants_pseudonym_key').on(t.contestId, t.pseudonym), uniqueIndex('contest_participants_user_key').on(t.contestId, t.userId), index('contest_participants_user_idx').on(t.userId)],
);

/** One row per prize slot and round: the winner drawn, the counter of the stream used, and the claim. */
export const contestWinners = pgTable(
  'contest_winners',
  {
    id: text('id').primaryKey(),
    contestId: text('contest_id').notNull().references(() => contests.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    slot: integer('slot').notNull(),
    prizeId: text('prize_id').notNull().references(() => contestPrizes.id, { onDelete: 'cascade' }),
    pseudonym: text('pseudonym'),
    counter: integer('counter'),
    status: text('status', { enum: WIN_STATUSES }).notNull().default('notified'),
    claimDeadline: timestamp('claim_deadline', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contest_winners_slot_round_key').on(t.contestId, t.slot, t.round),
    uniqueIndex('contest_winners_pseudonym_key').on(t.contestId, t.pseudonym),
    index('contest_winners_deadline_idx').on(t.status, t.claimDeadline),
  ],
);
