import type { caisses } from '../caisses/caisses.tables.js';
import type { projectImages, projects, projectUpdates } from './projects.tables.js';
import type { ProjectCategory, ProjectStatus } from './projects.domain.js';
import type { TeamRole } from './projects.policy.js';

/** Shapes read by the repositories and shown by presenters and views (no data access here). */
export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type ServingCaisse = Pick<typeof caisses.$inferSelect, 'id' | 'slug' | 'name' | 'requiresApproval'>;
export type TeamMemberRow = { userId: string; handle: string; displayName: string; role: TeamRole; deleted: boolean };
export type ProjectImageRow = typeof projectImages.$inferSelect;
export type ProjectUpdateRow = typeof projectUpdates.$inferSelect & { authorHandle: string | null; authorName: string | null };

/** A project with the names around it, for its page and the API. */
export type ProjectDetailsRow = ProjectRow & {
  territory: { id: string; slug: string; nameFr: string; nameEn: string };
  caisse: { slug: string; name: string } | null;
  promoter: { handle: string; displayName: string };
};

/** One card of the grid: the project, its territory's names and its cover image. */
export type ProjectCardRow = {
  id: string;
  title: string;
  summary: string;
  category: ProjectCategory;
  status: ProjectStatus;
  language: 'fr' | 'en';
  publishedAt: Date | null;
  /** publishedAt with its microseconds, for an exact keyset cursor. */
  cursorAt: string | null;
  territorySlug: string;
  territoryNameFr: string;
  territoryNameEn: string;
  cover: { storageKey: string; alt: string; width: number; height: number } | null;
  rank: string | null;
  excerpt: string | null;
};
