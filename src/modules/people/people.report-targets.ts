import type { ReportTargetDefinition } from '../../platform/report-targets.js';
import { peopleReportTargetsRepository as repo } from './people.report-targets.repository.js';

/** A person (their public profile) can be reported; moderators suspend them rather than hide them (ADR 0011). */
export const peopleReportTargets: readonly ReportTargetDefinition[] = [
  {
    type: 'user', table: 'users', effect: 'suspend', quote: 'title',
    find: repo.person,
    visibleTo: async (_deps, _actor, target) => target.hiddenAt === null,
    url: (t) => `/membres/${t.authorHandle}`,
    suspend: repo.suspend,
  },
];
