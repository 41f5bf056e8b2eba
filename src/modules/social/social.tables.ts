import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { FOLLOW_TARGETS, ACTIVITY_KINDS, SUBJECT_TYPES, REACTION_TARGETS, REACTION_KINDS, COMMENT_TARGETS } from './social.domain.js';
export * from './social.domain.js';

/** Who follows what; the feed is computed from these rows when it is read (docs/adr/0008-feed.md). */
export const follows = pgTable(
  'follows',
  {
    followerId: text('follower_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    targetType: text('target_type', { enum: FOLLOW_TARGETS }).notNull(),
    targetId: text('target_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.followerId, t.targetType, t.targetId] }), index('follows_target_idx').on(t.targetType, t.targetId, t.createdAt.desc())],
);

/**
 * What happened, once (fan-out on read). `projectId`, `territoryId`, `organisationId` and `actorId`
 * are the keys the feed selects on; `data` holds ids and short labels only; `hiddenAt` is set by
 * moderation when the subject (or its project) is hidden.
 */
export const activities = pgTable(
  'activities',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    subjectType: text('subject_type', { enum: SUBJECT_TYPES }).notNull(),
    subjectId: text('subject_id').notNull(),
    projectId: text('project_id'),
    territoryId: text('territory_id'),
    organisationId: text('organisation_id'),
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull().default({}),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_recent_idx').on(t.createdAt.desc(), t.id.desc()).where(sql`hidden_at IS NULL`),
    index('activities_territory_idx').on(t.territoryId, t.createdAt.desc(), t.id.desc()).where(sql`hidden_at IS NULL`),
    index('activities_project_idx').on(t.projectId, t.createdAt.desc(), t.id.desc()).where(sql`hidden_at IS NULL`),
    index('activities_actor_idx').on(t.actorId, t.createdAt.desc(), t.id.desc()).where(sql`hidden_at IS NULL`),
    index('activities_organisation_idx').on(t.organisationId, t.createdAt.desc(), t.id.desc()).where(sql`hidden_at IS NULL`),
    index('activities_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

/** One reaction of each kind per person per target; counts are `count(*)`, so they cannot drift. */
export const reactions = pgTable(
  'reactions',
  {
    targetType: text('target_type', { enum: REACTION_TARGETS }).notNull(),
    targetId: text('target_id').notNull(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REACTION_KINDS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.targetType, t.targetId, t.kind, t.userId] }), index('reactions_user_idx').on(t.userId, t.createdAt.desc())],
);

/**
 * Threaded comments (two levels: `parentId` points at a top-level comment). Deleting keeps a
 * tombstone (`deletedAt`, body emptied) so replies keep their thread. `projectId` is always set
 * (the project itself or the update's project) for moderation routing and filtering.
 */
export const comments = pgTable(
  'comments',
  {
    id: text('id').primaryKey(),
    targetType: text('target_type', { enum: COMMENT_TARGETS }).notNull(),
    targetId: text('target_id').notNull(),
    projectId: text('project_id').notNull(),
    parentId: text('parent_id'),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Markdown subset source, sanitised when rendered. */
    body: text('body').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('comments_target_idx').on(t.targetType, t.targetId, t.createdAt, t.id),
    index('comments_parent_idx').on(t.parentId, t.createdAt),
    index('comments_author_idx').on(t.authorId, t.createdAt.desc()),
  ],
);
