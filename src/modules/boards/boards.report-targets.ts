import type { ReportTargetDefinition } from '../../platform/report-targets.js';
import { boardsReportTargetsRepository as repo } from './boards.report-targets.repository.js';

/** A public board can be reported (a private one only by its owner, who sees it) (ADR 0011). */
export const boardsReportTargets: readonly ReportTargetDefinition[] = [
  {
    type: 'board', table: 'boards', effect: 'hide', quote: 'title',
    find: repo.board,
    visibleTo: async (_deps, actor, target) => target.status === 'public' || target.authorIds.includes(actor.id),
    url: (t) => `/tableaux/${t.id}`,
  },
];
