import type { ActivityKind, SubjectType } from './social.domain.js';

/** An activity as the feed reads it, with its actor's name (repository → service → presenter). */
export type ActivityRow = {
  id: string;
  kind: ActivityKind;
  actor_id: string | null;
  /** Null when the actor's account is gone or suspended. */
  actor_handle: string | null;
  actor_name: string | null;
  subject_type: SubjectType;
  subject_id: string;
  project_id: string | null;
  territory_id: string | null;
  organisation_id: string | null;
  data: Record<string, string | number | null>;
  created_at: Date;
  cursor_at: string;
};
