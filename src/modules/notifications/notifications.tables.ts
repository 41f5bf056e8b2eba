import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { DIGEST_FREQUENCIES } from './notifications.domain.js';
export * from './notifications.domain.js';

/** In-app notifications; written in the same transaction as the event that causes them. */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** Only ids and short labels; views translate `kind` in the reader's language. */
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull().default({}),
    url: text('url').notNull().default('/'),
    /** What the notification is about, so moderation can hide it with its subject. */
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set when an immediate e-mail was queued, or when a digest included it: never mailed twice. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('notifications_unread_idx').on(t.userId, t.readAt),
    index('notifications_subject_idx').on(t.subjectType, t.subjectId),
    index('notifications_unmailed_idx').on(t.userId, t.createdAt).where(sql`emailed_at IS NULL AND hidden_at IS NULL`),
  ],
);

/** A person's e-mail settings; no row means the defaults (weekly digest, nothing opted out). */
export const notificationSettings = pgTable('notification_settings', {
  userId: text('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  digest: text('digest', { enum: DIGEST_FREQUENCIES }).notNull().default('weekly'),
  /** Kinds (or kind prefixes such as `comment.`) the person does not want by e-mail. */
  emailOptOuts: text('email_opt_outs').array().notNull().default(sql`'{}'::text[]`),
  /** Immediate e-mail for what needs action (a pledge to answer). */
  immediate: text('immediate', { enum: ['on', 'off'] }).notNull().default('on'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per person and digest period: the primary key makes a second send of the same digest impossible. */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** e.g. `daily:2026-11-29` or `weekly:2026-W48`. */
    period: text('period').notNull(),
    itemCount: integer('item_count').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.period] })],
);
