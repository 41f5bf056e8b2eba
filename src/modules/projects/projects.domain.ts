/** The projects domain's closed sets and value types; `projects.tables.ts` uses them and re-exports them. */
export const PROJECT_STATUSES = ['draft', 'submitted', 'published', 'in_progress', 'completed', 'archived'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_CATEGORIES = ['environment', 'food', 'youth', 'seniors', 'culture', 'housing', 'mobility', 'education', 'health', 'local_economy', 'solidarity', 'sport'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];
export const TEAM_ROLES = ['promoter', 'member'] as const;
