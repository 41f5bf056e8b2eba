import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { territories } from '../territories/territories.tables.js';

export const caisses = pgTable(
  'caisses',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    address: text('address').notNull().default(''),
    website: text('website'),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('caisses_slug_key').on(t.slug)],
);

export const caisseTerritories = pgTable(
  'caisse_territories',
  {
    caisseId: text('caisse_id').notNull().references(() => caisses.id, { onDelete: 'cascade' }),
    territoryId: text('territory_id').notNull().references(() => territories.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.caisseId, t.territoryId] }), index('caisse_territories_territory_idx').on(t.territoryId)],
);
