import type { NeedKind, NeedUnit } from '../needs/needs.domain.js';
import type { ProjectStatus } from '../projects/projects.domain.js';
import type { pledges } from './pledges.tables.js';

/** The shapes pledges are read in: the repository returns them, services, presenters and views use them. */
export type PledgeRow = typeof pledges.$inferSelect;
export type NeedTarget = { id: string; projectId: string; kind: NeedKind; title: string; quantity: number; unit: NeedUnit; materialMode: 'lend' | 'give' | null; closedAt: Date | null };
export type ProjectTarget = { id: string; title: string; status: ProjectStatus; territoryId: string; caisseId: string | null; hiddenAt?: Date | null };
export type Partner = { id: string; slug: string; name: string };

/** A pledge with what it is for and who made it. */
export type PledgeDetail = PledgeRow & {
  need: Pick<NeedTarget, 'id' | 'title' | 'kind' | 'unit' | 'materialMode' | 'quantity'>;
  project: ProjectTarget;
  /** Null once the supporter's account is gone; `deletedAt` set while it is being anonymised. */
  supporter: { id: string; handle: string; displayName: string; email: string; locale: 'fr' | 'en'; deletedAt: Date | null } | null;
  organisation: Partner | null;
  /** The supporter chose to be named on the project page. */
  showName: boolean;
};
