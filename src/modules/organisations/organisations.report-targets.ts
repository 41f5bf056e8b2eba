import type { ReportTargetDefinition } from '../../platform/report-targets.js';
import { organisationsReportTargetsRepository as repo } from './organisations.report-targets.repository.js';

/** An organisation's public page can be reported (ADR 0011). */
export const organisationsReportTargets: readonly ReportTargetDefinition[] = [
  {
    type: 'organisation', table: 'organisations', effect: 'hide', quote: 'title',
    find: repo.organisation,
    recordsUnder: { activities: 'organisation_id' },
    visibleTo: async () => true,
    url: (t) => `/organisations/${t.slug ?? t.id}`,
  },
];
