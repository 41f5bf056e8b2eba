import { sql, type SQL } from 'drizzle-orm';
import { customType, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { territories } from '../territories/territories.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { PROJECT_STATUSES, PROJECT_CATEGORIES, TEAM_ROLES } from './projects.domain.js';
export * from './projects.domain.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey(),
    promoterId: text('promoter_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Markdown source; rendered through an allow-list sanitiser. */
    description: text('description').notNull().default(''),
    language: text('language', { enum: ['fr', 'en'] }).notNull().default('fr'),
    category: text('category', { enum: PROJECT_CATEGORIES }).notNull(),
    territoryId: text('territory_id').notNull().references(() => territories.id, { onDelete: 'restrict' }),
    caisseId: text('caisse_id').references(() => caisses.id, { onDelete: 'set null' }),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('draft'),
    coverImageId: text('cover_image_id'),
    /** Set by moderation: hidden from everyone but moderators and the team, with the reason shown to them. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** French + English stems, accent-insensitive, title weighted first. */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('ec_french'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('ec_french'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('ec_french'::regconfig, coalesce(description, '')), 'C') || setweight(to_tsvector('ec_english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('ec_english'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('ec_english'::regconfig, coalesce(description, '')), 'C')`,
    ),
  },
  (t) => [
    index('projects_public_feed_idx').on(t.status, t.publishedAt.desc().nullsFirst(), t.id.desc()),
    index('projects_territory_idx').on(t.territoryId, t.status, t.publishedAt.desc().nullsFirst(), t.id.desc()),
    index('projects_category_idx').on(t.category, t.status, t.publishedAt.desc().nullsFirst()),
    index('projects_promoter_idx').on(t.promoterId, t.createdAt),
    index('projects_search_idx').using('gin', t.searchVector),
  ],
);

export const projectTeam = pgTable(
  'project_team',
  {
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: TEAM_ROLES }).notNull().default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_team_user_idx').on(t.userId)],
);

export const projectImages = pgTable(
  'project_images',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    /** Random storage key prefix; sizes are stored as `<key>-<width>.webp`. */
    storageKey: text('storage_key').notNull(),
    alt: text('alt').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_images_project_idx').on(t.projectId, t.position)],
);

export const projectUpdates = pgTable(
  'project_updates',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // By author: a person's entries in a contest (contests.repository `actions`) and their data export.
  (t) => [index('project_updates_project_idx').on(t.projectId, t.createdAt.desc()), index('project_updates_author_idx').on(t.authorId, t.createdAt)],
);

export const projectTransitions = pgTable(
  'project_transitions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_transitions_project_idx').on(t.projectId, t.createdAt)],
);
