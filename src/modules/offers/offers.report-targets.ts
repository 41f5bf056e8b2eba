import type { ReportTargetDefinition } from '../../platform/report-targets.js';
import { offersReportTargetsRepository as repo } from './offers.report-targets.repository.js';

/** An active offer can be reported (ADR 0011). */
export const offersReportTargets: readonly ReportTargetDefinition[] = [
  {
    type: 'offer', table: 'offers', effect: 'hide', quote: 'title',
    find: repo.offer,
    visibleTo: async (_deps, actor, target) => target.status === 'active' || target.authorIds.includes(actor.id),
    url: (t) => `/offres/${t.id}`,
  },
];
