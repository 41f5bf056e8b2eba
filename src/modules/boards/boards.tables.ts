import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { territories } from '../territories/territories.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { BOARD_VISIBILITIES, BOARD_ITEM_TYPES } from './boards.domain.js';
export * from './boards.domain.js';

/** A Pinterest-like collection; `curated` boards are made by caisse staff for a territory or a theme. */
export const boards = pgTable(
  'boards',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    language: text('language', { enum: ['fr', 'en'] }).notNull().default('fr'),
    visibility: text('visibility', { enum: BOARD_VISIBILITIES }).notNull().default('public'),
    curated: boolean('curated').notNull().default(false),
    territoryId: text('territory_id').references(() => territories.id, { onDelete: 'set null' }),
    caisseId: text('caisse_id').references(() => caisses.id, { onDelete: 'set null' }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('boards_owner_idx').on(t.ownerId, t.updatedAt.desc()), index('boards_territory_idx').on(t.territoryId, t.curated, t.updatedAt.desc())],
);

/** Items in a board, ordered by `position` (reorder rewrites positions in one transaction). */
export const boardItems = pgTable(
  'board_items',
  {
    boardId: text('board_id').notNull().references(() => boards.id, { onDelete: 'cascade' }),
    itemType: text('item_type', { enum: BOARD_ITEM_TYPES }).notNull(),
    itemId: text('item_id').notNull(),
    position: integer('position').notNull().default(0),
    note: text('note').notNull().default(''),
    addedBy: text('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.itemType, t.itemId] }), index('board_items_order_idx').on(t.boardId, t.position), index('board_items_item_idx').on(t.itemType, t.itemId)],
);
