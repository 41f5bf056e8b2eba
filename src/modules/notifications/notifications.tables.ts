import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';

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
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt.desc(), t.id.desc()), index('notifications_unread_idx').on(t.userId, t.readAt)],
);
